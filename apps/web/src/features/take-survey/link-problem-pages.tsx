import { Link } from 'react-router';
import { MessagePage } from '../../ui';

const aboutTheHealthCheck = (
  <p className="app-body">
    <Link to="/">Find out about the Social Work Health Check</Link>
  </p>
);

export function UnknownLinkPage() {
  return (
    <MessagePage
      title="We do not recognise this survey link"
      documentTitle="Survey link not recognised"
    >
      <p className="app-body">
        Check that you copied the whole link from your email or intranet page.
      </p>
      <p className="app-body">
        If it still does not work, ask the person who sent it to you (usually your principal social
        worker) for the link to your organisation’s health check.
      </p>
      {aboutTheHealthCheck}
    </MessagePage>
  );
}

export function ClosedLinkPage() {
  return (
    <MessagePage title="This survey has closed">
      <p className="app-body">
        The health check for this link is no longer taking answers, so we cannot accept a response.
      </p>
      <p className="app-body">
        Your organisation will share what it learned from the results. If you think the survey
        should still be open, contact your principal social worker.
      </p>
      {aboutTheHealthCheck}
    </MessagePage>
  );
}

export function ReplacedLinkPage() {
  return (
    <MessagePage title="This link was replaced">
      <p className="app-body">
        Your organisation replaced this survey link with a new one, so it no longer takes answers.
        This happens when a link has been shared more widely than it should have been.
      </p>
      <p className="app-body">
        Ask your principal social worker for the new link. Answers that were sent through this link
        before it was replaced still count.
      </p>
      {aboutTheHealthCheck}
    </MessagePage>
  );
}

export function ServiceProblemPage({ onRetry }: { onRetry: () => void }) {
  return (
    <MessagePage title="Sorry, there is a problem with the service">
      <p className="app-body">
        We could not load the survey. Check your internet connection and try again.
      </p>
      <button type="button" className="app-button" onClick={onRetry}>
        Try again
      </button>
    </MessagePage>
  );
}
