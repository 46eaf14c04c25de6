import type { PanelMembership, PanelRole, ServiceKind } from '@swhc/contracts';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  redirect,
  useActionData,
  useLoaderData,
  useRevalidator,
} from 'react-router';
import {
  getJoinOptions,
  getMembership,
  leavePanel,
  pauseMembership,
  updateMembership,
} from '../../api';
import { ActionForm } from '../../app/action-form';
import { textOf } from '../../app/form-fields';
import { ErrorSummary, SelectField, SuccessBanner, usePageTitle } from '../../ui';
import { linkToken } from './link-token';
import { ExpiredLinkPage, InvalidLinkPage, PanelServiceProblem } from './panel-pages';
import { NOT_AN_LA, profileFieldErrors, profileFromForm, ProfileFields } from './profile-fields';

export async function loader({ request }: LoaderFunctionArgs) {
  const token = linkToken(request);
  const [membership, options] = await Promise.all([
    getMembership(token, request.signal),
    getJoinOptions(request.signal),
  ]);
  return {
    token,
    membership,
    organisations: options.kind === 'ok' ? options.value.organisations : [],
  };
}

type ManageOutcome =
  | { done: 'profile' | 'pause'; membership: PanelMembership }
  | { errors: Partial<Record<string, string>> }
  | { problem: string };

const PROBLEM = 'Sorry, there is a problem with the service. Nothing was changed. Try again later.';

export async function action({ request }: ActionFunctionArgs): Promise<ManageOutcome | Response> {
  const form = await request.formData();
  const token = textOf(form, 'token');
  const intent = textOf(form, 'intent');
  if (intent === 'leave') {
    const result = await leavePanel(token);
    return result.kind === 'ok' ? redirect('/panel/left') : { problem: PROBLEM };
  }
  if (intent === 'pause') {
    const weeks = Number(textOf(form, 'weeks'));
    if (!Number.isInteger(weeks) || weeks < 0 || weeks > 26)
      return { errors: { weeks: 'Select how many weeks to pause for' } };
    const result = await pauseMembership(token, weeks);
    return result.kind === 'ok'
      ? { done: 'pause', membership: result.value }
      : { problem: PROBLEM };
  }
  const profile = profileFromForm(form);
  const errors = profileFieldErrors(profile);
  if (Object.keys(errors).length > 0) return { errors };
  const result = await updateMembership({
    token,
    organisation: profile.organisation === NOT_AN_LA ? null : profile.organisation,
    role: profile.role as PanelRole,
    service: profile.service as ServiceKind,
    region: profile.region,
  });
  return result.kind === 'ok'
    ? { done: 'profile', membership: result.value }
    : { problem: PROBLEM };
}

const londonDay = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** /panel/manage#token — from any panel email: change details, pause or leave. */
export function ManagePage() {
  const { token, membership: result, organisations } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const errors = outcome && 'errors' in outcome ? outcome.errors : {};
  const summary = useMemo(
    () =>
      Object.entries(errors).flatMap(([field, text]) => (text ? [{ targetId: field, text }] : [])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [outcome],
  );
  const [weeks, setWeeks] = useState('');
  usePageTitle(result.kind === 'ok' ? 'Manage your membership' : undefined, summary.length > 0);
  if (result.kind === 'not-found' || (result.kind === 'refused' && result.status === 400))
    return <InvalidLinkPage />;
  if (result.kind === 'gone') return <ExpiredLinkPage message="This link has expired" />;
  if (result.kind !== 'ok')
    return <PanelServiceProblem onRetry={() => void revalidator.revalidate()} />;
  const membership = outcome && 'done' in outcome ? outcome.membership : result.value;

  return (
    <div className="app-grid-two-thirds">
      {outcome && 'done' in outcome ? (
        <SuccessBanner>
          <p className="app-body">
            {outcome.done === 'profile'
              ? 'Your details have been updated.'
              : membership.pausedUntil
                ? `Your membership is paused. We will not send you polls until ${londonDay(membership.pausedUntil)}.`
                : 'Your membership is active again.'}
          </p>
        </SuccessBanner>
      ) : null}
      {outcome && 'problem' in outcome ? (
        <div className="app-error-summary" role="alert">
          <h2 className="app-error-summary__title">There is a problem</h2>
          <p className="app-body">{outcome.problem}</p>
        </div>
      ) : null}
      <ErrorSummary items={summary} />
      <h1 className="app-heading-xl">Manage your membership</h1>
      <p className="app-body">
        {membership.email}:{' '}
        {membership.status === 'paused' && membership.pausedUntil
          ? `paused until ${londonDay(membership.pausedUntil)}`
          : 'active'}
        .
      </p>

      <h2 className="app-heading-l">Your details</h2>
      <ActionForm label="Your details">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="intent" value="profile" />
        <ProfileFields
          options={{ organisations }}
          errors={errors}
          initial={{
            organisation: membership.organisation?.gssCode ?? NOT_AN_LA,
            role: membership.role,
            service: membership.service,
            region: membership.region,
          }}
        />
        <button type="submit" className="app-button">
          Save your details
        </button>
      </ActionForm>

      <h2 className="app-heading-l">Pause</h2>
      <ActionForm label="Pause your membership">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="intent" value="pause" />
        <SelectField
          id="weeks"
          label="Pause for"
          hint="You will get no polls until then. You can come back here to resume sooner."
          placeholder="Select a number of weeks"
          options={[
            ...(membership.status === 'paused' ? [{ value: '0', label: 'Resume now' }] : []),
            ...[2, 4, 8, 12, 26].map((w) => ({ value: String(w), label: `${w} weeks` })),
          ]}
          value={weeks}
          onChange={setWeeks}
          error={errors['weeks']}
        />
        <button type="submit" className="app-button app-button--secondary">
          {membership.status === 'paused' ? 'Change the pause' : 'Pause my membership'}
        </button>
      </ActionForm>

      <h2 className="app-heading-l">Leave the panel</h2>
      <p className="app-body">
        When you leave, we delete your email address and profile straight away. Answers you have
        already given stay in the results; they were never linked to you.
      </p>
      <ActionForm label="Leave the panel">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="intent" value="leave" />
        <button type="submit" className="app-button app-button--warning">
          Leave the panel
        </button>
      </ActionForm>
    </div>
  );
}

export const route = { loader, action, Component: ManagePage };
