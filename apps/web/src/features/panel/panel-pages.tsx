import { Link } from 'react-router';
import { MessagePage } from '../../ui';

/** Shown for any emailed link we do not recognise (mistyped, cut short, or the member has left). */
export function InvalidLinkPage({ what = 'link' }: { what?: string }) {
  return (
    <MessagePage title={`This ${what} is not valid`}>
      <p className="app-body">
        Check that you opened the whole link from the email. Links stop working when you leave the
        panel.
      </p>
      <p className="app-body">
        <Link to="/panel/join">Join the polling panel</Link>
      </p>
    </MessagePage>
  );
}

export function ExpiredLinkPage({ message }: { message: string }) {
  return (
    <MessagePage title={message}>
      <p className="app-body">
        Every email from the panel brings a new link. Use the one in the most recent email, or{' '}
        <Link to="/panel/join">sign up again</Link>: if you are already a member we will email you a
        new link to manage your membership.
      </p>
    </MessagePage>
  );
}

export function PanelServiceProblem({ onRetry }: { onRetry: () => void }) {
  return (
    <MessagePage title={'Sorry, there is a problem with the service'}>
      <p className="app-body">Check your internet connection and try again.</p>
      <button type="button" className="app-button" onClick={onRetry}>
        Try again
      </button>
    </MessagePage>
  );
}

/** After a sign-up: the same page whatever the address, so it says nothing about who is a member. */
export function CheckEmailPage() {
  return (
    <MessagePage title={'Check your email'} confirmation>
      <p className="app-body">
        We have sent an email to the address you gave. Open the link in it to confirm that you want
        to join. The link works for 7 days; if you do not confirm by then, we delete your details.
      </p>
      <p className="app-body">
        If nothing arrives within a few minutes, check your spam or junk folder. If you are already
        a member, the email says so and has a link to manage your membership.
      </p>
    </MessagePage>
  );
}

export function LeftPage() {
  return (
    <MessagePage title={'You have left the polling panel'} confirmation>
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
    </MessagePage>
  );
}

export function AlreadyAnsweredPage() {
  return (
    <MessagePage title={'You have already answered this poll'}>
      <p className="app-body">
        Thank you. Each link can be used once, so we cannot take another answer from it. Results are
        shared when the poll closes.
      </p>
    </MessagePage>
  );
}

export function ClosedPollPage() {
  return (
    <MessagePage title={'This poll has closed'}>
      <p className="app-body">
        It is no longer taking answers. We will email you when the next poll opens.
      </p>
      <p className="app-body">
        <Link to="/">About the Social Work Health Check</Link>
      </p>
    </MessagePage>
  );
}
