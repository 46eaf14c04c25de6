import type { ChangeEvent, InputHTMLAttributes } from 'react';
import { LabelledField } from './field-messages';
import type { LabelledFieldProps } from './field-messages';
import './forms.css';

/** GOV.UK text input: label, optional hint, error message tied to the input by aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  width,
  labelAsHeading = false,
  ...rest
}: LabelledFieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'datetime-local';
  /** Characters the field is sized for (GOV.UK fixed widths); full width when omitted. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  labelAsHeading?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type' | 'width'>) {
  return (
    <LabelledField
      id={id}
      label={label}
      hint={hint}
      error={error}
      labelAsHeading={labelAsHeading}
      control={(describedBy) => (
        <input
          {...rest}
          className={[
            'app-input',
            width ? `app-input--width-${width}` : '',
            error ? 'app-input--error' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          id={id}
          name={rest.name ?? id}
          type={type}
          value={value}
          aria-describedby={describedBy}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      )}
    />
  );
}
