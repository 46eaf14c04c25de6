/**
 * The checks lavaan 0.6-14 runs on a fitted model (lav_object_post_check) and turns into warnings:
 * negative variances (Heywood cases, for observed and latent variables), and — where no variance of that
 * kind is negative — a covariance matrix of the factors (Ψ) or of the residuals (Θ) with an eigenvalue
 * below −ε^(3/4), i.e. not positive definite (a factor correlation beyond ±1, say).
 */
import { symmetricEigen, tryCholesky } from '../linalg';
import type { GroupMatrices } from './ml';
import type { ParRow } from './partable';

const NEGATIVE_EIGENVALUE = -Math.pow(Number.EPSILON, 3 / 4);

function notPositiveDefinite(a: Float64Array, n: number): boolean {
  // a Cholesky factor exists only for a positive definite matrix: then nothing to check (the common case)
  if (n === 0 || tryCholesky(a, n) !== null) return false;
  const { values } = symmetricEigen(a, n);
  return values[0]! < NEGATIVE_EIGENVALUE;
}

/**
 * The warnings for a fit: one per negative variance, one per group with a non-positive-definite Ψ or Θ.
 * `rows` may be any parameter table whose `~~` rows are ParRows (the ordinal one adds `|` and `~*~`).
 */
export function postCheckWarnings(
  rows: readonly (Pick<ParRow, 'lhs' | 'rhs' | 'group'> & {
    readonly op: string;
    readonly mat: string;
  })[],
  est: readonly number[],
  matrices: readonly GroupMatrices[],
  groups: readonly string[],
  p: number,
  m: number,
): string[] {
  const G = groups.length;
  const warnings: string[] = [];
  let negativeLv = false;
  let negativeOv = false;
  rows.forEach((r, i) => {
    if (r.op !== '~~' || r.lhs !== r.rhs || !(est[i]! < 0)) return;
    if (r.mat === 'psi') negativeLv = true;
    else negativeOv = true;
    warnings.push(
      `negative variance estimate: ${r.lhs} ~~ ${r.rhs} = ${est[i]}${G > 1 ? ` (group ${r.group})` : ''}`,
    );
  });
  const where = (g: number): string => (G > 1 ? ` in group '${groups[g]}'` : '');
  matrices.forEach((w, g) => {
    if (!negativeLv && notPositiveDefinite(w.psi, m)) {
      warnings.push(
        `the covariance matrix of the factors is not positive definite${where(g)}: a factor correlation is beyond ±1 or a combination of factors has negative variance`,
      );
    }
    if (!negativeOv && notPositiveDefinite(w.theta, p)) {
      warnings.push(
        `the covariance matrix of the residuals is not positive definite${where(g)}: check the residual covariances`,
      );
    }
  });
  return warnings;
}
