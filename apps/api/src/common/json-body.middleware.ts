import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { jsonBodyErrors } from './json-body-errors';
import { jsonDepthExceeds } from './json-shape';

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

const TOO_DEEP = 'entity.too.deep';

/**
 * JSON body parsing whose failures answer like every other input error, naming the body as the
 * field. Before anything else sees a body it is refused when nested too deeply (counted on the raw
 * bytes, before parsing), and after parsing when it holds control characters or keys named like
 * Object.prototype members — on every route alike. Other body-parser errors (an unsupported
 * charset, an aborted upload) carry a 4xx status, which the error filter keeps.
 */
export function jsonBody(
  defaultLimit = MAX_BODY_BYTES,
  larger: Readonly<Record<string, number>> = LARGER_BODY_LIMITS,
): RequestHandler {
  const parserOf = (limit: number) =>
    json({
      limit,
      strict: true,
      verify: (_req, _res, raw) => {
        if (jsonDepthExceeds(raw))
          throw Object.assign(new Error('nested too deeply'), { type: TOO_DEEP });
      },
    });
  const parse = parserOf(defaultLimit);
  const parsers = new Map(Object.entries(larger).map(([path, limit]) => [path, parserOf(limit)]));
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = larger[req.path] ?? defaultLimit;
    (parsers.get(req.path) ?? parse)(req, res, (error?: unknown) => {
      if (!error) return next(jsonBodyErrors.badShape(req.body) ?? undefined);
      const type = (error as BodyParserError).type;
      if (type === 'entity.too.large') next(jsonBodyErrors.tooLarge(limit));
      else if (type === TOO_DEEP) next(jsonBodyErrors.tooDeep());
      else if (type === 'entity.parse.failed') next(jsonBodyErrors.notJson());
      else next(error);
    });
  };
}
