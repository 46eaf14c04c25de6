import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import type { FieldError, ValidationErrorBody } from '@swhc/contracts';
import { CsvFormatError } from '@swhc/csv';
import { DisclosureError } from '@swhc/disclosure';
import { PsychometricsError } from '@swhc/psychometrics';
import {
  ConflictError,
  type DomainError,
  ForbiddenStateError,
  InvalidInputError,
  NotFoundError,
  NotSignedInError,
  PermissionDeniedError,
  RequestTooLargeError,
  ServiceUnavailableError,
  TooManyAttemptsError,
  UnprocessableRequestError,
} from './domain-errors';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from '../../database/database-unavailable';
import { errorBody } from './error-body';

/** What the client is told: status, body and any headers (Retry-After). */
export interface ErrorResponse {
  readonly status: number;
  readonly body: ValidationErrorBody;
  readonly headers: Readonly<Record<string, string>>;
}

/** Everything that is not an expected error: no detail leaves the server. */
export const UNEXPECTED_ERROR: ErrorResponse = {
  status: 500,
  body: errorBody(500, 'Something went wrong on our side'),
  headers: {},
};

type DomainErrorClass = abstract new (...args: never[]) => DomainError;

const DOMAIN_STATUS: readonly (readonly [DomainErrorClass, number])[] = [
  [InvalidInputError, 400],
  [NotSignedInError, 401],
  [PermissionDeniedError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [ForbiddenStateError, 410],
  [RequestTooLargeError, 413],
  [UnprocessableRequestError, 422],
  [TooManyAttemptsError, 429],
  [ServiceUnavailableError, 503],
];

/**
 * The statistics libraries reject input they cannot compute with. Their messages may carry counts
 * of small groups, so the client gets a fixed sentence and the server log gets the message.
 */
export function isStatisticsLibraryError(error: unknown): error is Error {
  return error instanceof PsychometricsError || error instanceof DisclosureError;
}

/**
 * The answer for an error the app expects, or null for one it does not (a bug, or a part that
 * failed): the caller answers those with UNEXPECTED_ERROR and logs them.
 */
export function errorResponseOf(error: unknown): ErrorResponse | null {
  for (const [kind, status] of DOMAIN_STATUS) {
    if (error instanceof kind) return domainResponse(error, status);
  }
  if (error instanceof HttpException) return nestResponse(error);
  if (isStatisticsLibraryError(error)) {
    return plain(422, 'The statistics for this request cannot be computed');
  }
  if (error instanceof CsvFormatError) {
    return plain(400, 'The CSV file is not valid', [{ field: 'file', message: error.message }]);
  }
  if (isDatabaseUnavailable(error)) {
    return {
      ...plain(503, 'The service is busy or restarting. Try again in a few seconds.'),
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    };
  }
  return clientStatusResponse(error);
}

function plain(status: number, message: string, errors: readonly FieldError[] = []): ErrorResponse {
  return { status, body: errorBody(status, message, errors), headers: {} };
}

function domainResponse(error: DomainError, status: number): ErrorResponse {
  const retryAfter =
    error instanceof TooManyAttemptsError || error instanceof ServiceUnavailableError
      ? error.retryAfterSeconds
      : undefined;
  return {
    status,
    body: errorBody(status, error.message, error.errors),
    headers: retryAfter === undefined ? {} : { 'Retry-After': String(Math.ceil(retryAfter)) },
  };
}

/** Nest's own exceptions (unknown route, guards, pipes): their status, our body. */
function nestResponse(error: HttpException): ErrorResponse {
  const status = error.getStatus();
  const response = error.getResponse();
  if (typeof response !== 'object' || response === null) return plain(status, String(response));
  const r = response as { message?: unknown; errors?: unknown };
  const message = Array.isArray(r.message)
    ? r.message.join('; ')
    : typeof r.message === 'string'
      ? r.message
      : error.message;
  return plain(status, message, Array.isArray(r.errors) ? (r.errors as FieldError[]) : []);
}

/**
 * Errors of Express and its helpers (body-parser, serve-static, send, `http-errors`) carry their
 * status in `status` or `statusCode`. A 4xx keeps its status: the client asked for something
 * that cannot be given (a range past the end of a file, a path outside the web root).
 */
function clientStatusResponse(error: unknown): ErrorResponse | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
    message?: unknown;
  };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 499) {
    return null;
  }
  // http-errors marks messages written for clients with `expose`; others get the status's name.
  const message =
    e.expose === true && typeof e.message === 'string' && e.message !== ''
      ? e.message
      : (STATUS_CODES[status] ?? 'The request cannot be answered');
  return plain(status, message);
}
