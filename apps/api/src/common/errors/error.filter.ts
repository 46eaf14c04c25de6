import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../../database/database-unavailable';
import { describeError } from '../../logging/loggable-error';
import {
  type ErrorResponse,
  errorResponseOf,
  isStatisticsLibraryError,
  UNEXPECTED_ERROR,
} from './error-response';

const FILE_HEADERS = ['Content-Type', 'Content-Encoding', 'ETag', 'Last-Modified'] as const;

/**
 * The answer to an error, logging what the server should know: unexpected errors by their stack
 * only, never with the request (its body may hold answers or a password); database errors by their
 * code only (see loggable-error.ts). Shared by the filter and the intake lane.
 */
export function errorAnswer(
  exception: unknown,
  logger: Pick<Logger, 'error' | 'warn'>,
): ErrorResponse {
  const expected = errorResponseOf(exception);
  if (!expected) {
    logger.error(describeError(exception));
  } else if (isDatabaseUnavailable(exception)) {
    logger.warn(`Database unavailable: ${describeError(exception)}`);
  } else if (isStatisticsLibraryError(exception)) {
    logger.warn(`${exception.name}: ${exception.message}`);
  }
  return expected ?? UNEXPECTED_ERROR;
}

/**
 * Errors of every Nest route, guard and pipe and of the Express middleware, answered as
 * errorAnswer says (the intake lane, which runs before Express, answers its own the same way).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const answer = errorAnswer(exception, this.logger);
    if (res.headersSent) {
      res.end();
      return;
    }
    // A failed file send may have described the file already; the answer is JSON, not that file.
    for (const name of FILE_HEADERS) res.removeHeader(name);
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    res.status(answer.status).type('application/json').json(answer.body);
  }
}
