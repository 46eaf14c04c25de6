/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method
 * (Golub & Van Loan, Matrix Computations, 4th ed., §8.5.2). Accurate to a few ulps of ‖A‖, robust,
 * and fast enough for the parameter-space matrices of a CFA (tens to a couple of hundred rows).
 */
import type { NumericArray } from './dense';
import { DimensionError } from './errors';

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  readonly values: Float64Array;
  /** Row-major n×n; column j is the unit eigenvector of values[j]. */
  readonly vectors: Float64Array;
}

export function symmetricEigen(a: NumericArray, n: number): SymmetricEigen {
  if (a.length !== n * n)
    throw new DimensionError(`symmetricEigen: expected ${n * n} entries, got ${a.length}`);
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        const app = m[p * n + p]!;
        const aqq = m[q * n + q]!;
        // negligible against both diagonal entries (Numerical Recipes' test): nothing to rotate
        const g = 100 * Math.abs(apq);
        if (
          apq === 0 ||
          (Math.abs(app) + g === Math.abs(app) && Math.abs(aqq) + g === Math.abs(aqq))
        ) {
          continue;
        }
        rotated = true;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p]!;
          const akq = m[k * n + q]!;
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k]!;
          const aqk = m[q * n + k]!;
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
    if (!rotated) break;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => m[x * n + x]! - m[y * n + y]!,
  );
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src]!;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src]!;
  });
  return { values, vectors };
}
