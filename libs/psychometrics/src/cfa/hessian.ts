/**
 * The Hessian of an objective from its analytic gradient by finite differences, symmetrised — the
 * optimiser's Newton polish and the observed information lavaan reports (lav_model_hessian, lavaan
 * 0.6-14, which differentiates its analytic gradient the same way):
 * - 3 points (central differences, h = 1e-5·max(1, |z_j|)): truncation O(h²) and rounding O(ε/h) errors
 *   both near 1e-10 relative, 2 gradients per parameter;
 * - 5 points, (g(z − 2h) − 8g(z − h) + 8g(z + h) − g(z + 2h)) / 12h with h = 1e-4·max(1, |z_j|) (lavaan:
 *   h = 1e-6): errors below 1e-11, at twice the cost.
 */
import type { MlProblem } from './ml';

export type Stencil = 3 | 5;

/** Hessian of F at z, n×n row-major; null when the gradient cannot be evaluated near z. */
export function numericHessian(
  problem: MlProblem,
  z: Float64Array,
  stencil: Stencil = 3,
): Float64Array | null {
  const n = z.length;
  const H = new Float64Array(n * n);
  const zz = z.slice();
  const gradAt = (j: number, x: number): Float64Array | undefined => {
    zz[j] = x;
    const g = problem.evaluate(zz, true).grad;
    zz[j] = z[j]!;
    return g;
  };
  for (let j = 0; j < n; j++) {
    const scale = Math.max(1, Math.abs(z[j]!));
    if (stencil === 3) {
      const h = 1e-5 * scale;
      const up = gradAt(j, z[j]! + h);
      const dn = gradAt(j, z[j]! - h);
      if (!up || !dn) return null;
      for (let i = 0; i < n; i++) H[i * n + j] = (up[i]! - dn[i]!) / (2 * h);
    } else {
      const h = 1e-4 * scale;
      const up = gradAt(j, z[j]! + h);
      const dn = gradAt(j, z[j]! - h);
      const up2 = gradAt(j, z[j]! + 2 * h);
      const dn2 = gradAt(j, z[j]! - 2 * h);
      if (!up || !dn || !up2 || !dn2) return null;
      for (let i = 0; i < n; i++) {
        H[i * n + j] = (dn2[i]! - 8 * dn[i]! + 8 * up[i]! - up2[i]!) / (12 * h);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (H[i * n + j]! + H[j * n + i]!);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}
