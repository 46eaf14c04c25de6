import type { FieldError } from '@swhc/contracts';

/**
 * What domain services throw when a request cannot be done. They say what went wrong in the
 * product's words and know nothing of HTTP: `error-response.ts` decides the status for each.
 */
export abstract class DomainError extends Error {
  /** One entry per field at fault, for the `errors` list of the answer. */
  readonly errors: readonly FieldError[];

  constructor(message: string, errors: readonly FieldError[] = []) {
    super(message);
    this.name = new.target.name;
    this.errors = errors;
  }

  /** One field at fault, the common case: `InvalidInputError.of(summary, 'email', 'must be …')`. */
  static of<T extends DomainError>(
    this: new (message: string, errors?: readonly FieldError[]) => T,
    message: string,
    field: string,
    problem: string,
  ): T {
    return new this(message, [{ field, message: problem }]);
  }
}

/** The input breaks a rule; `errors` names each field and its problem. 400. */
export class InvalidInputError extends DomainError {}

/** Nobody is signed in, the session has ended, or the email and password do not match. 401. */
export class NotSignedInError extends DomainError {}

/** The signed-in person's role does not allow this. 403. */
export class PermissionDeniedError extends DomainError {}

/** There is no such thing, or the caller may not know that there is. 404. */
export class NotFoundError extends DomainError {}

/** The input clashes with what is stored (an email already used, a reused submission id). 409. */
export class ConflictError extends DomainError {}

/**
 * The thing exists but its state forbids a change, e.g. editing a wave that has closed or
 * enrolling in a draft. `state` names that state (and the message says it). 409.
 */
export class StateConflictError extends ConflictError {
  constructor(
    readonly state: string,
    message: string,
    errors: readonly FieldError[] = [],
  ) {
    super(message, errors);
  }
}

/**
 * The thing exists but its state means it is no longer (or not yet) there for respondents, e.g. a
 * survey whose wave has closed or has not opened yet, or a link that was replaced. `state` names
 * that state. 410.
 */
export class ForbiddenStateError extends DomainError {
  constructor(
    readonly state: string,
    message: string,
    errors: readonly FieldError[] = [],
  ) {
    super(message, errors);
  }
}

/**
 * The request is understood and allowed but cannot be done as asked, e.g. an export that cannot be
 * made anonymous; the message says why. 422.
 */
export class UnprocessableRequestError extends DomainError {}

/** The request body is larger than accepted. 413. */
export class RequestTooLargeError extends DomainError {}

/** Too many attempts (e.g. failed sign-ins); try again after `retryAfterSeconds`. 429. */
export class TooManyAttemptsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

/** A part the app needs (the database) does not answer; try again later. 503. */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
