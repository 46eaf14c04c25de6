import type { Answers, FieldError } from '@swhc/contracts';
import type { InstrumentDefinition, QuestionDefinition } from './instrument-definition';

export type AnswerValidation =
  | { readonly valid: true; readonly answers: Answers }
  | { readonly valid: false; readonly errors: readonly FieldError[] };

function describeChoices(question: QuestionDefinition): string {
  return question.choices.map((c) => JSON.stringify(c.value)).join(', ');
}

function checkValue(question: QuestionDefinition, value: unknown): string | null {
  if (question.answerType === 'numeric') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return `must be a number, not ${value === null ? 'null' : typeof value}`;
    }
    if (!question.choices.some((c) => c.value === value)) {
      return `must be one of ${describeChoices(question)}`;
    }
    return null;
  }
  if (typeof value !== 'string') {
    return `must be text, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`;
  }
  if (!question.choices.some((c) => c.value === value)) {
    return `must be one of ${describeChoices(question)}`;
  }
  return null;
}

/**
 * Checks a set of answers against an instrument: every name known, every value one of the
 * question's choices and of the right type, every required question answered. Pure; the api's
 * call is authoritative, the browser's is for fast feedback.
 */
export function validateAnswers(
  instrument: InstrumentDefinition,
  answers: unknown,
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
    const problem = checkValue(question, value);
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
