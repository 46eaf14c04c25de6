import { BadRequestException, HttpStatus } from '@nestjs/common';
import type { FieldError, ValidationErrorBody } from '@swhc/contracts';
import type { ValidationError } from 'class-validator';

/** The body of every 4xx about input: a summary plus one entry per field (PRODUCT.md). */
export function validationErrorBody(message: string, errors: FieldError[]): ValidationErrorBody {
  return { statusCode: HttpStatus.BAD_REQUEST, message, errors };
}

/** Flattens class-validator's tree into field paths such as `answers` or `submissionId`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function invalidRequest(errors: ValidationError[]): BadRequestException {
  return new BadRequestException(
    validationErrorBody('The request is not valid', flattenValidationErrors(errors)),
  );
}
