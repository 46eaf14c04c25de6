import type { TextareaHTMLAttributes } from 'react';
import { LabelledField } from './field-messages';
import type { LabelledFieldProps } from './field-messages';
import './forms.css';

/** GOV.UK textarea: label, optional hint, error message tied by aria-describedby. */
export function TextareaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 5,
  ...rest
}: LabelledFieldProps & {
  value: string;
  onChange?: (value: string) => void;
  rows?: number;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <LabelledField
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(describedBy) => (
        <textarea
          {...rest}
          className={`app-textarea${error ? ' app-textarea--error' : ''}`}
          id={id}
          name={rest.name ?? id}
          rows={rows}
          value={value}
          readOnly={onChange === undefined}
          aria-describedby={describedBy}
          onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        />
      )}
    />
  );
}
