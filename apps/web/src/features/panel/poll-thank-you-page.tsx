import { Link, Navigate, useLocation } from 'react-router';
import { Panel, usePageTitle } from '../../ui';
import type { PollThankYouState } from './poll-journey';

/** Shown only after the server acknowledged the answers (or already had them). */
export default function PollThankYouPage() {
  usePageTitle('Your answers have been sent');
  const state = useLocation().state as Partial<PollThankYouState> | null;
  if (!state) return <Navigate to="/" replace />;
  return (
    <div className="app-two-thirds">
      <Panel title="Thank you">
        {state.alreadyReceived
          ? 'You had already answered this poll'
          : 'Your answers have been sent'}
      </Panel>
      <p className="app-body">
        Your answers are anonymous: we recorded that you answered separately from what you answered,
        with nothing linking the two. Results are only shown for groups of at least 10 people.
      </p>
      <p className="app-body">
        We will email you when the next poll opens. You can now close this page.
      </p>
      <p className="app-body">
        <Link to="/">About the Social Work Health Check</Link>
      </p>
    </div>
  );
}
