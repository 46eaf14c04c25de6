import type { Answers, FieldError, ServiceKind } from '@swhc/contracts';
import {
  type ChoiceOption,
  choicesFor,
  type InstrumentDefinition,
  type QuestionDefinition,
} from './instrument-definition';

export type AnswerValidation =
  | { readonly valid: true; readonly answers: Answers }
  | { readonly valid: false; readonly errors: readonly FieldError[] };

function describeChoices(choices: readonly ChoiceOption[]): string {
  return choices.map((c) => JSON.stringify(c.value)).join(', ');
}

function checkValue(
  question: QuestionDefinition,
  choices: readonly ChoiceOption[],
  value: unknown,
): string | null {
  if (question.answerType === 'numeric') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return `must be a number, not ${value === null ? 'null' : typeof value}`;
    }
    if (!choices.some((c) => c.value === value)) {
      return `must be one of ${describeChoices(choices)}`;
    }
    return null;
  }
  if (typeof value !== 'string') {
    return `must be text, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`;
  }
  if (!choices.some((c) => c.value === value)) {
    return `must be one of ${describeChoices(choices)}`;
  }
  return null;
}

/**
 * Checks a set of answers against an instrument as one service asks it: every name known, every
 * value one of the question's choices in that service and of the right type, every required
 * question answered. Pure; the api's call is authoritative.
 */
export function validateAnswers(
  instrument: InstrumentDefinition,
  answers: unknown,
  service: ServiceKind,
): AnswerValidation {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      valid: false,
      errors: [{ field: 'answers', message: 'must be an object of answers' }],
    };
  }
  const byName = new Map(instrument.questions.map((q) => [q.name, q]));
  const errors: FieldError[] = [];
  const accepted: Answers = {};
  for (const [name, value] of Object.entries(answers as Record<string, unknown>)) {
    const question = byName.get(name);
    if (!question) {
      errors.push({ field: `answers.${name}`, message: 'is not a question in this survey' });
      continue;
    }
    const problem = checkValue(question, choicesFor(question, service), value);
    if (problem) errors.push({ field: `answers.${name}`, message: problem });
    else accepted[name] = value as number | string;
  }
  for (const question of instrument.questions) {
    if (question.required && !(question.name in (answers as Record<string, unknown>))) {
      errors.push({ field: `answers.${question.name}`, message: 'is required' });
    }
  }
  return errors.length > 0 ? { valid: false, errors } : { valid: true, answers: accepted };
}
