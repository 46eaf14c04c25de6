import type { Choice } from './choice';
import { ChoiceFieldset, ChoiceItem } from './choice-fieldset';
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
      <div className="app-checkboxes">
        {choices.map((choice, index) => {
          const checked = values.includes(choice.value);
          return (
            <ChoiceItem
              key={choice.value}
              kind="checkboxes"
              groupId={id}
              index={index}
              choice={choice}
              checked={checked}
              onChange={() =>
                // Ticked values stay in the order of the choices.
                onChange(
                  checked
                    ? values.filter((v) => v !== choice.value)
                    : choices
                        .map((c) => c.value)
                        .filter((v) => v === choice.value || values.includes(v)),
                )
              }
            />
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}
