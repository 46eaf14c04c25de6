import type { Answers, FieldError } from '@swhc/contracts';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import {
  Model,
  type Question,
  type ScrollToTopEvent,
  settings,
  type SurveyModel,
} from 'survey-core';
// The fontless stylesheet: survey-core.css would fetch Open Sans from Google at run time.
import 'survey-core/survey-core.fontless.css';
import { Survey } from 'survey-react-ui';
import { ErrorSummary, type ErrorSummaryItem, usePageTitle } from '../ui';
import { toAnswers } from './answers';
import { SurveyHeader } from './survey-header';
import {
  DEFAULT_BUTTON_WORDS,
  markedTitle,
  REQUIRED_ANSWER_MESSAGE,
  summaryLine,
  surveyPageTitle,
} from './survey-wording';
import { healthCheckTheme } from './theme';
import './survey.css';

export interface SurveyFormProps {
  /** SurveyJS JSON as served by the api. Must be a stable object: a new one starts a new model. */
  json: Record<string, unknown>;
  /** Shown above the title, e.g. the organisation and service. */
  caption?: string;
  /** Shown under the title and description: the closing date, the saved-answers notice. */
  notices?: ReactNode;
  initialAnswers?: Answers;
  initialPageNo?: number;
  /** Field errors returned by the server (400) for answers it would not accept. */
  serverErrors?: FieldError[];
  /** Called on every answer and page change, with all answers so far and the current page. */
  onProgress: (answers: Answers, pageNo: number) => void;
  /** Called when the respondent asks to send a valid survey. The survey itself stays on screen. */
  onComplete: (answers: Answers) => void;
  /** Start with focus on the page's heading, as after "Continue" (the native first page's). */
  focusHeadingOnMount?: boolean;
}

/** The only component that renders SurveyJS. Everything SurveyJS-specific stays in this folder. */
export default function SurveyForm({
  json,
  caption,
  notices,
  initialAnswers,
  initialPageNo,
  serverErrors,
  onProgress,
  onComplete,
  focusHeadingOnMount = false,
}: SurveyFormProps) {
  const model = useMemo(
    () => createModel(json, initialAnswers, initialPageNo),
    [json, initialAnswers, initialPageNo],
  );
  const [pageNo, setPageNo] = useState(model.currentPageNo);
  const [clientErrors, setClientErrors] = useState<ErrorSummaryItem[]>([]);
  const programmaticMove = useRef(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusHeadingOnMount) window.setTimeout(() => focusPageHeading(root.current), 0);
  }, [focusHeadingOnMount]);

  useEffect(() => {
    const saveProgress = () => onProgress(toAnswers(model.data), model.currentPageNo);
    const pageChanged = () => {
      saveProgress();
      setPageNo(model.currentPageNo);
      setClientErrors([]);
      // GOV.UK: after "Continue", keyboard and screen reader users start the new page at its
      // heading (unless the move was ours, to show server errors: then the summary has focus).
      if (!programmaticMove.current) window.setTimeout(() => focusPageHeading(root.current), 0);
    };
    // SurveyJS moves focus to the first question in error after a failed "Continue" or "Send";
    // GOV.UK moves it to the error summary, whose links lead to each question. Moves we ask for
    // ourselves (from a summary link to a question on another page) go ahead.
    const scrolling = (_: SurveyModel, options: ScrollToTopEvent) => {
      if (allowedMove.current) {
        allowedMove.current = false;
        return;
      }
      if (options.question && options.question.errors.length > 0) options.cancel = true;
    };
    const validated = (_: SurveyModel, options: { questions: Question[] }) => {
      setClientErrors(summariseErrors(options.questions));
    };
    const completing = (_: SurveyModel, options: { allow: boolean }) => {
      // The app sends the answers itself (with retries) and shows its own thank-you page.
      options.allow = false;
      onComplete(toAnswers(model.data));
    };
    model.onScrollToTop.add(scrolling);
    model.onValueChanged.add(saveProgress);
    model.onCurrentPageChanged.add(pageChanged);
    model.onValidatedErrorsOnCurrentPage.add(validated);
    model.onCompleting.add(completing);
    return () => {
      model.onScrollToTop.remove(scrolling);
      model.onValueChanged.remove(saveProgress);
      model.onCurrentPageChanged.remove(pageChanged);
      model.onValidatedErrorsOnCurrentPage.remove(validated);
      model.onCompleting.remove(completing);
    };
  }, [model, onProgress, onComplete]);

  // The summary is derived from the props; showing the errors on the questions is done in an effect.
  const serverErrorItems = useMemo(
    () => summariseServerErrors(model, serverErrors ?? []),
    [model, serverErrors],
  );
  useEffect(() => {
    if (!serverErrors || serverErrors.length === 0) return;
    programmaticMove.current = true;
    showServerErrors(model, serverErrors);
    programmaticMove.current = false;
  }, [model, serverErrors]);

  const errors = serverErrorItems.length > 0 ? serverErrorItems : clientErrors;
  const pageCount = model.visiblePageCount;
  usePageTitle(surveyPageTitle(pageNo, pageCount, model.title), errors.length > 0);

  return (
    <div className="app-survey" ref={root}>
      <ErrorSummary items={errors} />
      <SurveyHeader
        caption={caption}
        title={model.title}
        description={model.description || undefined}
        notices={notices}
      />
      <Survey model={model} />
    </div>
  );
}

