import type { Choice } from './choice';
import { ChoiceFieldset, ChoiceItems } from './choice-fieldset';
import type { ChoiceFieldProps } from './choice-fieldset';

/** GOV.UK radios in a fieldset whose legend is the question. */
export function RadioField({
  id,
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
}: ChoiceFieldProps & {
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} error={error}>
      <ChoiceItems
        kind="radios"
        groupId={id}
        choices={choices}
        isChecked={(choice) => choice.value === value}
        onToggle={(choice) => onChange(choice.value)}
      />
    </ChoiceFieldset>
  );
}
