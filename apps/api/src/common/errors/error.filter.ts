import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../../database/database-unavailable';
import { describeError } from '../../logging/loggable-error';
import { errorResponseOf, isStatisticsLibraryError, UNEXPECTED_ERROR } from './error-response';

const FILE_HEADERS = ['Content-Type', 'Content-Encoding', 'ETag', 'Last-Modified'] as const;

/**
 * The one place an error becomes an HTTP answer (routes, guards, pipes and Express middleware
 * alike). Unexpected errors become a 500 without details and are logged by their stack only,
 * never with the request (its body may hold answers or a password); database errors by their code
 * only (see loggable-error.ts).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const expected = errorResponseOf(exception);
    if (!expected) {
      this.logger.error(describeError(exception));
    } else if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${describeError(exception)}`);
    } else if (isStatisticsLibraryError(exception)) {
      this.logger.warn(`${exception.name}: ${exception.message}`);
    }
    const answer = expected ?? UNEXPECTED_ERROR;
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
