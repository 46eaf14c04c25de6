import {
  ENGLISH_REGIONS,
  PANEL_ROLES,
  POLL_QUESTION_TYPES,
  SERVICE_KINDS,
  type FieldError,
  type PanelRole,
  type PollAudience,
  type PollChoice,
  type PollQuestionInput,
  type PollQuestionSpec,
  type PollQuestionType,
  type PollTwoWaySplit,
  parseLondonDateAndTime,
} from '@swhc/contracts';

/** A poll asks 1–5 questions: short enough to answer on a phone between visits. */
export const MAX_POLL_QUESTIONS = 5;
export const MAX_CHOICES = 10;
export const QUESTION_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CHOICE_VALUE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A poll definition that passed every check, with its times as instants. */
export interface ValidPollDefinition {
  readonly title: string;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly audience: PollAudience;
  readonly questions: readonly PollQuestionSpec[];
}

export type PollValidation =
  | { readonly valid: true; readonly poll: ValidPollDefinition }
  | { readonly valid: false; readonly errors: readonly FieldError[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects every problem with its path, e.g. `questions[1].choices[0].text`. */
class Problems {
  readonly errors: FieldError[] = [];
  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  unknownKeys(value: Json, path: string, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.add(join(path, key), 'is not a known property');
    }
  }

  text(value: unknown, path: string, max: number, required = true): string | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string') {
      this.add(path, value === undefined ? 'is required' : 'must be text');
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed === '') this.add(path, 'must not be empty');
    else if (trimmed.length > max) this.add(path, `must be at most ${max} characters`);
    return trimmed;
  }
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * Checks a poll as an admin wrote it: title, London opening and closing times, audience, and 1–5
 * questions of the supported SurveyJS types. Every problem is reported with its path, so a form can
 * show them all at once. Whether a reused question exists is the api's check (it needs the database).
 */
export function validatePollDefinition(input: unknown): PollValidation {
  const problems = new Problems();
  if (!isObject(input)) {
    return { valid: false, errors: [{ field: '', message: 'must be an object' }] };
  }
  problems.unknownKeys(input, '', ['title', 'opensAt', 'closesAt', 'audience', 'questions']);
  const title = problems.text(input['title'], 'title', 200);
  const opensAt = time(problems, input['opensAt'], 'opensAt');
  const closesAt = time(problems, input['closesAt'], 'closesAt');
  if (opensAt && closesAt && closesAt.getTime() - opensAt.getTime() < 60 * 60 * 1000) {
    problems.add('closesAt', 'must be at least an hour after opensAt');
  }
  const audience = validateAudience(problems, input['audience']);
  const questions = validateQuestionList(problems, input['questions']);
  if (problems.errors.length > 0 || !title || !opensAt || !closesAt) {
    return { valid: false, errors: problems.errors };
  }
  return { valid: true, poll: { title, opensAt, closesAt, audience, questions } };
}

function time(problems: Problems, value: unknown, path: string): Date | null {
  if (typeof value !== 'string') {
    problems.add(path, value === undefined ? 'is required' : 'must be a date and time');
    return null;
  }
  const parsed = parseLondonDateAndTime(value);
  if (!parsed) {
    problems.add(path, 'must be a date and time such as 2026-03-02T09:00 (London time)');
  }
  return parsed;
}

function validateAudience(problems: Problems, value: unknown): PollAudience {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    problems.add('audience', 'must be an object');
    return {};
  }
  problems.unknownKeys(value, 'audience', ['services', 'roles', 'regions']);
  const list = <T extends string>(key: string, allowed: readonly string[]): T[] | undefined => {
    const items = value[key];
    if (items === undefined) return undefined;
    const path = `audience.${key}`;
    if (!Array.isArray(items)) {
      problems.add(path, 'must be a list');
      return undefined;
    }
    items.forEach((item, i) => {
      if (typeof item !== 'string' || !allowed.includes(item)) {
        problems.add(`${path}[${i}]`, `must be one of ${allowed.join(', ')}`);
      }
    });
    if (new Set(items).size !== items.length) problems.add(path, 'must not repeat a value');
    return items as T[];
  };
  const audience: PollAudience = {};
  const services = list<'children' | 'adults'>('services', SERVICE_KINDS);
  const roles = list<PanelRole>(
    'roles',
    PANEL_ROLES.map((r) => r.value),
  );
  const regions = list<string>('regions', ENGLISH_REGIONS);
  if (services && services.length > 0) audience.services = services;
  if (roles && roles.length > 0) audience.roles = roles;
  if (regions && regions.length > 0) audience.regions = regions;
  return audience;
}

