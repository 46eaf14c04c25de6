import type { Choice } from './choice';
import { FieldMessages, fieldMessageIds, formGroupClass } from './field-messages';
import './forms.css';

/** GOV.UK radios in a fieldset whose legend is the question. */
export function RadioField({
  id,
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="app-fieldset" aria-describedby={describedBy}>
        <legend className="app-fieldset__legend">{legend}</legend>
        <FieldMessages hintId={hintId} hint={hint} errorId={errorId} error={error} />
        <div className="app-radios">
          {choices.map((choice, index) => {
            // The first radio carries the group's id, so an error summary link can focus it.
            const inputId = index === 0 ? id : `${id}-${choice.value}`;
            return (
              <div className="app-radios__item" key={choice.value}>
                <input
                  className="app-radios__input"
                  id={inputId}
                  name={id}
                  type="radio"
                  value={choice.value}
                  checked={value === choice.value}
                  onChange={() => onChange(choice.value)}
                  aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
                />
                <label className="app-label app-radios__label" htmlFor={inputId}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div id={`${inputId}-hint`} className="app-hint app-radios__hint">
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
