import { Link } from 'react-router';
import { usePageTitle } from '../../ui';

export function UnknownLinkPage() {
  usePageTitle('Survey link not recognised');
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">We do not recognise this survey link</h1>
      <p className="app-body">
        Check that you copied the whole link from your email or intranet page.
      </p>
      <p className="app-body">
        If it still does not work, ask the person who sent it to you (usually your principal social
        worker) for the link to your organisation’s health check.
      </p>
      <p className="app-body">
        <Link to="/">Find out about the Social Work Health Check</Link>
      </p>
    </div>
  );
}

export function ClosedLinkPage() {
  usePageTitle('This survey has closed');
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">This survey has closed</h1>
      <p className="app-body">
        The health check for this link is no longer taking answers, so we cannot accept a response.
      </p>
      <p className="app-body">
        Your organisation will share what it learned from the results. If you think the survey
        should still be open, contact your principal social worker.
      </p>
      <p className="app-body">
        <Link to="/">Find out about the Social Work Health Check</Link>
      </p>
    </div>
  );
}

export function ReplacedLinkPage() {
  usePageTitle('This link was replaced');
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">This link was replaced</h1>
      <p className="app-body">
        Your organisation replaced this survey link with a new one, so it no longer takes answers.
        This happens when a link has been shared more widely than it should have been.
      </p>
      <p className="app-body">
        Ask your principal social worker for the new link. Answers that were sent through this link
        before it was replaced still count.
      </p>
      <p className="app-body">
        <Link to="/">Find out about the Social Work Health Check</Link>
      </p>
    </div>
  );
}

export function ServiceProblemPage({ onRetry }: { onRetry: () => void }) {
  usePageTitle('Sorry, there is a problem with the service');
  return (
    <div className="app-two-thirds">
      <h1 className="app-heading-xl">Sorry, there is a problem with the service</h1>
      <p className="app-body">
        We could not load the survey. Check your internet connection and try again.
      </p>
      <button type="button" className="app-button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
