import type { ChangeEvent, InputHTMLAttributes, ReactNode } from 'react';
import './staff-ui.css';

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
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  /** Characters the field is sized for (GOV.UK fixed widths); full width when omitted. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  labelAsHeading?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type' | 'width'>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const labelElement = (
    <label className={labelAsHeading ? 'app-label app-label--l' : 'app-label'} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={error ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      {labelAsHeading ? <h1 className="app-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={hintId} className="app-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="app-error-message">
          <span className="app-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
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
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      <fieldset
        className="app-fieldset"
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      >
        <legend className="app-fieldset__legend">{legend}</legend>
        {hint ? (
          <div id={hintId} className="app-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={errorId} className="app-error-message">
            <span className="app-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'app-form-group app-form-group--error' : 'app-form-group'}>
      <label className="app-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="app-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="app-error-message">
          <span className="app-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <select
        className={error ? 'app-select app-select--error' : 'app-select'}
        id={id}
        name={id}
        value={value}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
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

/** GOV.UK notification banner for a success message after an action. */
export function SuccessBanner({
  title = 'Success',
  children,
}: {
  title?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="app-notification-banner app-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
    >
      <div className="app-notification-banner__header">
        <h2 className="app-notification-banner__title" id="success-banner-title">
          {title}
        </h2>
      </div>
      <div className="app-notification-banner__content">{children}</div>
    </div>
  );
}
