import type { Choice } from './choice';
import { ChoiceFieldset, ChoiceItems } from './choice-fieldset';
import type { ChoiceFieldProps } from './choice-fieldset';

/** GOV.UK checkboxes in a fieldset whose legend is the question; posts one `name` per box ticked. */
export function CheckboxesField({
  id,
  legend,
  hint,
  error,
  choices,
  values,
  onChange,
  small = false,
}: ChoiceFieldProps & {
  choices: Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** A legend in body size, for a field that is part of a larger question. */
  small?: boolean;
}) {
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} error={error} small={small}>
      <ChoiceItems
        kind="checkboxes"
        groupId={id}
        choices={choices}
        isChecked={(choice) => values.includes(choice.value)}
        onToggle={(choice) =>
          // Ticked values stay in the order of the choices.
          onChange(
            values.includes(choice.value)
              ? values.filter((v) => v !== choice.value)
              : choices.map((c) => c.value).filter((v) => v === choice.value || values.includes(v)),
          )
        }
      />
    </ChoiceFieldset>
  );
}
