import type { Answers, FieldError, PollQuestion, PollQuestionInput } from '@swhc/contracts';
import type { SurveyJson } from '../survey-json';
import { pollQuestionValues } from './validate-poll';

function questionJson(question: PollQuestionInput): Record<string, unknown> {
  const common = {
    name: question.name,
    title: question.title,
    ...(question.description ? { description: question.description } : {}),
    // A poll is short: every question needs an answer, so a result's n is the poll's n.
    isRequired: true,
  };
  if (question.type === 'rating') {
    return {
      ...common,
      type: 'rating',
      rateMin: question.rateMin,
      rateMax: question.rateMax,
      ...(question.minRateDescription ? { minRateDescription: question.minRateDescription } : {}),
      ...(question.maxRateDescription ? { maxRateDescription: question.maxRateDescription } : {}),
      // Descriptions beside the ends, so each button's accessible name stays the number.
      displayRateDescriptionsAsExtremeItems: false,
    };
  }
  return {
    ...common,
    type: question.type,
    choices: (question.choices ?? []).map((c) => ({ value: c.value, text: c.text })),
    ...(question.type === 'radiogroup' ? { colCount: 1 } : { placeholder: 'Select an answer' }),
  };
}

/** The SurveyJS JSON of a poll: one page, its questions in order. */
export function buildPollSurveyJson(title: string, questions: readonly PollQuestion[]): SurveyJson {
  return {
    title,
    showQuestionNumbers: 'off',
    questionErrorLocation: 'top',
    checkErrorsMode: 'onComplete',
    completeText: 'Send my answers',
    showCompletedPage: false,
    pages: [{ name: 'poll', elements: questions.map(questionJson) }],
  };
}

export type PollAnswerValidation =
  | { readonly valid: true; readonly answers: Answers }
  | { readonly valid: false; readonly errors: readonly FieldError[] };

/**
 * Checks a member's answers against the poll's questions: every question answered, with one of its
 * values and of the right type, nothing else. The api's check is authoritative.
 */
export function validatePollAnswers(
  questions: readonly PollQuestionInput[],
  answers: unknown,
): PollAnswerValidation {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      valid: false,
      errors: [{ field: 'answers', message: 'must be an object of answers' }],
    };
  }
  const given = answers as Record<string, unknown>;
  const byName = new Map(questions.map((q) => [q.name, q]));
  const errors: FieldError[] = [];
  const accepted: Answers = {};
  for (const [name, value] of Object.entries(given)) {
    const question = byName.get(name);
    if (!question) {
      errors.push({ field: `answers.${name}`, message: 'is not a question in this poll' });
      continue;
    }
    const allowed = pollQuestionValues(question);
    if (typeof value !== 'string' && typeof value !== 'number') {
      errors.push({ field: `answers.${name}`, message: 'must be one answer' });
    } else if (!allowed.includes(value)) {
      errors.push({
        field: `answers.${name}`,
        message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
      });
    } else {
      accepted[name] = value;
    }
  }
  for (const question of questions) {
    if (!Object.prototype.hasOwnProperty.call(given, question.name)) {
      errors.push({ field: `answers.${question.name}`, message: 'is required' });
    }
  }
  return errors.length > 0 ? { valid: false, errors } : { valid: true, answers: accepted };
}
