import type { Choice } from './choice';
import { ChoiceFieldset, ChoiceItem } from './choice-fieldset';
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
      <div className="app-radios">
        {choices.map((choice, index) => (
          <ChoiceItem
            key={choice.value}
            kind="radios"
            groupId={id}
            index={index}
            choice={choice}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
        ))}
      </div>
    </ChoiceFieldset>
  );
}
