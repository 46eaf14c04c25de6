import { SERVICE_NAMES, type SurveyDefinitionResponse } from '@swhc/contracts';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { SurveyForm } from '../../survey';
import { ClosedLinkPage, ReplacedLinkPage, UnknownLinkPage } from './link-problem-pages';
import { createProgressStore, type ProgressStore } from './saved-progress';
import { SendingPanel } from './sending-panel';
import { useSubmission, type UseSubmissionOptions } from './use-submission';

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
  send?: UseSubmissionOptions['send'];
}) {
  const store = useMemo(() => givenStore ?? createProgressStore(), [givenStore]);
  const instrument = `${definition.instrument.key}@${definition.instrument.version}`;
  // Read once: later changes are written by the journey itself.
  const [saved] = useState(() => store.load(code, definition.wave.id, instrument));
  const { state, saveProgress, submit, retryNow } = useSubmission({
    code,
    definition,
    store,
    saved,
    send,
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

  if (state.phase === 'closed')
    return state.replaced ? <ReplacedLinkPage /> : <ClosedLinkPage />;
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
