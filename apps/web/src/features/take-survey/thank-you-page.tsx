import { Link, Navigate, useLocation, useParams } from 'react-router';
import { Panel, usePageTitle } from '../../ui';
import type { ThankYouState } from './survey-journey';

/** Shown only after the server acknowledged the response (or already had it). */
export default function ThankYouPage() {
  usePageTitle('Your answers have been sent');
  const state = useLocation().state as Partial<ThankYouState> | null;
  const { code = '' } = useParams();
  // Only the journey, after the server's receipt, comes here with a state (it survives reloads).
  // Anyone else has not sent anything from this page: take them to the survey.
  if (!state) return <Navigate to={`/s/${encodeURIComponent(code)}`} replace />;
  return (
    <div className="app-two-thirds">
      <Panel title="Thank you">
        {state.alreadyReceived ? 'We already had your answers' : 'Your answers have been sent'}
      </Panel>
      {state.alreadyReceived ? (
        <p className="app-body">
          Your answers from an earlier attempt on this device had already reached us, so we did not
          record them a second time.
        </p>
      ) : null}
      <h2 className="app-heading-m">What happens next</h2>
      <p className="app-body">
        Your answers are anonymous. They are combined with those of your colleagues
        {state.organisationName ? ` at ${state.organisationName}` : ''} and across England. Results
        are only shown for groups of at least 10 people, so nobody can work out how you answered.
      </p>
      <p className="app-body">
        When the survey closes, your principal social worker will receive your organisation’s
        results and share what they learn.
      </p>
      <p className="app-body">You can now close this page.</p>
      <p className="app-body">
        <Link to="/">About the Social Work Health Check</Link>
      </p>
    </div>
  );
}
