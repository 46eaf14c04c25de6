import { type FieldError, isServiceKind, SERVICE_KINDS, type ServiceKind } from '@swhc/contracts';
import type {
  ChoiceOption,
  InstrumentDefinition,
  QuestionDefinition,
  QuestionRole,
  ScaleDefinition,
  SurveyPage,
} from './instrument-definition';

export type DefinitionValidation =
  | { readonly valid: true; readonly definition: InstrumentDefinition }
  | { readonly valid: false; readonly errors: readonly FieldError[] };

const ROLES: readonly QuestionRole[] = ['scale-item', 'outcome', 'about-you'];
const KEY = /^[a-z][a-z0-9-]{0,63}$/;
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const TEXT_MAX = 2000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an instrument definition uploaded as JSON (the shape of `InstrumentDefinition`), reporting
 * every problem with its path, e.g. `questions[3].choices` or `scales[1].items[2]`. Nothing is
 * trusted: unknown fields are problems too, so a typo never passes silently. The definition it
 * returns has its fields in one fixed order, so equal content always hashes the same.
 */
export function validateInstrumentDefinition(input: unknown): DefinitionValidation {
  const errors: FieldError[] = [];
  const problem = (field: string, message: string) => errors.push({ field, message });
  if (!isObject(input)) {
    return { valid: false, errors: [{ field: 'definition', message: 'must be a JSON object' }] };
  }
  const fields = [
    'key',
    'version',
    'title',
    'description',
    'responseScale',
    'questions',
    'pages',
    'scales',
    'outcome',
    'groupingQuestions',
  ];
  unknownFields(input, '', fields, problem);

  const key = text(input['key'], 'key', problem, 64);
  if (key !== null && !KEY.test(key))
    problem('key', 'must be lower-case letters, digits and hyphens, starting with a letter');
  const version = input['version'];
  if (!Number.isInteger(version) || (version as number) < 1 || (version as number) > 10000)
    problem('version', 'must be a whole number from 1 to 10,000');
  const title = text(input['title'], 'title', problem, 200);
  const description = text(input['description'], 'description', problem, TEXT_MAX, true);
  const scale = responseScale(input['responseScale'], problem);
  const questions = list(input['questions'], 'questions', problem).map((q, i) =>
    question(q, `questions[${i}]`, scale, problem),
  );
  const byName = new Map<string, QuestionDefinition>();
  questions.forEach((q, i) => {
    if (!q) return;
    if (byName.has(q.name)) problem(`questions[${i}].name`, `repeats the name ${q.name}`);
    byName.set(q.name, q);
  });

  const onPage = new Set<string>();
  const pages = list(input['pages'], 'pages', problem).map((p, i) =>
    page(p, `pages[${i}]`, byName, onPage, problem),
  );
  pages.forEach((p, i) => {
    if (p && pages.findIndex((o) => o?.name === p.name) !== i)
      problem(`pages[${i}].name`, `repeats the name ${p.name}`);
  });
  questions.forEach((q, i) => {
    if (q && !onPage.has(q.name)) problem(`questions[${i}]`, 'is on no page');
  });

  const scales = list(input['scales'], 'scales', problem).map((s, i) =>
    scaleOf(s, `scales[${i}]`, byName, problem),
  );
  scales.forEach((s, i) => {
    if (s && scales.findIndex((o) => o?.key === s.key) !== i)
      problem(`scales[${i}].key`, `repeats the key ${s.key}`);
  });
  const outcome = named(input['outcome'], 'outcome', byName, 'outcome', problem);
  const grouping = Array.isArray(input['groupingQuestions'])
    ? input['groupingQuestions'].map((g, i) =>
        named(g, `groupingQuestions[${i}]`, byName, 'about-you', problem),
      )
    : (problem('groupingQuestions', 'must be a list of question names'), []);

  if (errors.length > 0) return { valid: false, errors };
  return {
    valid: true,
    definition: {
      key: key ?? '',
      version: version as number,
      title: title ?? '',
      description: description ?? '',
      responseScale: scale ?? { min: 1, max: 5 },
      questions: questions.filter((q): q is QuestionDefinition => q !== null),
      pages: pages.filter((p): p is SurveyPage => p !== null),
      scales: scales.filter((s): s is ScaleDefinition => s !== null),
      outcome: outcome ?? '',
      groupingQuestions: grouping.filter((g): g is string => g !== null),
    },
  };
}

type Problem = (field: string, message: string) => void;

function unknownFields(
  value: Json,
  path: string,
  known: readonly string[],
  problem: Problem,
): void {
  for (const name of Object.keys(value))
    if (!known.includes(name))
      problem(path ? `${path}.${name}` : name, 'is not a field of an instrument definition');
}

