import type { Choice } from './choice';
import { FieldMessages, fieldMessageIds, formGroupClass } from './field-messages';
import './forms.css';

/** GOV.UK checkboxes in a fieldset whose legend is the question (one or several may be ticked). */
export function CheckboxField({
  id,
  legend,
  hint,
  error,
  choices,
  values,
  onChange,
  small = false,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** A legend in body size, for a field that is part of a larger question. */
  small?: boolean;
}) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="app-fieldset" aria-describedby={describedBy}>
        <legend
          className={
            small ? 'app-fieldset__legend app-fieldset__legend--s' : 'app-fieldset__legend'
          }
        >
          {legend}
        </legend>
        <FieldMessages hintId={hintId} hint={hint} errorId={errorId} error={error} />
        <div className="app-checkboxes">
          {choices.map((choice, index) => {
            // The first box carries the group's id, so an error summary link can focus it.
            const inputId = index === 0 ? id : `${id}-${choice.value}`;
            const checked = values.includes(choice.value);
            return (
              <div className="app-checkboxes__item" key={choice.value}>
                <input
                  className="app-checkboxes__input"
                  id={inputId}
                  name={id}
                  type="checkbox"
                  value={choice.value}
                  checked={checked}
                  onChange={() =>
                    onChange(
                      checked
                        ? values.filter((v) => v !== choice.value)
                        : choices
                            .map((c) => c.value)
                            .filter((v) => v === choice.value || values.includes(v)),
                    )
                  }
                  aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
                />
                <label className="app-label app-checkboxes__label" htmlFor={inputId}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div id={`${inputId}-hint`} className="app-hint app-checkboxes__hint">
                    {choice.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
