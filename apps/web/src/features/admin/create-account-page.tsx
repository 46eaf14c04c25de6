import {
  isEmailAddress,
  isStaffRoleName,
  PASSWORD_MIN_LENGTH,
  type StaffRoleName,
} from '@swhc/contracts';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  Link,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
} from 'react-router';
import { createStaffAccount, listOrganisations } from '../../api';
import { ActionForm } from '../../app/action-form';
import { textOf } from '../../app/form-fields';
import { redirectWithNotice } from '../../app/notice';
import { requireStaff, sessionEnded, valueOf } from '../../app/page-data';
import { ROLE_LABELS } from '../../app/staff-session';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorItems,
  RadioField,
  SelectField,
  TextField,
  usePageTitle,
} from '../../ui';
import { AdminNav } from './admin-nav';
import { isTooShortPassword, NewPasswordField, PASSWORD_TOO_SHORT } from './new-password-field';
import { organisationChoice } from './organisation-choice';

type Field = 'email' | 'role' | 'organisation' | 'password';
type FieldErrors = Partial<Record<Field, string>>;
const FIELD_ORDER: Field[] = ['email', 'role', 'organisation', 'password'];
const FIELD_LABELS: Record<Field, string> = {
  email: 'Email address',
  role: 'Role',
  organisation: 'Local authority',
  password: 'Password',
};

/** The api names organisationGssCodes; the form calls it organisation. */
const fromApiField = (field: string): Field | null =>
  field === 'organisationGssCodes'
    ? 'organisation'
    : (FIELD_ORDER.find((f) => f === field) ?? null);

export function validateNewAccount(input: {
  email: string;
  role: string;
  organisation: string;
  password: string;
}): FieldErrors {
  const errors: FieldErrors = {};
  if (input.email.trim() === '') errors.email = 'Enter an email address';
  else if (!isEmailAddress(input.email))
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (!input.role) errors.role = 'Select a role';
  if (input.role === 'psw' && !input.organisation)
    errors.organisation = 'Select the local authority this principal social worker works for';
  if (isTooShortPassword(input.password)) errors.password = PASSWORD_TOO_SHORT;
  return errors;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await listOrganisations(request.signal), request);
}

interface CreateOutcome {
  readonly errors: FieldErrors;
  readonly problem?: string;
}

export async function action({ request }: ActionFunctionArgs): Promise<CreateOutcome | Response> {
  const form = await request.formData();
  const field = (name: Field) => textOf(form, name);
  const input = {
    email: field('email'),
    role: field('role'),
    organisation: field('organisation'),
    password: field('password'),
  };
  const errors = validateNewAccount(input);
  if (Object.keys(errors).length > 0 || !isStaffRoleName(input.role)) return { errors };
  const result = await createStaffAccount({
    email: input.email.trim(),
    password: input.password,
    role: input.role,
    organisationGssCodes: input.role === 'psw' ? [input.organisation] : undefined,
  });
  switch (result.kind) {
    case 'ok':
      return redirectWithNotice(
        `/admin/accounts/${result.value.id}`,
        `Account created for ${result.value.email}.`,
      );
    case 'signed-out':
      return sessionEnded(request);
    case 'refused': {
      const byField: FieldErrors = {};
      for (const e of result.errors) {
        const name = fromApiField(e.field);
        if (name)
          byField[name] ??=
            result.status === 409
              ? 'An account with this email address already exists'
              : `${FIELD_LABELS[name]} ${e.message}`;
      }
      return Object.keys(byField).length > 0
        ? { errors: byField }
        : { errors: {}, problem: result.message };
    }
    case 'unavailable':
    case 'aborted':
      return {
        errors: {},
        problem:
          'Sorry, there is a problem with the service. The account was not created. Try again in a few minutes.',
      };
    default:
      return { errors: {}, problem: result.message };
  }
}

const ROLE_HINTS: Record<StaffRoleName, string> = {
  psw: 'Sees the results of the local authorities you choose, and nothing else.',
  researcher: 'Works on the national view and the instrument’s validation.',
  admin: 'Manages accounts and settings, and can see every local authority’s results.',
};

export function CreateAccountPage() {
  const organisations = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [password, setPassword] = useState('');
  const errors = outcome?.errors ?? {};

  // A new list only with a new answer: the summary takes focus whenever its list changes.
  const summary = useMemo((): ErrorSummaryItem[] => {
    const { errors: found = {}, problem } = outcome ?? {};
    return [...(problem ? [{ text: problem }] : []), ...fieldErrorItems(FIELD_ORDER, found)];
  }, [outcome]);
  usePageTitle('Create a staff account', summary.length > 0);

  return (
    <>
      <AdminNav />
      <div className="app-grid-two-thirds">
        <ErrorSummary items={summary} />
        <h1 className="app-heading-xl">Create a staff account</h1>
        <ActionForm>
          <TextField
            id="email"
            label="Email address"
            hint="Their work email address. They sign in with it."
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errors.email}
            width={30}
          />
          <RadioField
            id="role"
            legend="Role"
            value={role}
            onChange={setRole}
            error={errors.role}
            choices={(['psw', 'researcher', 'admin'] as const).map((value) => ({
              value,
              label: ROLE_LABELS[value],
              hint: ROLE_HINTS[value],
            }))}
          />
          {role === 'psw' ? (
            <SelectField
              id="organisation"
              label="Local authority"
              hint="You can add more local authorities after creating the account."
              placeholder="Choose a local authority"
              options={organisations.map(organisationChoice)}
              value={organisation}
              onChange={setOrganisation}
              error={errors.organisation}
            />
          ) : null}
          <NewPasswordField
            id="password"
            label="Initial password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to them in person or by phone, not in the same email as their sign-in address.`}
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <div className="app-button-group">
            <button type="submit" className="app-button">
              Create account
            </button>
            <Link to="/admin/accounts">Cancel</Link>
          </div>
        </ActionForm>
      </div>
    </>
  );
}

export const route = { loader, action, Component: CreateAccountPage };
