import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FieldError } from '@swhc/contracts';
import type { Response } from 'express';

interface ErrorBody {
  statusCode: number;
  message: string;
  errors: FieldError[];
}

function bodyFor(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null) {
    const r = response as { message?: unknown; errors?: unknown };
    const message = Array.isArray(r.message)
      ? r.message.join('; ')
      : typeof r.message === 'string'
        ? r.message
        : exception.message;
    const errors = Array.isArray(r.errors) ? (r.errors as FieldError[]) : [];
    return { statusCode: status, message, errors };
  }
  return { statusCode: status, message: String(response), errors: [] };
}

/**
 * Every error leaves as `{statusCode, message, errors}`. Unexpected errors become a 500 without
 * details and are logged without the request body (which may hold answers).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json(bodyFor(exception));
      return;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    res
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ statusCode: 500, message: 'Something went wrong on our side', errors: [] });
  }
}
