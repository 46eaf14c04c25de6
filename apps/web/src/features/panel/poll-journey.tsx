import type { Answers, PollForMember } from '@swhc/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { sendPollAnswers } from '../../api';
import { FastSurveyForm } from '../../survey';
import {
  createProgressStore,
  SubmissionStatus,
  useSubmission,
  type ProgressStore,
} from '../../survey/answering';
import { ClosedPollPage, InvalidLinkPage } from './panel-pages';

export interface PollThankYouState {
  alreadyReceived: boolean;
}

/**
 * Answering a poll, as a health check is answered (same form, keyboard and retries): the answers are
 * saved on the device as the member goes, and sent with one submission id until the server
 * acknowledges them. Saved under the poll's id, never the link's token.
 */
export function PollJourney({
  token,
  poll,
  store: givenStore,
}: {
  token: string;
  poll: PollForMember;
  /** Injected in tests; the real page uses localStorage. */
  store?: ProgressStore;
}) {
  const store = useMemo(() => givenStore ?? createProgressStore(undefined, 'poll'), [givenStore]);
  const key = poll.poll.id;
  const [saved] = useState(() => store.load(key, key));
  const send = useCallback(
    (request: { submissionId: string; answers: Answers }) => sendPollAnswers(token, request),
    [token],
  );
  const { state, saveProgress, submit, retryNow } = useSubmission({
    storeKey: key,
    tag: key,
    store,
    saved,
    send,
  });
  const navigate = useNavigate();

  useEffect(() => {
    if (state.phase !== 'acknowledged') return;
    const thankYou: PollThankYouState = { alreadyReceived: state.alreadyReceived };
    void navigate('/panel/poll/thank-you', { replace: true, state: thankYou });
  }, [state, navigate]);

  if (state.phase === 'closed') return <ClosedPollPage />;
  if (state.phase === 'not-found') return <InvalidLinkPage what="poll link" />;
  const sending = state.phase === 'sending' || state.phase === 'acknowledged';
  return (
    <>
      <SubmissionStatus state={state} onRetryNow={retryNow} />
      <div hidden={sending}>
        <FastSurveyForm
          json={poll.survey}
          caption="Social Work Health Check polling panel"
          initialAnswers={saved?.pending?.answers ?? saved?.answers}
          initialPageNo={saved?.pageNo}
          serverErrors={state.phase === 'editing' ? state.serverErrors : undefined}
          onProgress={saveProgress}
          onComplete={submit}
          loadingText="Loading the poll…"
        />
      </div>
    </>
  );
}
