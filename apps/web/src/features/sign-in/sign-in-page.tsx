import { isEmailAddress } from '@swhc/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { signIn } from '../../api/staff-api';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  SuccessBanner,
  TextField,
  usePageTitle,
} from '../../ui';
import { landingPathFor, safeNextPath, useStaffSession } from './staff-session';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

export function validateSignIn(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email.trim() === '') errors.email = 'Enter your email address';
  else if (!isEmailAddress(email))
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (password === '') errors.password = 'Enter your password';
  return errors;
}

/** Staff sign-in (GOV.UK pattern): email and password, errors summarised and tied to fields. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useStaffSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ErrorSummaryItem | null>(null);
  const [justSignedIn, setJustSignedIn] = useState(false);
  const sending = useRef(false);

  const summary: ErrorSummaryItem[] = [
    ...(problem ? [problem] : []),
    ...(['email', 'password'] as const)
      .filter((f) => fieldErrors[f] && fieldErrors[f] !== problem?.text)
      .map((f) => ({ targetId: f, text: fieldErrors[f] ?? '' })),
  ];
  usePageTitle('Sign in', summary.length > 0);

  // 'returnTo' is what the report page sends; 'next' is what RequireStaff sends.
  const next = safeNextPath(params.get('next') ?? params.get('returnTo'));
  if (session.state.status === 'signed-in' && !justSignedIn) {
    return <Navigate to={next ?? landingPathFor(session.state.staff)} replace />;
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return;
    const errors = validateSignIn(email, password);
    setProblem(null);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    sending.current = true;
    const result = await signIn({ email: email.trim(), password });
    sending.current = false;
    switch (result.kind) {
      case 'ok':
        setJustSignedIn(true);
        session.signedIn(result.value);
        void navigate(next ?? landingPathFor(result.value), { replace: true });
        return;
      case 'invalid': {
        const byField: FieldErrors = {};
        for (const e of result.errors)
          if (e.field === 'email' || e.field === 'password') byField[e.field] ??= e.message;
        setFieldErrors(byField);
        if (Object.keys(byField).length === 0) setProblem({ text: result.message });
        return;
      }
      case 'signed-out':
        // Wrong email or password: one message, never saying which.
        setPassword('');
        setFieldErrors({ email: 'Enter a correct email address and password' });
        setProblem({ targetId: 'email', text: 'Enter a correct email address and password' });
        return;
      case 'throttled':
        setPassword('');
        setProblem({ targetId: 'email', text: result.message });
        return;
      default:
        setProblem({
          targetId: 'email',
          text: 'Sorry, there is a problem with the service. Try again in a few minutes.',
        });
    }
  };

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
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
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
      </form>
      <h2 className="app-heading-m">Problems signing in</h2>
      <p className="app-body">
        After 5 wrong attempts, signing in to that account is paused for 15 minutes. If you have
        forgotten your password, ask an administrator of the Social Work Health Check to set a new
        one for you.
      </p>
    </div>
  );
}
