import { SERVICE_NAMES, type Answers, type SurveyDefinitionResponse } from '@swhc/contracts';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { sendResponse, type SendResponseResult } from '../../api';
import { SurveyForm } from '../../survey';
import {
  createProgressStore,
  SendingPanel,
  surveyProgressTag,
  useSubmission,
  type ProgressStore,
} from '../../survey/answering';
import { ClosedLinkPage, UnknownLinkPage } from './link-problem-pages';

export interface ThankYouState {
  organisationName: string;
  alreadyReceived: boolean;
}

export function SurveyJourney({
  code,
  definition,
  store: givenStore,
  send,
}: {
  code: string;
  definition: SurveyDefinitionResponse;
  /** Injected in tests; the real page uses localStorage and the api. */
  store?: ProgressStore;
  send?: (
    code: string,
    request: { submissionId: string; answers: Answers },
  ) => Promise<SendResponseResult>;
}) {
  const store = useMemo(() => givenStore ?? createProgressStore(), [givenStore]);
  const tag = surveyProgressTag(
    definition.wave.id,
    `${definition.instrument.key}@${definition.instrument.version}`,
  );
  // Read once: later changes are written by the journey itself.
  const [saved] = useState(() => store.load(code, tag));
  const sendOne = useCallback(
    (request: { submissionId: string; answers: Answers }) => (send ?? sendResponse)(code, request),
    [code, send],
  );
  const { state, saveProgress, submit, retryNow } = useSubmission({
    storeKey: code,
    tag,
    store,
    saved,
    send: sendOne,
  });
  const navigate = useNavigate();

  useEffect(() => {
    if (state.phase !== 'acknowledged') return;
    const thankYou: ThankYouState = {
      organisationName: definition.organisation.name,
      alreadyReceived: state.alreadyReceived,
    };
    void navigate(`/s/${encodeURIComponent(code)}/thank-you`, { replace: true, state: thankYou });
  }, [state, code, definition, navigate]);

  if (state.phase === 'closed') return <ClosedLinkPage />;
  if (state.phase === 'not-found') return <UnknownLinkPage />;

  const caption = `${definition.organisation.name} – ${SERVICE_NAMES[definition.service]}`;
  const sending = state.phase === 'sending' || state.phase === 'acknowledged';
  return (
    <>
      {state.phase === 'sending' ? (
        <SendingPanel
          failures={state.failures}
          nextAttemptAt={state.nextAttemptAt}
          onRetryNow={retryNow}
        />
      ) : null}
      {state.phase === 'editing' && state.problem && !state.serverErrors?.length ? (
        <div className="app-error-summary" role="alert">
          <h2 className="app-error-summary__title">Your answers could not be sent</h2>
          <p className="app-body">{state.problem}</p>
        </div>
      ) : null}
      {/* Kept mounted (but hidden) while sending, so the model and its page survive a 400. */}
      <div hidden={sending}>
        <Suspense fallback={<p className="app-body">Loading the survey…</p>}>
          <SurveyForm
            json={definition.survey}
            caption={caption}
            initialAnswers={saved?.pending?.answers ?? saved?.answers}
            initialPageNo={saved?.pageNo}
            serverErrors={state.phase === 'editing' ? state.serverErrors : undefined}
            onProgress={saveProgress}
            onComplete={submit}
          />
        </Suspense>
      </div>
    </>
  );
}
