import { FieldMessages, fieldMessageIds, formGroupClass } from './field-messages';
import './forms.css';

/** What a date-and-time field holds as typed: day, month, year and an optional time. */
export interface DateTimeParts {
  day: string;
  month: string;
  year: string;
  time: string;
}

export const EMPTY_DATE_TIME: DateTimeParts = { day: '', month: '', year: '', time: '' };

/**
 * GOV.UK date input (day, month, year) and a time box, in one fieldset. The first input carries
 * `${id}-day`, where an error summary link sends focus. Inputs post as `${id}-day` and so on.
 */
export function DateTimeField({
  id,
  legend,
  hint,
  timeHint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  timeHint: string;
  error?: string;
  value: DateTimeParts;
  onChange: (value: DateTimeParts) => void;
}) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  const box = (part: keyof DateTimeParts, label: string, width: 2 | 4 | 5, extra: object = {}) => (
    <div className="app-date-input__item">
      <label className="app-label app-date-input__label" htmlFor={`${id}-${part}`}>
        {label}
      </label>
      <input
        className={`app-input app-input--width-${width}${error ? ' app-input--error' : ''}`}
        id={`${id}-${part}`}
        name={`${id}-${part}`}
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        value={value[part]}
        onChange={(event) => onChange({ ...value, [part]: event.target.value })}
        {...extra}
      />
    </div>
  );
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="app-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="app-fieldset__legend app-fieldset__legend--m">{legend}</legend>
        <FieldMessages hintId={hintId} hint={hint} errorId={errorId} error={error} />
        <div className="app-date-input">
          {box('day', 'Day', 2)}
          {box('month', 'Month', 2)}
          {box('year', 'Year', 4)}
          {box('time', 'Time (24-hour, optional)', 5, {
            'aria-describedby': `${id}-time-hint`,
            inputMode: 'text',
          })}
        </div>
        <div id={`${id}-time-hint`} className="app-hint app-date-input__time-hint">
          {timeHint}
        </div>
      </fieldset>
    </div>
  );
}
