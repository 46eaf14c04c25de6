import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** Largest request body accepted: a full Health Check response is about 2 kB. */
export const MAX_BODY_BYTES = 64 * 1024;

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * JSON body parsing whose failures answer like every other input error, naming the body as the
 * field, instead of Express's default HTML error page.
 */
export function jsonBody(limit = MAX_BODY_BYTES): RequestHandler {
  const parse = json({ limit, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const e = error as BodyParserError;
      if (e.type === 'entity.too.large') {
        res.status(413).json({
          statusCode: 413,
          message: 'The request body is too large',
          errors: [{ field: 'body', message: `must be at most ${limit / 1024} kB` }],
        });
      } else if (e.type === 'entity.parse.failed') {
        res.status(400).json({
          statusCode: 400,
          message: 'The request body is not valid JSON',
          errors: [{ field: 'body', message: 'must be a JSON object' }],
        });
      } else {
        res.status(e.status && e.status >= 400 && e.status < 500 ? e.status : 400).json({
          statusCode: 400,
          message: 'The request body could not be read',
          errors: [{ field: 'body', message: e.type ?? 'unreadable body' }],
        });
      }
    });
  };
}
