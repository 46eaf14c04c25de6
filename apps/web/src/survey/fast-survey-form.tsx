import type { Answers } from '@swhc/contracts';
import { useCallback, useMemo, useState } from 'react';
import { nativeFirstPage } from './first-page/first-page';
import { NativeFirstPageForm } from './first-page/native-first-page';
import type { SurveyFormProps } from './survey-form';
import { useSurveyFormModule } from './survey-form-module';

/** Answers of the native first page, handed to SurveyJS at the page it starts on. */
interface Handover {
  readonly answers: Answers;
  readonly pageNo: number;
}

/**
 * The survey as a respondent sees it, first question fast: while SurveyJS is still downloading,
 * the first page is shown natively (when it only uses what the native page can show, and the
 * respondent is not resuming at a later page). If SurveyJS arrives before the respondent has
 * touched the page, it takes over at once; once they have started, the native page stays until
 * they press its button, and SurveyJS continues from page 2 with their answers (on a one-page
 * survey the native page sends them itself).
 */
export function FastSurveyForm({
  loadingText,
  ...props
}: SurveyFormProps & { loadingText: string }) {
  const { json, initialPageNo, serverErrors, onProgress, onComplete } = props;
  const surveyJs = useSurveyFormModule();
  const firstPage = useMemo(
    () => ((initialPageNo ?? 0) === 0 ? nativeFirstPage(json) : null),
    [json, initialPageNo],
  );
  const [interacted, setInteracted] = useState(false);
  const [handover, setHandover] = useState<Handover | null>(null);
  const interact = useCallback(() => setInteracted(true), []);
  const saveFirstPage = useCallback((answers: Answers) => onProgress(answers, 0), [onProgress]);
  const done = useCallback(
    (answers: Answers) => {
      if ((firstPage?.pageCount ?? 1) > 1) {
        onProgress(answers, 1);
        setHandover({ answers, pageNo: 1 });
      } else {
        setHandover({ answers, pageNo: 0 });
        onComplete(answers);
      }
    },
    [firstPage, onProgress, onComplete],
  );

  const surveyJsSettled = surveyJs.state !== 'loading';
  if (
    firstPage &&
    !handover &&
    (serverErrors ?? []).length === 0 &&
    !(surveyJsSettled && !interacted)
  ) {
    return (
      <NativeFirstPageForm
        page={firstPage}
        caption={props.caption}
        notices={props.notices}
        initialAnswers={props.initialAnswers}
        onInteract={interact}
        onProgress={saveFirstPage}
        onDone={done}
      />
    );
  }
  // A failed download goes to the route's error page, which reloads once (a release replaced it);
  // answers given natively are saved on the device and come back.
  if (surveyJs.state === 'failed') throw surveyJs.error;
  if (surveyJs.state === 'loading')
    return (
      <p className="app-body" role="status">
        {loadingText}
      </p>
    );
  const { SurveyForm } = surveyJs;
  return (
    <SurveyForm
      {...props}
      initialAnswers={handover?.answers ?? props.initialAnswers}
      initialPageNo={handover?.pageNo ?? initialPageNo}
      focusHeadingOnMount={handover?.pageNo === 1}
    />
  );
}
