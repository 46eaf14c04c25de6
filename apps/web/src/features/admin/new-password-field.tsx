import { PASSWORD_MIN_LENGTH } from '@swhc/contracts';
import { TextField } from '../../ui';

/** The api refuses shorter passwords too. */
export const PASSWORD_TOO_SHORT = `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
export const isTooShortPassword = (password: string) => password.length < PASSWORD_MIN_LENGTH;

/**
 * A password an administrator sets for someone else: shown as it is typed (they pass it on in
 * person or by phone) and never offered by the browser as the administrator's own.
 */
export function NewPasswordField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      type="text"
      autoComplete="new-password"
      spellCheck={false}
      value={value}
      onChange={onChange}
      error={error}
      width={30}
    />
  );
}