function validateQuestionList(problems: Problems, value: unknown): PollQuestionSpec[] {
  if (!Array.isArray(value)) {
    problems.add('questions', value === undefined ? 'is required' : 'must be a list');
    return [];
  }
  if (value.length < 1 || value.length > MAX_POLL_QUESTIONS) {
    problems.add('questions', `must have 1 to ${MAX_POLL_QUESTIONS} questions`);
  }
  const specs: PollQuestionSpec[] = [];
  const names = new Map<string, number>();
  const reused = new Map<string, number>();
  value.forEach((item, i) => {
    const path = `questions[${i}]`;
    if (isObject(item) && 'reuse' in item) {
      problems.unknownKeys(item, path, ['reuse']);
      const id = item['reuse'];
      if (typeof id !== 'string' || !UUID.test(id)) {
        problems.add(`${path}.reuse`, 'must be the id of a question from an earlier poll');
      } else if (reused.has(id.toLowerCase())) {
        problems.add(`${path}.reuse`, `repeats questions[${reused.get(id.toLowerCase()) ?? 0}]`);
      } else {
        reused.set(id.toLowerCase(), i);
        specs.push({ reuse: id.toLowerCase() });
      }
      return;
    }
    const question = validatePollQuestion(problems, item, path);
    if (!question) return;
    const earlier = names.get(question.name);
    if (earlier !== undefined) {
      problems.add(`${path}.name`, `is already used by questions[${earlier}]`);
    } else {
      names.set(question.name, i);
    }
    specs.push(question);
  });
  return specs;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks one new question; null when it has problems (they are recorded). */
function validatePollQuestion(
  problems: Problems,
  value: unknown,
  path: string,
): PollQuestionInput | null {
  if (!isObject(value)) {
    problems.add(path, 'must be a question or { "reuse": "<question id>" }');
    return null;
  }
  const before = problems.errors.length;
  const type = value['type'];
  if (typeof type !== 'string' || !POLL_QUESTION_TYPES.includes(type as PollQuestionType)) {
    problems.add(`${path}.type`, `must be one of ${POLL_QUESTION_TYPES.join(', ')}`);
    return null;
  }
  const rating = type === 'rating';
  problems.unknownKeys(value, path, [
    'type',
    'name',
    'title',
    'description',
    'twoWay',
    ...(rating ? ['rateMin', 'rateMax', 'minRateDescription', 'maxRateDescription'] : ['choices']),
  ]);
  const name = value['name'];
  if (typeof name !== 'string' || !QUESTION_NAME.test(name) || name.length > 40) {
    problems.add(
      `${path}.name`,
      'must be 1 to 40 lower-case letters, digits and single dashes, e.g. wellbeing-now',
    );
  }
  const title = problems.text(value['title'], `${path}.title`, 300);
  const description = problems.text(value['description'], `${path}.description`, 500, false);
  const question: PollQuestionInput = {
    type: type as PollQuestionType,
    name: typeof name === 'string' ? name : '',
    title: title ?? '',
    ...(description ? { description } : {}),
    twoWay: { values: [], label: '', restLabel: '' },
  };
  let values: (string | number)[] = [];
  if (rating) {
    const min = value['rateMin'];
    const max = value['rateMax'];
    const whole = (v: unknown, key: string): v is number => {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10) return true;
      problems.add(`${path}.${key}`, 'must be a whole number from 0 to 10');
      return false;
    };
    if (whole(min, 'rateMin') && whole(max, 'rateMax')) {
      if (max <= min) problems.add(`${path}.rateMax`, 'must be more than rateMin');
      else values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      question.rateMin = min;
      question.rateMax = max;
    }
    const minText = problems.text(
      value['minRateDescription'],
      `${path}.minRateDescription`,
      100,
      false,
    );
    const maxText = problems.text(
      value['maxRateDescription'],
      `${path}.maxRateDescription`,
      100,
      false,
    );
    if (minText) question.minRateDescription = minText;
    if (maxText) question.maxRateDescription = maxText;
  } else {
    const choices = validateChoices(problems, value['choices'], `${path}.choices`);
    question.choices = choices;
    values = choices.map((c) => c.value);
  }
  const twoWay = validateTwoWay(problems, value['twoWay'], `${path}.twoWay`, values);
  if (twoWay) question.twoWay = twoWay;
  return problems.errors.length === before ? question : null;
}

