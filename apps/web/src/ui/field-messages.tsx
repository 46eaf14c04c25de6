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
