import type { Choice } from './choice';
import { LabelledField } from './field-messages';
import type { LabelledFieldProps } from './field-messages';
import './forms.css';

/** GOV.UK select (used for picking one LA from a list of 150). */
export function SelectField({
  options,
  value,
  onChange,
  placeholder,
  ...field
}: LabelledFieldProps & {
  options: Choice[];
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  return (
    <LabelledField
      {...field}
      control={(describedBy) => (
        <select
          className={field.error ? 'app-select app-select--error' : 'app-select'}
          id={field.id}
          name={field.id}
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
