/**
 * The survey's wording and rules on screen, shared by SurveyJS (survey-form.tsx) and the native
 * first page (first-page/), so both say and check the same things.
 */

/** The message of a required question left unanswered. */
export const REQUIRED_ANSWER_MESSAGE = 'Select an answer';

/** GOV.UK: questions that need an answer carry no mark; the others end in "(optional)". */
export const markedTitle = (title: string, required: boolean): string =>
  required || /\(optional\)\s*$/.test(title) ? title : `${title} (optional)`;

/** The line of an error summary for one question's error. */
export const summaryLine = (message: string, questionTitle: string): string =>
  `${message} – ${questionTitle}`;

/** The browser tab's title: "Page x of y – title" when there is more than one page. */
export const surveyPageTitle = (pageNo: number, pageCount: number, title: string): string =>
  pageCount > 1 ? `Page ${pageNo + 1} of ${pageCount} – ${title}` : title;

/** GOV.UK wording for the buttons, unless the survey's JSON chose its own. */
export const DEFAULT_BUTTON_WORDS = {
  pageNextText: 'Continue',
  pagePrevText: 'Previous page',
  completeText: 'Send answers',
} as const;

export const SURVEY_HINT = 'Answer every question unless it says (optional).';
