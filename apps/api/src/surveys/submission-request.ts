import type { Answers, FieldError, SurveyResponseRequest } from '@swhc/contracts';
import { InvalidInputError } from '../common/errors';

/** A random UUID (version 4): other versions carry a time or a machine id. */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const FIELDS: ReadonlySet<string> = new Set(['submissionId', 'answers']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The envelope of a survey response, `{submissionId, answers}`, checked field by field: the one
 * rule for both ways a response arrives (the intake lane and the Nest route behind it). What the
 * answers say is checked against the instrument afterwards (validateAnswers). Written by hand,
 * not as a class-validator DTO: this route carries the national load, and the check costs a few
 * microseconds instead of class-transformer's copy and class-validator's walk.
 */
export function readSubmission(body: unknown): SurveyResponseRequest {
  // No body at all (no JSON content type) is read as an empty envelope, naming what is missing.
  const envelope = body === undefined ? {} : body;
  if (!isPlainObject(envelope)) {
    throw InvalidInputError.of(
      'The request is not valid',
      'body',
      'must be a JSON object with submissionId and answers',
    );
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(envelope)) {
    if (!FIELDS.has(key)) errors.push({ field: key, message: 'is not an expected field' });
  }
  const { submissionId, answers } = envelope;
  if (submissionId === undefined) {
    errors.push({ field: 'submissionId', message: 'is required' });
  } else if (typeof submissionId !== 'string' || !UUID_V4.test(submissionId)) {
    errors.push({
      field: 'submissionId',
      message: 'must be a random UUID (version 4), which carries no time',
    });
  }
  if (answers === undefined) errors.push({ field: 'answers', message: 'is required' });
  else if (!isPlainObject(answers)) {
    errors.push({ field: 'answers', message: 'must be an object of answers' });
  }
  if (errors.length > 0) throw new InvalidInputError('The request is not valid', errors);
  return { submissionId: submissionId as string, answers: answers as Answers };
}
