import type { ReactNode } from 'react';
import type { Choice } from './choice';
import { FieldMessages, fieldMessageIds, formGroupClass } from './field-messages';
import './forms.css';

/** What a radios or checkboxes field is given: its id (also the name it posts), legend, hint and error. */
export interface ChoiceFieldProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
}

/** The GOV.UK fieldset around radios or checkboxes: its legend is the question. */
export function ChoiceFieldset({
  id,
  legend,
  hint,
  error,
  small = false,
  children,
}: ChoiceFieldProps & {
  /** A legend in body size, for a field that is part of a larger question. */
  small?: boolean;
  children: ReactNode;
}) {
  const { hintId, errorId, describedBy } = fieldMessageIds(id, hint, error);
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="app-fieldset" aria-describedby={describedBy}>
        <legend
          className={
            small ? 'app-fieldset__legend app-fieldset__legend--s' : 'app-fieldset__legend'
          }
        >
          {legend}
        </legend>
        <FieldMessages hintId={hintId} hint={hint} errorId={errorId} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

/** A group's radios or checkboxes, one {@link ChoiceItem} per choice, in the order given. */
export function ChoiceItems({
  kind,
  groupId,
  choices,
  isChecked,
  onToggle,
}: {
  kind: 'radios' | 'checkboxes';
  groupId: string;
  choices: Choice[];
  isChecked: (choice: Choice) => boolean;
  /** The person ticked or unticked `choice`. */
  onToggle: (choice: Choice) => void;
}) {
  return (
    <div className={`app-${kind}`}>
      {choices.map((choice, index) => (
        <ChoiceItem
          key={choice.value}
          kind={kind}
          groupId={groupId}
          index={index}
          choice={choice}
          checked={isChecked(choice)}
          onChange={() => onToggle(choice)}
        />
      ))}
    </div>
  );
}

/**
 * One radio or checkbox with its label and its hint. The first of a group carries the group's id,
 * so an error summary link can focus it.
 */
function ChoiceItem({
  kind,
  groupId,
  index,
  choice,
  checked,
  onChange,
}: {
  kind: 'radios' | 'checkboxes';
  groupId: string;
  index: number;
  choice: Choice;
  checked: boolean;
  onChange: () => void;
}) {
  const inputId = index === 0 ? groupId : `${groupId}-${choice.value}`;
  return (
    <div className={`app-${kind}__item`}>
      <input
        className={`app-${kind}__input`}
        id={inputId}
        name={groupId}
        type={kind === 'radios' ? 'radio' : 'checkbox'}
        value={choice.value}
        checked={checked}
        onChange={onChange}
        aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
      />
      <label className={`app-label app-${kind}__label`} htmlFor={inputId}>
        {choice.label}
      </label>
      {choice.hint ? (
        <div id={`${inputId}-hint`} className={`app-hint app-${kind}__hint`}>
          {choice.hint}
        </div>
      ) : null}
    </div>
  );
}
