import type { Answers } from '@swhc/contracts';
import { type FocusEvent, type FormEvent, type ReactNode, useMemo, useState } from 'react';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  RadioField,
  SelectField,
  usePageTitle,
} from '../../ui';
import { SurveyHeader } from '../survey-header';
import {
  markedTitle,
  REQUIRED_ANSWER_MESSAGE,
  summaryLine,
  surveyPageTitle,
} from '../survey-wording';
import { type NativeFirstPage, type NativeQuestion, unansweredRequired } from './first-page';

/** The id of a question's first control, which an error summary link focuses. */
const controlId = (index: number) => `first-page-q${index}`;

/** A choice's value as the form control holds it (always a string). */
const key = (value: string | number) => String(value);

/**
 * The survey's first page in plain React with GOV.UK form controls, shown while SurveyJS (large)
 * is still on its way to a slow phone: the same questions, words and "required" rule (both from
 * the survey's JSON), keyboard and screen reader friendly. "Continue" hands the answers to
 * SurveyJS, which takes over at page 2; on a one-page survey the button sends them.
 */
export function NativeFirstPageForm({
  page,
  caption,
  notices,
  initialAnswers,
  onInteract,
  onProgress,
  onDone,
}: {
  page: NativeFirstPage;
  caption?: string;
  notices?: ReactNode;
  initialAnswers?: Answers;
  /** The respondent has started on this page (focus or an answer): it stays until "Continue". */
  onInteract: () => void;
  onProgress: (answers: Answers) => void;
  /** Every required question answered and the button pressed. */
  onDone: (answers: Answers) => void;
}) {
  const [answers, setAnswers] = useState<Answers>(() => ({ ...initialAnswers }));
  // GOV.UK: errors are checked when the button is pressed and stay until it is pressed again.
  const [missing, setMissing] = useState<readonly NativeQuestion[]>([]);
  const titleOf = (question: NativeQuestion) => markedTitle(question.title, question.required);
  const summary = useMemo<ErrorSummaryItem[]>(
    () =>
      missing.map((question) => ({
        text: summaryLine(REQUIRED_ANSWER_MESSAGE, markedTitle(question.title, question.required)),
        targetId: controlId(page.questions.indexOf(question)),
      })),
    [missing, page],
  );
  usePageTitle(surveyPageTitle(0, page.pageCount, page.title), summary.length > 0);

  const answer = (question: NativeQuestion, value: string) => {
    const choice = question.choices.find((c) => key(c.value) === value);
    const next = { ...answers };
    if (choice) next[question.name] = choice.value;
    else delete next[question.name];
    setAnswers(next);
    onInteract();
    onProgress(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onInteract();
    const unanswered = unansweredRequired(page, answers);
    setMissing(unanswered);
    if (unanswered.length === 0) onDone(answers);
  };
  const focused = (event: FocusEvent) => {
    if (event.target !== event.currentTarget) onInteract();
  };

  return (
    <div className="app-survey app-first-page" onFocus={focused}>
      <ErrorSummary items={summary} />
      <SurveyHeader
        caption={caption}
        title={page.title}
        description={page.description}
        notices={notices}
      />
      <form noValidate onSubmit={submit}>
        {page.pageCount > 1 ? (
          <p className="app-body app-secondary-text">Page 1 of {page.pageCount}</p>
        ) : null}
        {page.pageTitle ? <h2 className="app-heading-l">{page.pageTitle}</h2> : null}
        {page.pageDescription ? <p className="app-body">{page.pageDescription}</p> : null}
        {page.questions.map((question, index) => {
          const value = answers[question.name];
          // What a dropdown and a radio group take alike; the title is a label or a legend.
          const field = {
            id: controlId(index),
            hint: question.description,
            error: missing.includes(question) ? REQUIRED_ANSWER_MESSAGE : undefined,
            value: typeof value === 'string' || typeof value === 'number' ? key(value) : '',
            onChange: (v: string) => answer(question, v),
          };
          return question.control === 'select' ? (
            <SelectField
              key={question.name}
              {...field}
              label={titleOf(question)}
              options={question.choices.map((c) => ({ value: key(c.value), label: c.text }))}
              placeholder={question.placeholder ?? ''}
            />
          ) : (
            <RadioField
              key={question.name}
              {...field}
              legend={titleOf(question)}
              choices={question.choices.map((c) => ({
                value: key(c.value),
                label: c.text,
                hint: c.hint,
              }))}
            />
          );
        })}
        <button type="submit" className="app-button">
          {page.buttonText}
        </button>
      </form>
    </div>
  );
}
