import type { ReactNode } from 'react';
import { Form, useNavigation } from 'react-router';

/**
 * A form posted to its route's action. `noValidate`: the action checks the fields and says what is
 * wrong in GOV.UK words. A second press while the first is being sent is ignored.
 */
export function ActionForm({
  children,
  label,
  withFiles = false,
}: {
  children: ReactNode;
  label?: string;
  /** The form uploads a file: the action reads it from the form data. */
  withFiles?: boolean;
}) {
  const busy = useNavigation().state === 'submitting';
  return (
    <Form
      method="post"
      noValidate
      encType={withFiles ? 'multipart/form-data' : undefined}
      aria-label={label}
      onSubmit={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      {children}
    </Form>
  );
}