function validateChoices(problems: Problems, value: unknown, path: string): PollChoice[] {
  if (!Array.isArray(value)) {
    problems.add(path, value === undefined ? 'is required' : 'must be a list');
    return [];
  }
  if (value.length < 2 || value.length > MAX_CHOICES) {
    problems.add(path, `must have 2 to ${MAX_CHOICES} choices`);
  }
  const choices: PollChoice[] = [];
  const seenValues = new Set<string | number>();
  const seenTexts = new Set<string>();
  const kinds = new Set<string>();
  value.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(item)) {
      problems.add(at, 'must be { "value", "text" }');
      return;
    }
    problems.unknownKeys(item, at, ['value', 'text']);
    const v = item['value'];
    const okNumber = typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 1000;
    const okText = typeof v === 'string' && CHOICE_VALUE.test(v) && v.length <= 40;
    if (!okNumber && !okText) {
      problems.add(
        `${at}.value`,
        'must be a whole number or 1 to 40 lower-case letters, digits and dashes',
      );
    } else if (seenValues.has(v)) {
      problems.add(`${at}.value`, 'repeats an earlier choice');
    } else {
      seenValues.add(v);
      kinds.add(typeof v);
    }
    const text = problems.text(item['text'], `${at}.text`, 200);
    if (text !== undefined && text !== '') {
      if (seenTexts.has(text)) problems.add(`${at}.text`, 'repeats an earlier choice');
      seenTexts.add(text);
    }
    if ((okNumber || okText) && text) choices.push({ value: v, text });
  });
  if (kinds.size > 1) problems.add(path, 'values must be all numbers or all text');
  return choices;
}

function validateTwoWay(
  problems: Problems,
  value: unknown,
  path: string,
  questionValues: readonly (string | number)[],
): PollTwoWaySplit | null {
  if (!isObject(value)) {
    problems.add(
      path,
      value === undefined
        ? 'is required: which answers are shown together when results are collapsed to two groups'
        : 'must be { "values", "label", "restLabel" }',
    );
    return null;
  }
  problems.unknownKeys(value, path, ['values', 'label', 'restLabel']);
  const label = problems.text(value['label'], `${path}.label`, 60);
  const restLabel = problems.text(value['restLabel'], `${path}.restLabel`, 60);
  if (label && restLabel && label === restLabel) {
    problems.add(`${path}.restLabel`, 'must differ from label');
  }
  const values = value['values'];
  if (!Array.isArray(values) || values.length === 0) {
    problems.add(`${path}.values`, 'must list at least one of the question’s answers');
    return null;
  }
  const picked: (string | number)[] = [];
  values.forEach((v, i) => {
    if ((typeof v !== 'string' && typeof v !== 'number') || !questionValues.includes(v)) {
      if (questionValues.length > 0) {
        problems.add(`${path}.values[${i}]`, 'is not one of the question’s answers');
      }
    } else if (picked.includes(v)) {
      problems.add(`${path}.values[${i}]`, 'is listed twice');
    } else {
      picked.push(v);
    }
  });
  if (questionValues.length > 0 && picked.length === questionValues.length) {
    problems.add(`${path}.values`, 'must leave at least one answer for the rest');
  }
  return label && restLabel ? { values: picked, label, restLabel } : null;
}

/** The values a question's answer may take, in the order shown. */
export function pollQuestionValues(question: PollQuestionInput): (string | number)[] {
  if (question.type === 'rating') {
    const min = question.rateMin ?? 1;
    const max = question.rateMax ?? 5;
    return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  }
  return (question.choices ?? []).map((c) => c.value);
}

/** The label of an answer value, as the member saw it. */
export function pollAnswerLabel(question: PollQuestionInput, value: string | number): string {
  if (question.type !== 'rating') {
    return question.choices?.find((c) => c.value === value)?.text ?? String(value);
  }
  const ends =
    value === question.rateMin
      ? question.minRateDescription
      : value === question.rateMax
        ? question.maxRateDescription
        : undefined;
  return ends ? `${value} (${ends})` : String(value);
}
