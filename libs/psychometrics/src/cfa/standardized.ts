/**
 * The standardised solution as lavaan 0.6-14 `standardizedSolution()` / `parameterEstimates(standardized =
 * TRUE)` computes it (lav_standardize_lv and lav_standardize_all with cov.std = TRUE), for the CFA's
 * parameter rows, per group:
 *
 *   std.lv:  λ·sd(η);  ψ_kk / var(η_k) (= 1);  ψ_kl / √|ψ_kk ψ_ll|;  α / sd(η);  θ and ν unchanged
 *   std.all: std.lv, then λ / sd(x);  θ_ii / var(x);  θ_ij / √|θ_ii θ_jj|;  ν / sd(x)
 *
 * where var(η) = diag Ψ and var(x) = diag Σ̂ (model-implied). A negative factor variance has no SD (NaN, R's
 * NA), as in lavaan; a model-implied variance below machine epsilon too.
 */
import type { GroupMatrices, Implied } from './ml';
import type { ParRow } from './partable';

export interface StandardizedValues {
  readonly stdLv: number;
  readonly stdAll: number;
}

/**
 * std.lv and std.all of every row of the parameter table, given each row's estimate, the model
 * matrices and the model-implied moments of every group.
 */
export function standardize(
  rows: readonly ParRow[],
  est: readonly number[],
  matrices: readonly GroupMatrices[],
  implied: readonly Implied[],
  p: number,
  m: number,
): StandardizedValues[] {
  const perGroup = matrices.map((w, g) => {
    const eta = new Float64Array(m);
    const rvLv = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const v = w.psi[k * m + k]!;
      eta[k] = v < 0 ? Number.NaN : Math.sqrt(v);
      rvLv[k] = Math.sqrt(Math.abs(v));
    }
    const sigma = implied[g]!.sigma;
    const ov2 = new Float64Array(p);
    const ov = new Float64Array(p);
    const rvOv = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      const v = sigma[i * p + i]!;
      ov2[i] = Math.abs(v) < Number.EPSILON ? Number.NaN : v;
      ov[i] = ov2[i]! < 0 ? Number.NaN : Math.sqrt(ov2[i]!);
      rvOv[i] = Math.sqrt(Math.abs(w.theta[i * p + i]!));
    }
    return { eta, rvLv, ov2, ov, rvOv };
  });
  return rows.map((r, i) => {
    const x = est[i]!;
    const { eta, rvLv, ov2, ov, rvOv } = perGroup[r.group - 1]!;
    switch (r.mat) {
      case 'lambda': {
        const stdLv = x * eta[r.col]!;
        return { stdLv, stdAll: stdLv / ov[r.row]! };
      }
      case 'psi': {
        const stdLv =
          r.row === r.col ? x / eta[r.row]! / eta[r.col]! : x / rvLv[r.row]! / rvLv[r.col]!;
        return { stdLv, stdAll: stdLv };
      }
      case 'alpha': {
        const stdLv = x / eta[r.row]!;
        return { stdLv, stdAll: stdLv };
      }
      case 'theta':
        return {
          stdLv: x,
          stdAll: r.row === r.col ? x / ov2[r.row]! : x / rvOv[r.row]! / rvOv[r.col]!,
        };
      case 'nu':
        return { stdLv: x, stdAll: x / ov[r.row]! };
    }
  });
}
