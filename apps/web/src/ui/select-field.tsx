import type { Choice } from './choice';
import { FieldMessages, fieldMessageIds, formGroupClass } from './field-messages';
import './forms.css';

/** GOV.UK select (used for picking one LA from a list of 150). */
export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: Choice[];
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  return (
    <div className={formGroupClass(error)}>
      <label className="app-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages hintId={hintId} hint={hint} errorId={errorId} error={error} />
      <select
        className={error ? 'app-select app-select--error' : 'app-select'}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