/**
 * `value` as an object, with a problem for each field it should not have; null (and `notObject`
 * as the problem at `path`) when it is not an object.
 */
function objectWithFields(
  value: unknown,
  path: string,
  known: readonly string[],
  problem: Problem,
  notObject = 'must be an object',
): Json | null {
  if (!isObject(value)) {
    problem(path, notObject);
    return null;
  }
  unknownFields(value, path, known, problem);
  return value;
}

function text(
  value: unknown,
  path: string,
  problem: Problem,
  max: number,
  emptyAllowed = false,
): string | null {
  if (typeof value !== 'string') {
    problem(path, 'must be text');
    return null;
  }
  if (!emptyAllowed && value.trim() === '') {
    problem(path, 'must not be empty');
    return null;
  }
  if (value.length > max) {
    problem(path, `must be at most ${max} characters`);
    return null;
  }
  return value;
}

function list(value: unknown, path: string, problem: Problem): unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    problem(path, 'must be a list with at least one entry');
    return [];
  }
  return value;
}

function responseScale(value: unknown, problem: Problem): { min: number; max: number } | null {
  const scale = objectWithFields(
    value,
    'responseScale',
    ['min', 'max'],
    problem,
    'must be an object with min and max',
  );
  if (!scale) return null;
  const { min, max } = scale;
  if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number)) {
    problem('responseScale', 'must have whole numbers min < max');
    return null;
  }
  return { min: min as number, max: max as number };
}

function choices(
  value: unknown,
  path: string,
  answerType: 'numeric' | 'text' | null,
  problem: Problem,
): ChoiceOption[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    problem(path, 'must be a list with at least one choice');
    return null;
  }
  const seen = new Set<string | number>();
  const result: ChoiceOption[] = [];
  value.forEach((choice: unknown, i) => {
    const at = `${path}[${i}]`;
    const given = objectWithFields(
      choice,
      at,
      ['value', 'text'],
      problem,
      'must be an object with value and text',
    );
    if (!given) return;
    const v = given['value'];
    const wording = text(given['text'], `${at}.text`, problem, TEXT_MAX);
    if (answerType === 'numeric' && !Number.isInteger(v)) {
      problem(`${at}.value`, 'must be a whole number (the question’s answers are numbers)');
      return;
    }
    if (answerType === 'text' && (typeof v !== 'string' || v === '' || v.length > 64)) {
      problem(
        `${at}.value`,
        'must be text of 1 to 64 characters (the question’s answers are text)',
      );
      return;
    }
    if (typeof v !== 'string' && typeof v !== 'number') return;
    if (seen.has(v)) problem(`${at}.value`, `repeats the value ${JSON.stringify(v)}`);
    seen.add(v);
    if (wording !== null) result.push({ value: v, text: wording });
  });
  return result.length === value.length ? result : null;
}

function question(
  input: unknown,
  path: string,
  scale: { min: number; max: number } | null,
  problem: Problem,
): QuestionDefinition | null {
  const value = objectWithFields(
    input,
    path,
    [
      'name',
      'text',
      'role',
      'required',
      'answerType',
      'choices',
      'choicesByService',
      'description',
    ],
    problem,
  );
  if (!value) return null;
  const name = text(value['name'], `${path}.name`, problem, 64);
  if (name !== null && !NAME.test(name))
    problem(`${path}.name`, 'must be letters, digits and _, starting with a letter');
  const wording = text(value['text'], `${path}.text`, problem, TEXT_MAX);
  const role = value['role'];
  if (typeof role !== 'string' || !ROLES.includes(role as QuestionRole))
    problem(`${path}.role`, `must be one of ${ROLES.join(', ')}`);
  if (typeof value['required'] !== 'boolean') problem(`${path}.required`, 'must be true or false');
  const answerType = value['answerType'];
  const type = answerType === 'numeric' || answerType === 'text' ? answerType : null;
  if (type === null) problem(`${path}.answerType`, 'must be numeric or text');
  const options = choices(value['choices'], `${path}.choices`, type, problem);
  if (options && scale && role === 'scale-item') {
    options.forEach((c, i) => {
      if (typeof c.value === 'number' && (c.value < scale.min || c.value > scale.max))
        problem(
          `${path}.choices[${i}].value`,
          `must be within the response scale ${scale.min}–${scale.max}`,
        );
    });
  }
  let byService: Partial<Record<ServiceKind, ChoiceOption[]>> | undefined;
  if (value['choicesByService'] !== undefined) {
    const given = value['choicesByService'];
    if (!isObject(given)) {
      problem(
        `${path}.choicesByService`,
        `must be an object keyed by ${SERVICE_KINDS.join(' or ')}`,
      );
    } else {
      byService = {};
      for (const [service, list] of Object.entries(given)) {
        if (!isServiceKind(service)) {
          problem(
            `${path}.choicesByService.${service}`,
            `is not a service (${SERVICE_KINDS.join(', ')})`,
          );
          continue;
        }
        const serviceChoices = choices(list, `${path}.choicesByService.${service}`, type, problem);
        if (serviceChoices) byService[service] = serviceChoices;
      }
    }
  }
  const description =
    value['description'] === undefined
      ? undefined
      : text(value['description'], `${path}.description`, problem, TEXT_MAX);
  if (name === null || wording === null || type === null || !options) return null;
  if (typeof role !== 'string' || !ROLES.includes(role as QuestionRole)) return null;
  return {
    name,
    text: wording,
    role: role as QuestionRole,
    required: value['required'] === true,
    answerType: type,
    choices: options,
    ...(byService ? { choicesByService: byService } : {}),
    ...(description ? { description } : {}),
  };
}

