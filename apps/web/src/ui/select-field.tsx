import type { Choice } from './choice';
import { LabelledField } from './field-messages';
import type { LabelledFieldProps } from './field-messages';
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
}: LabelledFieldProps & {
  options: Choice[];
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  return (
    <LabelledField
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(describedBy) => (
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
      )}
    />
  );
}
