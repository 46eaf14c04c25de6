import { isEmailAddress } from '@swhc/contracts';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  replace,
  useActionData,
  useSearchParams,
} from 'react-router';
import { signIn } from '../../api';
import { ActionForm } from '../../app/action-form';
import { textOf } from '../../app/form-fields';
import { staffSession } from '../../app/staff-session';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorItems,
  SuccessBanner,
  TextField,
  usePageTitle,
} from '../../ui';
import { landingPathFor, nextPathIn } from './after-sign-in';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

const WRONG_CREDENTIALS = 'Enter a correct email address and password';

export function validateSignIn(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email.trim() === '') errors.email = 'Enter your email address';
  else if (!isEmailAddress(email))
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (password === '') errors.password = 'Enter your password';
  return errors;
}

/** Someone already signed in goes straight on. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await staffSession.known();
  if (session.status === 'signed-in')
    throw replace(nextPathIn(new URL(request.url)) ?? landingPathFor(session.staff));
  return null;
}

interface SignInOutcome {
  readonly fieldErrors: FieldErrors;
  readonly problem?: ErrorSummaryItem;
  /** After a wrong password (or too many), the password field is emptied. */
  readonly clearPassword?: boolean;
}

export async function action({ request }: ActionFunctionArgs): Promise<SignInOutcome | Response> {
  const form = await request.formData();
  const email = textOf(form, 'email');
  const password = textOf(form, 'password');
  const fieldErrors = validateSignIn(email, password);
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  const result = await signIn({ email: email.trim(), password });
  switch (result.kind) {
    case 'ok':
      staffSession.signedIn(result.value);
      return replace(nextPathIn(new URL(request.url)) ?? landingPathFor(result.value));
    case 'signed-out':
      // Wrong email or password: one message, never saying which.
      return {
        fieldErrors: { email: WRONG_CREDENTIALS },
        problem: { targetId: 'email', text: WRONG_CREDENTIALS },
        clearPassword: true,
      };
    case 'refused': {
      if (result.status === 429)
        return {
          fieldErrors: {},
          problem: { targetId: 'email', text: result.message },
          clearPassword: true,
        };
      const byField: FieldErrors = {};
      for (const e of result.errors)
        if (e.field === 'email' || e.field === 'password') byField[e.field] ??= e.message;
      return Object.keys(byField).length > 0
        ? { fieldErrors: byField }
        : { fieldErrors: {}, problem: { text: result.message } };
    }
    default:
      return {
        fieldErrors: {},
        problem: {
          targetId: 'email',
          text: 'Sorry, there is a problem with the service. Try again in a few minutes.',
        },
      };
  }
}

/** Staff sign-in (GOV.UK pattern): email and password, errors summarised and tied to fields. */
export function SignInPage() {
  const [params] = useSearchParams();
  const outcome = useActionData<typeof action>();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [answered, setAnswered] = useState(outcome);
  if (outcome !== answered) {
    setAnswered(outcome);
    if (outcome?.clearPassword) setPassword('');
  }

  const fieldErrors = outcome?.fieldErrors ?? {};
  // A new list only with a new answer: the summary takes focus whenever its list changes.
  const summary = useMemo((): ErrorSummaryItem[] => {
    const { fieldErrors: errors = {}, problem } = outcome ?? {};
    return [
      ...(problem ? [problem] : []),
      ...fieldErrorItems(['email', 'password'], errors).filter(
        (item) => item.text !== problem?.text,
      ),
    ];
  }, [outcome]);
  usePageTitle('Sign in', summary.length > 0);

  return (
    <div className="app-grid-two-thirds">
      {params.get('signed-out') === '1' && summary.length === 0 ? (
        <SuccessBanner>
          <p className="app-body">You have signed out.</p>
        </SuccessBanner>
      ) : null}
      <ErrorSummary items={summary} />
      <h1 className="app-heading-xl">Sign in</h1>
      <p className="app-body">
        For principal social workers, researchers and administrators of the Social Work Health
        Check. If you are a social worker taking the survey, use the link your organisation sent
        you: you do not need to sign in.
      </p>
      <ActionForm>
        <TextField
          id="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
          width={30}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          width={30}
        />
        <button type="submit" className="app-button" data-module="app-button">
          Sign in
        </button>
      </ActionForm>
      <h2 className="app-heading-m">Problems signing in</h2>
      <p className="app-body">
        After 5 wrong attempts, signing in to that account is paused for 15 minutes. If you have
        forgotten your password, ask an administrator of the Social Work Health Check to set a new
        one for you.
      </p>
    </div>
  );
}

export const route = { loader, action, Component: SignInPage };