function page(
  input: unknown,
  path: string,
  questions: ReadonlyMap<string, QuestionDefinition>,
  onPage: Set<string>,
  problem: Problem,
): SurveyPage | null {
  const value = objectWithFields(
    input,
    path,
    ['name', 'title', 'description', 'questions'],
    problem,
  );
  if (!value) return null;
  const name = text(value['name'], `${path}.name`, problem, 64);
  const title = text(value['title'], `${path}.title`, problem, 200);
  const description =
    value['description'] === undefined
      ? undefined
      : text(value['description'], `${path}.description`, problem, TEXT_MAX);
  const names = list(value['questions'], `${path}.questions`, problem).map((q, i) => {
    const at = `${path}.questions[${i}]`;
    if (typeof q !== 'string' || !questions.has(q)) {
      problem(at, 'must name a question of this instrument');
      return null;
    }
    if (onPage.has(q)) problem(at, `puts ${q} on a second page`);
    onPage.add(q);
    return q;
  });
  if (name === null || title === null || names.some((n) => n === null)) return null;
  return {
    name,
    title,
    ...(description ? { description } : {}),
    questions: names as string[],
  };
}

function scaleOf(
  input: unknown,
  path: string,
  questions: ReadonlyMap<string, QuestionDefinition>,
  problem: Problem,
): ScaleDefinition | null {
  const value = objectWithFields(
    input,
    path,
    ['key', 'title', 'items', 'reversed', 'minAnswered', 'higherIsBetter'],
    problem,
  );
  if (!value) return null;
  const key = text(value['key'], `${path}.key`, problem, 64);
  const title = text(value['title'], `${path}.title`, problem, 200);
  const items = list(value['items'], `${path}.items`, problem).map((item, i) =>
    named(item, `${path}.items[${i}]`, questions, 'scale-item', problem),
  );
  const reversed = Array.isArray(value['reversed'])
    ? value['reversed'].map((item: unknown, i) => {
        if (typeof item !== 'string' || !items.includes(item)) {
          problem(`${path}.reversed[${i}]`, 'must name an item of this scale');
          return null;
        }
        return item;
      })
    : (problem(`${path}.reversed`, 'must be a list of item names (it may be empty)'), [null]);
  const minAnswered = value['minAnswered'];
  if (
    !Number.isInteger(minAnswered) ||
    (minAnswered as number) < 1 ||
    (minAnswered as number) > items.length
  )
    problem(`${path}.minAnswered`, `must be a whole number from 1 to ${items.length}`);
  if (typeof value['higherIsBetter'] !== 'boolean')
    problem(`${path}.higherIsBetter`, 'must be true or false');
  if (key === null || title === null || items.some((i) => i === null)) return null;
  if (reversed.some((r) => r === null)) return null;
  return {
    key,
    title,
    items: items as string[],
    reversed: reversed as string[],
    minAnswered: minAnswered as number,
    higherIsBetter: value['higherIsBetter'] === true,
  };
}

function named(
  value: unknown,
  path: string,
  questions: ReadonlyMap<string, QuestionDefinition>,
  role: QuestionRole,
  problem: Problem,
): string | null {
  const question = typeof value === 'string' ? questions.get(value) : undefined;
  if (!question) {
    problem(path, 'must name a question of this instrument');
    return null;
  }
  if (question.role !== role) {
    problem(path, `must name a question whose role is ${role}, not ${question.role}`);
    return null;
  }
  return question.name;
}
