import {
  type Answers,
  longLondonDateTime,
  SERVICE_NAMES,
  type SurveyDefinitionResponse,
} from '@swhc/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { sendResponse, type SendResponseResult } from '../../api';
import { FastSurveyForm } from '../../survey';
import {
  createProgressStore,
  SubmissionStatus,
  surveyProgressTag,
  useSubmission,
  type ProgressStore,
} from '../../survey/answering';
import { ClosedLinkPage, ReplacedLinkPage, UnknownLinkPage } from './link-problem-pages';

export interface ThankYouState {
  organisationName: string;
  alreadyReceived: boolean;
}

interface JourneyProps {
  code: string;
  definition: SurveyDefinitionResponse;
  /** Injected in tests; the real page uses localStorage and the api. */
  store?: ProgressStore;
  send?: (
    code: string,
    request: { submissionId: string; answers: Answers },
  ) => Promise<SendResponseResult>;
}

/**
 * One person's way through the survey. "Start again" forgets the answers saved on this device and
 * begins a fresh journey (on a shared council computer the next person must not find them).
 */
export function SurveyJourney(props: JourneyProps) {
  const store = useMemo(() => props.store ?? createProgressStore(), [props.store]);
  const [run, setRun] = useState(0);
  // Answers saved on this device for waves that have closed are of no use: forget them.
  useEffect(() => store.sweepExpired(), [store]);
  const startAgain = useCallback(() => {
    store.clear(props.code);
    setRun((n) => n + 1);
  }, [store, props.code]);
  return <Journey key={run} {...props} store={store} onStartAgain={startAgain} />;
}

function Journey({
  code,
  definition,
  store,
  send,
  onStartAgain,
}: JourneyProps & { store: ProgressStore; onStartAgain: () => void }) {
  const tag = surveyProgressTag(
    definition.wave.id,
    `${definition.instrument.key}@${definition.instrument.version}`,
  );
  // Read once: later changes are written by the journey itself.
  const [saved] = useState(() => store.load(code, tag));
  const [hasSaved, setHasSaved] = useState(
    () => saved !== undefined && Object.keys(saved.answers).length > 0,
  );
  const sendOne = useCallback(
    (request: { submissionId: string; answers: Answers }) => (send ?? sendResponse)(code, request),
    [code, send],
  );
  const {
    state,
    saveProgress: save,
    submit,
    retryNow,
  } = useSubmission({
    storeKey: code,
    tag,
    expiresAt: definition.wave.closesAt,
    store,
    saved,
    send: sendOne,
  });
  const saveProgress = useCallback(
    (answers: Answers, pageNo: number) => {
      save(answers, pageNo);
      if (Object.keys(answers).length > 0) setHasSaved(true);
    },
    [save],
  );
  const navigate = useNavigate();

  useEffect(() => {
    if (state.phase !== 'acknowledged') return;
    const thankYou: ThankYouState = {
      organisationName: definition.organisation.name,
      alreadyReceived: state.alreadyReceived,
    };
    void navigate(`/s/${encodeURIComponent(code)}/thank-you`, { replace: true, state: thankYou });
  }, [state, code, definition, navigate]);

  if (state.phase === 'closed') return state.replaced ? <ReplacedLinkPage /> : <ClosedLinkPage />;
  if (state.phase === 'not-found') return <UnknownLinkPage />;

  const caption = `${definition.organisation.name} – ${SERVICE_NAMES[definition.service]}`;
  const sending = state.phase === 'sending' || state.phase === 'acknowledged';
  return (
    <>
      <SubmissionStatus state={state} onRetryNow={retryNow} />
      {/* Kept mounted (but hidden) while sending, so the model and its page survive a 400. */}
      <div hidden={sending}>
        <FastSurveyForm
          json={definition.survey}
          caption={caption}
          initialAnswers={saved?.pending?.answers ?? saved?.answers}
          initialPageNo={saved?.pageNo}
          notices={
            <>
              <p className="app-body">
                <strong>
                  This survey closes on {longLondonDateTime(new Date(definition.wave.closesAt))}.
                </strong>
              </p>
              {hasSaved ? <SavedOnThisDevice onStartAgain={onStartAgain} /> : null}
            </>
          }
          serverErrors={state.phase === 'editing' ? state.serverErrors : undefined}
          onProgress={saveProgress}
          onComplete={submit}
          loadingText="Loading the survey…"
        />
      </div>
    </>
  );
}

/** Says that answers are kept on this device, with a way to forget them and start again. */
function SavedOnThisDevice({ onStartAgain }: { onStartAgain: () => void }) {
  return (
    <div className="app-inset-text app-saved-notice">
      <p className="app-body">
        Your answers are saved on this device until you send them, so you can come back to them. If
        other people use this device, you can clear them. They are deleted when the survey closes.
      </p>
      <button type="button" className="app-button app-button--secondary" onClick={onStartAgain}>
        Start again
      </button>
    </div>
  );
}
