import type { FieldError } from '@swhc/contracts';
import type { ValidationError } from 'class-validator';
import { InvalidInputError } from './domain-errors';

/** Flattens class-validator's tree into field paths such as `answers` or `submissionId`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The ValidationPipe's exceptionFactory: a DTO that fails its rules is invalid input. */
export function invalidRequest(errors: ValidationError[]): InvalidInputError {
  return new InvalidInputError('The request is not valid', flattenValidationErrors(errors));
}