// "Page x of y" with a bar, instead of clickable step buttons that let people skip pages.
settings.legacyProgressBarView = true;

/** Moves from a summary link to its question are ours: SurveyJS may scroll and focus for them. */
const allowedMove = { current: false };

/** The heading of the page on screen (SurveyJS renders it as an h2), focused and at the top. */
function focusPageHeading(root: HTMLElement | null): void {
  const heading = root?.querySelector<HTMLElement>('.sd-page__title');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/**
 * One convention on every page (GOV.UK): questions that need an answer carry no mark; the others
 * end in "(optional)". SurveyJS's "*" is switched off.
 */
function markOptionalQuestions(model: SurveyModel): void {
  model.questionTitlePattern = 'numTitle';
  for (const question of model.getAllQuestions()) {
    question.title = markedTitle(question.title, question.isRequired);
  }
}

function createModel(
  json: Record<string, unknown>,
  answers: Answers | undefined,
  pageNo: number | undefined,
): SurveyModel {
  const model = new Model(json);
  model.applyTheme(healthCheckTheme);
  // The page renders the survey title as its h1; SurveyJS would render it as a lower heading.
  model.showTitle = false;
  // A one-page form (a panel poll) needs no "Page 1 of 1".
  model.showProgressBar = model.visiblePageCount > 1;
  model.progressBarLocation = 'top';
  model.progressBarType = 'pages';
  model.questionErrorLocation = 'top';
  model.checkErrorsMode = 'onNextPage';
  model.autoFocusFirstError = true;
  model.autoFocusFirstQuestion = false;
  // GOV.UK wording for the buttons, unless the instrument chose its own.
  for (const key of ['pageNextText', 'pagePrevText', 'completeText'] as const) {
    if (!(key in json)) model[key] = DEFAULT_BUTTON_WORDS[key];
  }
  model.onGetTitleTagName.add((_, options) => {
    if (options.element.isPage) options.tagName = 'h2';
    else if (options.element.isPanel) options.tagName = 'h3';
    else if (options.element.isQuestion) options.tagName = 'h3';
  });
  model.onErrorCustomText.add((_, options) => {
    if (options.name === 'required') options.text = REQUIRED_ANSWER_MESSAGE;
  });
  markOptionalQuestions(model);
  if (answers) model.data = answers;
  if (pageNo !== undefined && pageNo > 0 && pageNo < model.visiblePageCount) {
    model.currentPageNo = pageNo;
  }
  return model;
}

function summariseErrors(questions: Question[]): ErrorSummaryItem[] {
  return questions.flatMap((question) =>
    question.errors.map((error) => ({
      text: summaryLine(error.getText(), question.processedTitle),
      onSelect: () => goToQuestion(question),
    })),
  );
}

/**
 * From the error summary to the question: its title and message at the top of the window (as GOV.UK
 * does), focus on its first input. SurveyJS's own focus() scrolls the input, hiding the title.
 */
function goToQuestion(question: Question): void {
  // Only questions on the page on screen are in the DOM; for others SurveyJS turns the page first.
  const element = document.getElementById(question.id);
  if (!element) {
    allowedMove.current = true;
    question.focus(true);
    return;
  }
  element.scrollIntoView({ block: 'start' });
  element
    .querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, button')
    ?.focus({ preventScroll: true });
}

const questionFor = (model: SurveyModel, field: string): Question | null =>
  model.getQuestionByName(field.replace(/^answers\./, ''));

function summariseServerErrors(model: SurveyModel, errors: FieldError[]): ErrorSummaryItem[] {
  return errors.map((error): ErrorSummaryItem => {
    const question = questionFor(model, error.field);
    if (!question) return { text: `${error.field}: ${error.message}` };
    return {
      text: summaryLine(answerMessage(error.message), question.processedTitle),
      onSelect: () => goToQuestion(question),
    };
  });
}

/** The api's messages are phrases about the field ("is required"); on a question they need a subject. */
function answerMessage(message: string): string {
  return /^[a-z]/.test(message) ? `This answer ${message}` : message;
}

/** Shows the server's field errors on their questions and turns to the page of the first one. */
function showServerErrors(model: SurveyModel, errors: FieldError[]): void {
  let first: Question | undefined;
  for (const error of errors) {
    const question = questionFor(model, error.field);
    if (!question) continue;
    question.addError(answerMessage(error.message));
    first ??= question;
  }
  if (first?.page && first.page !== model.currentPage) model.currentPage = first.page;
}
