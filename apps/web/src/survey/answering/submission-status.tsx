import { SendingPanel } from './sending-panel';
import type { SubmissionState } from './use-submission';

/**
 * What stands above the form of a survey or poll: the sending panel while the answers are on their
 * way, or why they could not be sent (field errors are shown by the form itself).
 */
export function SubmissionStatus({
  state,
  onRetryNow,
}: {
  state: SubmissionState;
  onRetryNow: () => void;
}) {
  if (state.phase === 'sending') {
    return (
      <SendingPanel
        failures={state.failures}
        nextAttemptAt={state.nextAttemptAt}
        onRetryNow={onRetryNow}
      />
    );
  }
  if (state.phase === 'editing' && state.problem && !state.serverErrors?.length) {
    return (
      <div className="app-error-summary" role="alert">
        <h2 className="app-error-summary__title">Your answers could not be sent</h2>
        <p className="app-body">{state.problem}</p>
      </div>
    );
  }
  return null;
}
