import type { FieldError, ValidationErrorBody } from '@swhc/contracts';

/** The one shape of every error answer: `{statusCode, message, errors:[{field, message}]}`. */
export function errorBody(
  statusCode: number,
  message: string,
  errors: readonly FieldError[] = [],
): ValidationErrorBody {
  return { statusCode, message, errors: errors.map(({ field, message }) => ({ field, message })) };
}
