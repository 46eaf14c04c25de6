import { FieldMessages, fieldMessageIds, formGroupClass } from './field-messages';
import './forms.css';

/** GOV.UK textarea: label, optional hint, error message tied to it by aria-describedby. */
export function TextareaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 5,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  return (
    <div className={formGroupClass(error)}>
      <label className="app-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages hintId={hintId} hint={hint} errorId={errorId} error={error} />
      <textarea
        className={error ? 'app-textarea app-input--error' : 'app-textarea'}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
