// The api's error model: domain errors, the one mapping to HTTP answers, and the filter using it.
export * from './domain-errors';
export { errorBody } from './error-body';
export {
  type ErrorResponse,
  errorResponseOf,
  isStatisticsLibraryError,
  UNEXPECTED_ERROR,
} from './error-response';
export { errorAnswer, ErrorFilter } from './error.filter';
export { flattenValidationErrors, invalidRequest } from './validation-errors';
