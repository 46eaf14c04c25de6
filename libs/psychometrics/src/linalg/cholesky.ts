/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix and what follows from it:
 * solve, inverse, log-determinant. Only the lower triangle of A is read. Row-major storage (dense.ts).
 * Algorithm: the row-oriented Cholesky–Banachiewicz recurrence (Golub & Van Loan, Matrix
 * Computations, 4th ed., Alg. 4.2.1), then forward/back substitution.
 */
import type { NumericArray } from './dense';
import { DimensionError, NotPositiveDefiniteError } from './errors';

export interface CholeskyOptions {
  /**
   * A pivot must exceed `relativeTolerance × A_kk` (the original diagonal element) to count as positive.
   * Default 0: any strictly positive pivot is accepted. Use e.g. 1e-10 to reject numerically singular
   * matrices (a sample covariance with N ≤ p, or a variable that is a sum of others).
   */
  readonly relativeTolerance?: number;
}

function checkSquare(a: NumericArray, n: number, what: string): void {
  if (a.length !== n * n)
    throw new DimensionError(`${what}: expected ${n}×${n} = ${n * n} entries, got ${a.length}`);
}

/**
 * The lower-triangular factor L (row-major, upper part 0), or the 0-based index of the first leading
 * minor whose pivot is not positive (or not finite) as a negative number −(k+1).
 */
function factor(a: NumericArray, n: number, relTol: number): Float64Array | number {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const io = i * n;
    for (let j = 0; j <= i; j++) {
      const jo = j * n;
      let s = a[io + j]!;
      for (let k = 0; k < j; k++) s -= l[io + k]! * l[jo + k]!;
      if (i === j) {
        const aii = a[io + i]!;
        if (!(s > 0) || !(s > relTol * aii) || !Number.isFinite(s)) return -(i + 1);
        l[io + i] = Math.sqrt(s);
      } else {
        l[io + j] = s / l[jo + j]!;
      }
    }
  }
  return l;
}

/**
 * Cholesky factor of a symmetric positive definite n×n matrix.
 * @throws NotPositiveDefiniteError naming `what` and the failing leading minor.
 */
export function cholesky(
  a: NumericArray,
  n: number,
  what = 'matrix',
  options: CholeskyOptions = {},
): Float64Array {
  checkSquare(a, n, what);
  const r = factor(a, n, options.relativeTolerance ?? 0);
  if (typeof r === 'number') throw new NotPositiveDefiniteError(what, -r - 1);
  return r;
}

/** Like {@link cholesky} but returns null instead of throwing when A is not positive definite. */
export function tryCholesky(
  a: NumericArray,
  n: number,
  options: CholeskyOptions = {},
): Float64Array | null {
  checkSquare(a, n, 'matrix');
  const r = factor(a, n, options.relativeTolerance ?? 0);
  return typeof r === 'number' ? null : r;
}

/** log|A| = 2 Σ log L_ii from the Cholesky factor. */
export function choleskyLogDet(l: NumericArray, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(l[i * n + i]!);
  return 2 * s;
}

/** Solves A·x = b given A's Cholesky factor L (forward then back substitution). */
export function choleskySolve(l: NumericArray, n: number, b: NumericArray): Float64Array {
  if (b.length !== n)
    throw new DimensionError(
      `choleskySolve: right-hand side has ${b.length} entries, expected ${n}`,
    );
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    const io = i * n;
    for (let k = 0; k < i; k++) s -= l[io + k]! * y[k]!;
    y[i] = s / l[io + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  return y;
}

/** A⁻¹ = L⁻ᵀ L⁻¹ from the Cholesky factor; the result is exactly symmetric. */
export function choleskyInverse(l: NumericArray, n: number): Float64Array {
  // M = L⁻¹ (lower triangular), by forward substitution column by column.
  const m = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    m[j * n + j] = 1 / l[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      const io = i * n;
      for (let k = j; k < i; k++) s -= l[io + k]! * m[k * n + j]!;
      m[io + j] = s / l[io + i]!;
    }
  }
  // A⁻¹_ij = Σ_k M_ki M_kj over k ≥ max(i, j).
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += m[k * n + i]! * m[k * n + j]!;
      inv[i * n + j] = s;
      inv[j * n + i] = s;
    }
  }
  return inv;
}

/** Inverse of a symmetric positive definite matrix. @throws NotPositiveDefiniteError */
export function inverseSpd(a: NumericArray, n: number, what = 'matrix'): Float64Array {
  return choleskyInverse(cholesky(a, n, what), n);
}

/** log-determinant of a symmetric positive definite matrix. @throws NotPositiveDefiniteError */
export function logDetSpd(a: NumericArray, n: number, what = 'matrix'): number {
  return choleskyLogDet(cholesky(a, n, what), n);
}

/** Solves A·x = b for symmetric positive definite A. @throws NotPositiveDefiniteError */
export function solveSpd(
  a: NumericArray,
  n: number,
  b: NumericArray,
  what = 'matrix',
): Float64Array {
  return choleskySolve(cholesky(a, n, what), n, b);
}
