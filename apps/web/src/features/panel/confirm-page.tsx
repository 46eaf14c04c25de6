import { type ActionFunctionArgs, redirect, useActionData } from 'react-router';
import { confirmMembership } from '../../api';
import { ActionForm } from '../../app/action-form';
import { textOf } from '../../app/form-fields';
import { MessagePage, usePageTitle } from '../../ui';
import { linkToken } from './link-token';
import { ExpiredLinkPage, InvalidLinkPage } from './panel-pages';

type ConfirmOutcome = { problem: 'invalid' | 'used' | 'expired' | 'unavailable' };

export async function action({ request }: ActionFunctionArgs): Promise<ConfirmOutcome | Response> {
  const token = textOf(await request.formData(), 'token');
  const result = await confirmMembership(token);
  switch (result.kind) {
    case 'ok':
      return redirect('/panel/confirmed');
    case 'not-found':
    case 'refused':
      return { problem: 'invalid' };
    case 'gone':
      return { problem: /used/.test(result.message) ? 'used' : 'expired' };
    default:
      return { problem: 'unavailable' };
  }
}

/**
 * /panel/confirm#token — from the confirmation email. Confirming takes a press of the button: mail
 * scanners that open links do not press buttons, so they cannot use up the one-time link.
 */
export function ConfirmPage() {
  const outcome = useActionData<typeof action>();
  const token = linkToken();
  const problem =
    outcome && 'problem' in outcome ? outcome.problem : token === '' ? 'invalid' : null;
  usePageTitle(problem === null ? 'Confirm your email address' : undefined);
  if (problem === 'invalid') return <InvalidLinkPage />;
  if (problem === 'used')
    return <ExpiredLinkPage message="This confirmation link has already been used" />;
  if (problem === 'expired')
    return <ExpiredLinkPage message="This confirmation link has expired" />;
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">Confirm your email address</h1>
      {problem === 'unavailable' ? (
        <div className="app-error-summary" role="alert">
          <h2 className="app-error-summary__title">Your email address was not confirmed</h2>
          <p className="app-body">
            Sorry, there is a problem with the service. Try again in a few minutes.
          </p>
        </div>
      ) : null}
      <p className="app-body">
        Confirm that you want to join the Social Work Health Check polling panel. You will get your
        first poll by email when the next one opens.
      </p>
      <ActionForm label="Confirm your email address">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="app-button">
          Confirm and join
        </button>
      </ActionForm>
    </div>
  );
}

export function ConfirmedPage() {
  return (
    <MessagePage title="You have joined the polling panel" confirmation>
      <p className="app-body">
        Thank you. We will email you when the next poll opens. Every email has a link to change your
        details, pause for a few weeks or leave.
      </p>
    </MessagePage>
  );
}

export const route = { action, Component: ConfirmPage };
export const confirmedRoute = { loader: () => null, Component: ConfirmedPage };
