import { isEmailAddress, PASSWORD_MIN_LENGTH, type StaffRoleName } from '@swhc/contracts';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createStaffAccount, listOrganisations } from '../../api/staff-api';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  RadioField,
  SelectField,
  TextField,
  usePageTitle,
} from '../../ui';
import { useStaffSession } from '../sign-in';
import { AdminNav } from './admin-nav';
import { isTooShortPassword, NewPasswordField, PASSWORD_TOO_SHORT } from './new-password-field';
import { organisationChoice } from './organisation-choice';
import { useAdminData } from './use-admin-data';

type Field = 'email' | 'role' | 'organisation' | 'password';
type FieldErrors = Partial<Record<Field, string>>;
const FIELD_ORDER: Field[] = ['email', 'role', 'organisation', 'password'];

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

export function CreateAccountPage() {
  const navigate = useNavigate();
  const { sessionEnded } = useStaffSession();
  const [organisations] = useAdminData(listOrganisations);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const sending = useRef(false);

  const summary: ErrorSummaryItem[] = [
    ...(problem ? [{ text: problem }] : []),
    ...FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ targetId: f, text: errors[f] ?? '' })),
  ];
  usePageTitle('Create a staff account', summary.length > 0);

  const options = useMemo(
    () => (organisations.status === 'ok' ? organisations.value.map(organisationChoice) : []),
    [organisations],
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return;
    const found = validateNewAccount({ email, role, organisation, password });
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    sending.current = true;
    const result = await createStaffAccount({
      email: email.trim(),
      password,
      role: role as StaffRoleName,
      organisationGssCodes: role === 'psw' ? [organisation] : undefined,
    });
    sending.current = false;
    if (result.kind === 'ok') {
      void navigate(`/admin/accounts/${result.value.id}`, {
        state: { notice: `Account created for ${result.value.email}.` },
      });
    } else if (result.kind === 'invalid' || result.kind === 'conflict') {
      const byField: FieldErrors = {};
      for (const e of result.errors) {
        const field = fromApiField(e.field);
        if (field)
          byField[field] ??=
            result.kind === 'conflict'
              ? 'An account with this email address already exists'
              : `${labelOf(field)} ${e.message}`;
      }
      setErrors(byField);
      if (Object.keys(byField).length === 0) setProblem(result.message);
    } else if (result.kind === 'signed-out') {
      sessionEnded();
    } else {
      setProblem(
        result.kind === 'unavailable'
          ? 'Sorry, there is a problem with the service. The account was not created. Try again in a few minutes.'
          : result.message,
      );
    }
  };

  return (
    <>
      <AdminNav />
      <div className="app-grid-two-thirds">
        <ErrorSummary items={summary} />
        <h1 className="app-heading-xl">Create a staff account</h1>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
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
            choices={[
              {
                value: 'psw',
                label: 'Principal social worker',
                hint: 'Sees the results of the local authorities you choose, and nothing else.',
              },
              {
                value: 'researcher',
                label: 'Researcher',
                hint: 'Works on the national view and the instrument’s validation.',
              },
              {
                value: 'admin',
                label: 'Administrator',
                hint: 'Manages accounts and settings, and can see every local authority’s results.',
              },
            ]}
          />
          {role === 'psw' ? (
            <SelectField
              id="organisation"
              label="Local authority"
              hint="You can add more local authorities after creating the account."
              placeholder={
                organisations.status === 'loading'
                  ? 'Loading local authorities…'
                  : 'Choose a local authority'
              }
              options={options}
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
        </form>
      </div>
    </>
  );
}

function labelOf(field: Field): string {
  switch (field) {
    case 'email':
      return 'Email address';
    case 'role':
      return 'Role';
    case 'organisation':
      return 'Local authority';
    case 'password':
      return 'Password';
  }
}
