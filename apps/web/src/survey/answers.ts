import type { AnswerValue, Answers } from '@swhc/contracts';

/** Keeps only the value shapes the api accepts (numbers, strings, lists of strings). */
export function toAnswers(data: unknown): Answers {
  const answers: Answers = {};
  if (typeof data !== 'object' || data === null) return answers;
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    if (isAnswerValue(value)) answers[name] = value;
  }
  return answers;
}

function isAnswerValue(value: unknown): value is AnswerValue {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'string' ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}
