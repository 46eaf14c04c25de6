import { PsychometricsError } from '../errors';

/**
 * A matrix that must be symmetric positive definite is not (a Cholesky pivot was not positive).
 * `pivot` is the 0-based index of the first failing leading minor.
 */
export class NotPositiveDefiniteError extends PsychometricsError {
  constructor(
    readonly what: string,
    readonly pivot: number,
  ) {
    super(`${what} is not positive definite (leading minor ${pivot + 1} is not positive)`);
  }
}

/** A (possibly non-symmetric) linear system has no unique solution: the matrix is singular. */
export class SingularMatrixError extends PsychometricsError {
  constructor(readonly what: string) {
    super(`${what} is singular to working precision`);
  }
}

/** Arguments to a matrix routine do not have matching dimensions. */
export class DimensionError extends PsychometricsError {}
