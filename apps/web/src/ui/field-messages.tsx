import type { ReactNode } from 'react';

/** Ids of a field's hint and error message, and the aria-describedby value that joins them. */
export function fieldMessageIds(id: string, hint: unknown, error: unknown) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    hintId,
    errorId,
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
  };
}

/** The class of a GOV.UK form group, with the red bar when the field has an error. */
export const formGroupClass = (error: string | undefined) =>
  error ? 'app-form-group app-form-group--error' : 'app-form-group';

/** A field's hint and error message (either may be absent), in GOV.UK order. */
export function FieldMessages({
  hintId,
  hint,
  errorId,
  error,
}: {
  hintId: string | undefined;
  hint: ReactNode;
  errorId: string | undefined;
  error: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <div id={hintId} className="app-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="app-error-message">
          <span className="app-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
    </>
  );
}

/** What every labelled field is given: its id (also the name it posts), label, hint and error. */
export interface LabelledFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/**
 * A GOV.UK form group for one control: its label (or, as a page's question, the label inside the
 * h1), the hint and error message, then the control, given the aria-describedby that joins them.
 */
export function LabelledField({
  id,
  label,
  hint,
  error,
  labelAsHeading = false,
  control,
}: LabelledFieldProps & {
  labelAsHeading?: boolean;
  control: (describedBy: string | undefined) => ReactNode;
}) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  const labelElement = (
    <label className={labelAsHeading ? 'app-label app-label--l' : 'app-label'} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={formGroupClass(error)}>
      {labelAsHeading ? <h1 className="app-label-wrapper">{labelElement}</h1> : labelElement}
      <FieldMessages hintId={hintId} hint={hint} errorId={errorId} error={error} />
      {control(describedBy)}
    </div>
  );
}
