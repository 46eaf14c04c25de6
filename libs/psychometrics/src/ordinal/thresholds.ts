/**
 * Univariate thresholds of an ordered variable and their casewise scores (lavaan 0.6-14 lav_uvord_th,
 * lav_uvord_scores; Muthén 1984, step 1): without covariates the probit ML thresholds are
 * τ_k = Φ⁻¹((n_1 + … + n_k)/N), the inverse normal of the cumulative proportions.
 */
import { dnorm, pnorm, qnorm } from '../distributions';

/** τ_k = qnorm(cumulative proportion of categories 1..k), k = 1..K−1 (lav_uvord_th). */
export function thresholdsFromCounts(counts: ArrayLike<number>): Float64Array {
  const K = counts.length;
  let n = 0;
  for (let k = 0; k < K; k++) n += counts[k]!;
  const th = new Float64Array(K - 1);
  let cum = 0;
  for (let k = 0; k < K - 1; k++) {
    cum += counts[k]!;
    th[k] = qnorm(cum / n);
  }
  return th;
}

/** Scores of one variable's thresholds, per category, and their cross-product over the rows. */
export interface ThresholdScores {
  /** K×(K−1), row = category: ∂ log π_y / ∂τ_t for a row in category y (lav_uvord_scores_cache). */
  readonly score: Float64Array;
  /** (K−1)×(K−1): Σ_rows score·scoreᵀ = Σ_k n_k s_k s_kᵀ (muthen1984's A11 block of this variable). */
  readonly crossProduct: Float64Array;
}

/**
 * A row in category y has log-likelihood log π_y, π_y = Φ(τ_y) − Φ(τ_{y−1}); its score for τ_t is
 * φ(τ_t)/π_y when t = y (upper bound), −φ(τ_t)/π_y when t = y − 1 (lower bound), else 0.
 */
export function thresholdScores(th: ArrayLike<number>, counts: ArrayLike<number>): ThresholdScores {
  const nth = th.length;
  const K = nth + 1;
  const score = new Float64Array(K * nth);
  for (let y = 0; y < K; y++) {
    const upper = y < nth ? pnorm(th[y]!) : 1;
    const lower = y > 0 ? pnorm(th[y - 1]!) : 0;
    const pi = upper - lower;
    if (y < nth) score[y * nth + y] = dnorm(th[y]!) / pi;
    if (y > 0) score[y * nth + y - 1] = -dnorm(th[y - 1]!) / pi;
  }
  const crossProduct = new Float64Array(nth * nth);
  for (let y = 0; y < K; y++) {
    const n = counts[y]!;
    for (let s = Math.max(0, y - 1); s <= Math.min(y, nth - 1); s++) {
      for (let t = Math.max(0, y - 1); t <= Math.min(y, nth - 1); t++) {
        crossProduct[s * nth + t]! += n * score[y * nth + s]! * score[y * nth + t]!;
      }
    }
  }
  return { score, crossProduct };
}
