/**
 * General square systems: LU factorisation with partial (row) pivoting, P·A = L·U
 * (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 3.4.1), for the possibly non-symmetric
 * Hessian systems of the optimiser. Row-major storage (dense.ts).
 */
import type { NumericArray } from './dense';
import { DimensionError, SingularMatrixError } from './errors';

export interface LuFactors {
  readonly n: number;
  /** L (unit lower, below the diagonal) and U (on and above it), packed. */
  readonly lu: Float64Array;
  /** Row i of the factored matrix is row perm[i] of A. */
  readonly perm: Int32Array;
  /** +1 or −1: the sign of the permutation. */
  readonly sign: number;
}

/**
 * LU factorisation. A pivot whose magnitude is at most `n·ε·max|A|` counts as zero.
 * @throws SingularMatrixError
 */
export function lu(a: NumericArray, n: number, what = 'matrix'): LuFactors {
  if (a.length !== n * n)
    throw new DimensionError(`${what}: expected ${n}×${n} = ${n * n} entries, got ${a.length}`);
  const m = Float64Array.from(a);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let scale = 0;
  for (let i = 0; i < m.length; i++) scale = Math.max(scale, Math.abs(m[i]!));
  if (!Number.isFinite(scale)) throw new SingularMatrixError(`${what} (it has non-finite entries)`);
  const tiny = Math.max(n, 1) * Number.EPSILON * scale;
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(m[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(m[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > tiny)) throw new SingularMatrixError(what);
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = m[k * n + j]!;
        m[k * n + j] = m[p * n + j]!;
        m[p * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
      sign = -sign;
    }
    const pivot = m[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const f = (m[i * n + k]! /= pivot);
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) m[i * n + j]! -= f * m[k * n + j]!;
    }
  }
  return { n, lu: m, perm, sign };
}

/** Solves A·x = b from the LU factors. */
export function luSolve(f: LuFactors, b: NumericArray): Float64Array {
  const { n, lu: m, perm } = f;
  if (b.length !== n)
    throw new DimensionError(`luSolve: right-hand side has ${b.length} entries, expected ${n}`);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]!]!;
    for (let k = 0; k < i; k++) s -= m[i * n + k]! * x[k]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= m[i * n + k]! * x[k]!;
    x[i] = s / m[i * n + i]!;
  }
  return x;
}

/** Solves A·x = b for a general square A. @throws SingularMatrixError */
export function solve(a: NumericArray, n: number, b: NumericArray, what = 'matrix'): Float64Array {
  return luSolve(lu(a, n, what), b);
}

/** A⁻¹ for a general square A. @throws SingularMatrixError */
export function inverse(a: NumericArray, n: number, what = 'matrix'): Float64Array {
  const f = lu(a, n, what);
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = luSolve(f, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}

/** det(A) from the LU factors (product of U's diagonal times the permutation sign). */
export function determinant(a: NumericArray, n: number): number {
  try {
    const f = lu(a, n);
    let d = f.sign;
    for (let i = 0; i < n; i++) d *= f.lu[i * n + i]!;
    return d;
  } catch (e) {
    if (e instanceof SingularMatrixError) return 0;
    throw e;
  }
}
