import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldMessages, fieldMessageIds, formGroupClass } from './field-messages';
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
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange?: (value: string) => void;
  rows?: number;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  return (
    <div className={formGroupClass(error)}>
      <label className="app-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages hintId={hintId} hint={hint} errorId={errorId} error={error} />
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
    </div>
  );
}
