import { Link } from 'react-router';
import { Panel, usePageTitle } from '../../ui';

/** Shown for any emailed link we do not recognise (mistyped, cut short, or the member has left). */
export function InvalidLinkPage({ what = 'link' }: { what?: string }) {
  usePageTitle(`This ${what} is not valid`);
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">This {what} is not valid</h1>
      <p className="app-body">
        Check that you opened the whole link from the email. Links stop working when you leave the
        panel.
      </p>
      <p className="app-body">
        <Link to="/panel/join">Join the polling panel</Link>
      </p>
    </div>
  );
}

export function ExpiredLinkPage({ message }: { message: string }) {
  usePageTitle(message);
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">{message}</h1>
      <p className="app-body">
        Every email from the panel brings a new link. Use the one in the most recent email, or{' '}
        <Link to="/panel/join">sign up again</Link>: if you are already a member we will email you a
        new link to manage your membership.
      </p>
    </div>
  );
}

export function PanelServiceProblem({ onRetry }: { onRetry: () => void }) {
  usePageTitle('Sorry, there is a problem with the service');
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">Sorry, there is a problem with the service</h1>
      <p className="app-body">Check your internet connection and try again.</p>
      <button type="button" className="app-button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** After a sign-up: the same page whatever the address, so it says nothing about who is a member. */
export function CheckEmailPage() {
  usePageTitle('Check your email');
  return (
    <div className="app-two-thirds">
      <Panel title="Check your email" />
      <p className="app-body">
        We have sent an email to the address you gave. Open the link in it to confirm that you want
        to join. The link works for 7 days; if you do not confirm by then, we delete your details.
      </p>
      <p className="app-body">
        If nothing arrives within a few minutes, check your spam or junk folder. If you are already
        a member, the email says so and has a link to manage your membership.
      </p>
    </div>
  );
}

export function LeftPage() {
  usePageTitle('You have left the polling panel');
  return (
    <div className="app-two-thirds">
      <Panel title="You have left the polling panel" />
      <p className="app-body">
        We have deleted your email address and profile, and we will not email you again (apart from
        one email to confirm that you have left).
      </p>
      <p className="app-body">
        Answers you gave to earlier polls stay in the results. They were never linked to you.
      </p>
      <p className="app-body">
        <Link to="/panel/join">Join again</Link>
      </p>
    </div>
  );
}

export function AlreadyAnsweredPage() {
  usePageTitle('You have already answered this poll');
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">You have already answered this poll</h1>
      <p className="app-body">
        Thank you. Each link can be used once, so we cannot take another answer from it. Results are
        shared when the poll closes.
      </p>
    </div>
  );
}

export function ClosedPollPage() {
  usePageTitle('This poll has closed');
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">This poll has closed</h1>
      <p className="app-body">
        It is no longer taking answers. We will email you when the next poll opens.
      </p>
      <p className="app-body">
        <Link to="/">About the Social Work Health Check</Link>
      </p>
    </div>
  );
}
