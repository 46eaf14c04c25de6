import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { InvalidInputError, RequestTooLargeError } from './errors';

/** Largest request body accepted: a full Health Check response is about 2 kB. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The only routes that take larger bodies, and their limits: an instrument definition uploaded by
 * an administrator (Health Check v2 is about 15 kB; room for many more questions and wording).
 */
export const LARGER_BODY_LIMITS: Readonly<Record<string, number>> = {
  '/api/admin/instruments': 512 * 1024,
};

interface BodyParserError {
  type?: string;
}

/**
 * JSON body parsing whose failures answer like every other input error, naming the body as the
 * field. Other body-parser errors (an unsupported charset, an aborted upload) carry a 4xx status,
 * which the error filter keeps.
 */
export function jsonBody(
  defaultLimit = MAX_BODY_BYTES,
  larger: Readonly<Record<string, number>> = LARGER_BODY_LIMITS,
): RequestHandler {
  const parse = json({ limit: defaultLimit, strict: true });
  const parsers = new Map(
    Object.entries(larger).map(([path, limit]) => [path, json({ limit, strict: true })]),
  );
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = larger[req.path] ?? defaultLimit;
    (parsers.get(req.path) ?? parse)(req, res, (error?: unknown) => {
      if (!error) return next();
      const type = (error as BodyParserError).type;
      if (type === 'entity.too.large') {
        next(
          RequestTooLargeError.of(
            'The request body is too large',
            'body',
            `must be at most ${limit / 1024} kB`,
          ),
        );
      } else if (type === 'entity.parse.failed') {
        next(
          InvalidInputError.of(
            'The request body is not valid JSON',
            'body',
            'must be a JSON object',
          ),
        );
      } else {
        next(error);
      }
    });
  };
}
