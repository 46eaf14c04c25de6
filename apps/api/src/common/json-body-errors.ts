import { InvalidInputError, RequestTooLargeError } from './errors';
import { jsonDepthExceeds, jsonShapeErrors, MAX_JSON_DEPTH } from './json-shape';

/** The answers to a request body that cannot be read, whichever way the route reads its body. */
export const jsonBodyErrors = {
  tooLarge: (limit: number) =>
    RequestTooLargeError.of(
      'The request body is too large',
      'body',
      `must be at most ${limit / 1024} kB`,
    ),
  tooDeep: () =>
    InvalidInputError.of(
      'The request body is nested too deeply',
      'body',
      `must not nest more than ${MAX_JSON_DEPTH} levels deep`,
    ),
  notJson: () =>
    InvalidInputError.of('The request body is not valid JSON', 'body', 'must be a JSON object'),
  badShape: (body: unknown): InvalidInputError | null => {
    const problems = jsonShapeErrors(body);
    return problems.length === 0
      ? null
      : new InvalidInputError('The request is not valid', problems);
  },
};

/**
 * A JSON body from its raw UTF-8 bytes, read as the Express path reads it (body-parser's strict
 * mode: an object or array at the top, an empty body an empty object), nesting counted before
 * parsing and the shape checked after.
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  if (jsonDepthExceeds(raw)) throw jsonBodyErrors.tooDeep();
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw jsonBodyErrors.notJson();
  }
  if (typeof body !== 'object' || body === null) throw jsonBodyErrors.notJson();
  const badShape = jsonBodyErrors.badShape(body);
  if (badShape) throw badShape;
  return body;
}
