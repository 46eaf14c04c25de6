import type { AnswerValue } from '@swhc/contracts';
import { DEFAULT_BUTTON_WORDS } from '../survey-wording';

/** One option of a native question: its value as SurveyJS would store it, and its words. */
export interface NativeChoice {
  readonly value: string | number;
  readonly text: string;
  /** Beside the lowest and highest point of a rating (its min/max descriptions). */
  readonly hint?: string;
}

export interface NativeQuestion {
  /** Radios for a radiogroup or a rating; a select for a dropdown. */
  readonly control: 'radios' | 'select';
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly required: boolean;
  readonly choices: readonly NativeChoice[];
  readonly placeholder?: string;
}

/** The first page of a survey, as the native page shows it before SurveyJS has loaded. */
export interface NativeFirstPage {
  readonly title: string;
  readonly description?: string;
  readonly pageCount: number;
  readonly pageTitle?: string;
  readonly pageDescription?: string;
  readonly questions: readonly NativeQuestion[];
  /** The button under the page: "Continue" to page 2, or the survey's "send" on a one-page poll. */
  readonly buttonText: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every key of `value` is one of `allowed`: anything else may change how SurveyJS shows it. */
const onlyKeys = (value: Json, allowed: readonly string[]): boolean =>
  Object.keys(value).every((key) => allowed.includes(key));

const optionalText = (value: unknown): string | undefined | null =>
  value === undefined ? undefined : typeof value === 'string' ? value : null;

const SURVEY_KEYS = [
  'title',
  'description',
  'showProgressBar',
  'progressBarType',
  'showQuestionNumbers',
  'questionErrorLocation',
  'checkErrorsMode',
  'completeText',
  'pageNextText',
  'pagePrevText',
  'showCompletedPage',
  'pages',
];
const PAGE_KEYS = ['name', 'title', 'description', 'elements'];
const COMMON_QUESTION_KEYS = ['type', 'name', 'title', 'description', 'isRequired'];
const QUESTION_KEYS: Readonly<Record<string, readonly string[]>> = {
  radiogroup: [...COMMON_QUESTION_KEYS, 'choices', 'colCount'],
  dropdown: [...COMMON_QUESTION_KEYS, 'choices', 'placeholder'],
  rating: [
    ...COMMON_QUESTION_KEYS,
    'rateMin',
    'rateMax',
    'minRateDescription',
    'maxRateDescription',
    'displayRateDescriptionsAsExtremeItems',
  ],
};

function choicesOf(value: unknown): NativeChoice[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const choices: NativeChoice[] = [];
  for (const item of value as unknown[]) {
    const raw: unknown = isObject(item) ? item['value'] : item;
    if (isObject(item) && !onlyKeys(item, ['value', 'text'])) return null;
    if (typeof raw !== 'string' && typeof raw !== 'number') return null;
    const text = isObject(item) ? optionalText(item['text']) : undefined;
    if (text === null) return null;
    choices.push({ value: raw, text: text ?? String(raw) });
  }
  return choices;
}

function ratingChoices(question: Json): NativeChoice[] | null {
  // SurveyJS's defaults: 1 to 5 in steps of 1.
  const min = question['rateMin'] ?? 1;
  const max = question['rateMax'] ?? 5;
  const minText = optionalText(question['minRateDescription']);
  const maxText = optionalText(question['maxRateDescription']);
  if (!Number.isInteger(min) || !Number.isInteger(max) || minText === null || maxText === null)
    return null;
  const [low, high] = [min as number, max as number];
  if (high <= low || high - low > 20) return null;
  if (question['displayRateDescriptionsAsExtremeItems'] === true) return null;
  return Array.from({ length: high - low + 1 }, (_, i) => {
    const value = low + i;
    const hint = value === low ? minText : value === high ? maxText : undefined;
    return { value, text: String(value), ...(hint ? { hint } : {}) };
  });
}

function questionOf(element: unknown): NativeQuestion | null {
  if (!isObject(element)) return null;
  const type = element['type'];
  const keys = typeof type === 'string' ? QUESTION_KEYS[type] : undefined;
  if (!keys || !onlyKeys(element, keys)) return null;
  const name = element['name'];
  const title = optionalText(element['title']);
  const description = optionalText(element['description']);
  const required = element['isRequired'] ?? false;
  if (typeof name !== 'string' || !name || title === null || description === null) return null;
  if (typeof required !== 'boolean') return null;
  if (type === 'radiogroup' && (element['colCount'] ?? 1) !== 1) return null;
  const placeholder = optionalText(element['placeholder']);
  if (placeholder === null) return null;
  const choices = type === 'rating' ? ratingChoices(element) : choicesOf(element['choices']);
  if (!choices) return null;
  return {
    control: type === 'dropdown' ? 'select' : 'radios',
    name,
    // SurveyJS shows the name when a question has no title.
    title: title ?? name,
    ...(description ? { description } : {}),
    required,
    choices,
    ...(type === 'dropdown' ? { placeholder: placeholder ?? 'Select…' } : {}),
  };
}

/** A later page counts as SurveyJS counts it only if nothing can hide it or its questions. */
const plainPage = (page: unknown): page is Json =>
  isObject(page) &&
  onlyKeys(page, PAGE_KEYS) &&
  Array.isArray(page['elements']) &&
  page['elements'].length > 0 &&
  (page['elements'] as unknown[]).every(
    (element) => isObject(element) && !('visible' in element) && !('visibleIf' in element),
  );

/**
 * The first page of a SurveyJS survey, if the native page can show it exactly as SurveyJS would:
 * only the question types and settings a first page of ours uses (radio groups, ratings and
 * dropdowns; required or not), every key known. Anything else (conditions, validators, other
 * types…) gives null, and the page waits for SurveyJS.
 */
export function nativeFirstPage(json: Json): NativeFirstPage | null {
  if (!onlyKeys(json, SURVEY_KEYS)) return null;
  if ((json['showQuestionNumbers'] ?? 'on') !== 'off') return null;
  const pages = json['pages'];
  if (!Array.isArray(pages) || !pages.every(plainPage)) return null;
  const first = pages[0];
  if (!first) return null;
  const questions = (first['elements'] as unknown[]).map(questionOf);
  if (questions.some((question) => question === null)) return null;
  const title = optionalText(json['title']);
  const description = optionalText(json['description']);
  const pageTitle = optionalText(first['title']);
  const pageDescription = optionalText(first['description']);
  const buttonKey = pages.length > 1 ? 'pageNextText' : 'completeText';
  const buttonText = optionalText(json[buttonKey]);
  if ([title, description, pageTitle, pageDescription, buttonText].includes(null)) return null;
  return {
    title: title ?? '',
    ...(description ? { description } : {}),
    pageCount: pages.length,
    ...(pageTitle ? { pageTitle } : {}),
    ...(pageDescription ? { pageDescription } : {}),
    questions: questions as NativeQuestion[],
    buttonText: buttonText ?? DEFAULT_BUTTON_WORDS[buttonKey],
  };
}

/** The unanswered required questions: the one rule ("isRequired") SurveyJS checks on this page. */
export const unansweredRequired = (
  page: NativeFirstPage,
  answers: Readonly<Record<string, AnswerValue>>,
): NativeQuestion[] =>
  page.questions.filter((question) => question.required && answers[question.name] === undefined);
