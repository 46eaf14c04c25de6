import type { Choice } from './choice';
import { FieldMessages, fieldMessageIds, formGroupClass } from './field-messages';
import './forms.css';

/** GOV.UK checkboxes in a fieldset whose legend is the question; posts one `name` per box ticked. */
export function CheckboxesField({
  id,
  legend,
  hint,
  error,
  choices,
  values,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="app-fieldset" aria-describedby={describedBy}>
        <legend className="app-fieldset__legend">{legend}</legend>
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
                />
                <label className="app-label app-checkboxes__label" htmlFor={inputId}>
                  {choice.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
