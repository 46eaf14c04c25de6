import {
  EMAIL_MAX_LENGTH,
  isEmailAddress,
  type JoinPanelRequest,
  type PanelRole,
  type ServiceKind,
} from '@swhc/contracts';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  redirect,
  useActionData,
  useLoaderData,
} from 'react-router';
import { getJoinOptions, joinPanel } from '../../api';
import { ActionForm } from '../../app/action-form';
import { textOf } from '../../app/form-fields';
import { serviceProblem } from '../../app/page-data';
import { CheckboxesField, ErrorSummary, fieldErrorItems, TextField, usePageTitle } from '../../ui';
import './panel.css';
import { NOT_AN_LA, profileFieldErrors, profileFromForm, ProfileFields } from './profile-fields';

export async function loader({ request }: LoaderFunctionArgs) {
  const options = await getJoinOptions(request.signal);
  if (options.kind !== 'ok') throw serviceProblem('We could not load the sign-up form. Try again.');
  return options.value;
}

type JoinErrors = Partial<
  Record<'email' | 'organisation' | 'role' | 'service' | 'region' | 'consent', string>
>;

export async function action({
  request,
}: ActionFunctionArgs): Promise<{ errors: JoinErrors } | Response> {
  const form = await request.formData();
  const email = textOf(form, 'email').trim();
  const profile = profileFromForm(form);
  const errors: JoinErrors = {};
  if (email === '') errors.email = 'Enter your email address';
  else if (email.length > EMAIL_MAX_LENGTH || !isEmailAddress(email))
    errors.email = 'Enter an email address in the correct format, like name@example.org';
  Object.assign(errors, profileFieldErrors(profile));
  if (textOf(form, 'consent') !== 'yes')
    errors.consent = 'Tick the box to agree to how we use your details, or you cannot join';
  if (Object.keys(errors).length > 0) return { errors };

  const body: JoinPanelRequest = {
    email,
    organisation: profile.organisation === NOT_AN_LA ? null : profile.organisation,
    role: profile.role as PanelRole,
    service: profile.service as ServiceKind,
    region: profile.region,
    consent: true,
  };
  const result = await joinPanel(body);
  if (result.kind === 'ok') return redirect('/panel/join/check-email');
  if (result.kind === 'refused' && result.status === 400) {
    for (const e of result.errors) {
      const field = e.field as keyof JoinErrors;
      errors[field] = `This ${field === 'organisation' ? 'employer' : field} ${e.message}`;
    }
    return { errors };
  }
  return {
    errors: { email: 'Sorry, there is a problem with the service. Try again in a few minutes.' },
  };
}

const ORDER: (keyof JoinErrors)[] = [
  'email',
  'organisation',
  'role',
  'service',
  'region',
  'consent',
];

/** /panel/join — anyone in the profession can join; nothing here says who already has. */
export function JoinPage() {
  const options = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const errors: JoinErrors = outcome && 'errors' in outcome ? outcome.errors : {};
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState<string[]>([]);
  const summary = useMemo(
    () => fieldErrorItems(ORDER, errors),
    // A new list only with a new answer from the action: the summary takes focus when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [outcome],
  );
  usePageTitle('Join the polling panel', summary.length > 0);

  return (
    <div className="app-grid-two-thirds app-pollpanel">
      <ErrorSummary items={summary} />
      <h1 className="app-heading-xl">Join the polling panel</h1>
      <p className="app-body-l">
        Take the pulse of the profession: about every two weeks we email you a short poll (one to
        five questions, about a minute) on wellbeing, how you use research and issues of the day.
      </p>
      <ActionForm label="Join the polling panel">
        <TextField
          id="email"
          label="Email address"
          hint="We will send you a link to confirm it. Use an address you will keep if you change jobs."
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errors.email}
        />
        <ProfileFields options={options} errors={errors} />
        <h2 className="app-heading-m">How we use your details</h2>
        <ul className="app-list app-list--bullet">
          <li>
            We use your email address only to send you polls, one reminder per poll, and messages
            about your membership. We never share it.
          </li>
          <li>
            Your answers are stored apart from your email address, with nothing linking the two. We
            keep only your service, role and region beside them, and show results only for groups of
            at least 10 people.
          </li>
          <li>
            You can change your details, pause or leave at any time from the link in every email.
            When you leave, we delete your email address and profile at once.
          </li>
          <li>
            If you do not confirm your email address within {options.confirmationDays} days, we
            delete your details.
          </li>
        </ul>
        <CheckboxesField
          id="consent"
          legend="Your agreement"
          small
          choices={[
            {
              value: 'yes',
              label: 'I agree to my details being used as described above',
            },
          ]}
          values={consent}
          onChange={setConsent}
          error={errors.consent}
        />
        <button type="submit" className="app-button">
          Join the panel
        </button>
      </ActionForm>
    </div>
  );
}

export const route = { loader, action, Component: JoinPage };
