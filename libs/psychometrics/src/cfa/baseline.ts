/**
 * The baseline (independence) model of fitMeasures() — free means and variances, no covariances, in each
 * group (lavaan 0.6-14 lav_object_independence) — from the rows, for FIML and the robust tests. With
 * Σ diagonal the likelihood of incomplete rows separates by variable, so its ML estimates are each
 * variable's mean and (divisor n_j) variance over the n_j rows that observe it, and
 *   logl_null = Σ_j −n_j/2 · (log 2π + log v_j + 1).
 */
import type { GroupCases } from './case-data';

export interface IndependenceMoments {
  /** Per variable: rows observing it, mean and variance (divisor count) over them. */
  readonly count: Float64Array;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  /** Fourth central moment over the same rows. */
  readonly m4: Float64Array;
}

export function independenceMoments(cases: GroupCases): IndependenceMoments {
  const { p, n, y } = cases;
  const count = new Float64Array(p);
  const mean = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let a = 0; a < p; a++) {
      const v = y[r * p + a]!;
      if (Number.isNaN(v)) continue;
      count[a]! += 1;
      mean[a]! += v;
    }
  }
  for (let a = 0; a < p; a++) mean[a]! /= count[a]!;
  const variance = new Float64Array(p);
  const m4 = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let a = 0; a < p; a++) {
      const v = y[r * p + a]!;
      if (Number.isNaN(v)) continue;
      const d2 = (v - mean[a]!) ** 2;
      variance[a]! += d2;
      m4[a]! += d2 * d2;
    }
  }
  for (let a = 0; a < p; a++) {
    variance[a]! /= count[a]!;
    m4[a]! /= count[a]!;
  }
  return { count, mean, variance, m4 };
}

/** The baseline model's log-likelihood (each variable on the rows that observe it). */
export function independenceLogl(im: IndependenceMoments): number {
  let logl = 0;
  for (let a = 0; a < im.count.length; a++) {
    logl -= (im.count[a]! / 2) * (Math.log(2 * Math.PI) + Math.log(im.variance[a]!) + 1);
  }
  return logl;
}

/**
 * The baseline's share of the Yuan–Bentler trace, tr(B0 E⁻¹) of lav_test_yuan_bentler_mplus_trace: at
 * its estimates the (observed = expected) information is diagonal — n_j/(2N v_j²) for v_j, n_j/(N v_j)
 * for μ_j — and the casewise scores are (d² − v)/(2v²) and d/v, so the trace is
 *   Σ_j [½(m4_j / v_j² − 1) + 1 (with a mean structure)].
 */
export function independenceScoreTrace(im: IndependenceMoments, meanStructure: boolean): number {
  let t = 0;
  for (let a = 0; a < im.count.length; a++) {
    t += 0.5 * (im.m4[a]! / im.variance[a]! ** 2 - 1) + (meanStructure ? 1 : 0);
  }
  return t;
}
