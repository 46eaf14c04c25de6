/**
 * Robust ML (lavaan 0.6-14 estimator = "MLR": se = "robust.huber.white", test = "yuan.bentler.mplus",
 * information = "observed" with observed.information = "hessian", h1.information = "structured"):
 *
 * - Standard errors from the sandwich (Huber 1967, White 1982; lav_model_nvcov_robust_sandwich):
 *     vcov = E⁻¹ B0 E⁻¹ / N,  E = the Hessian of F = −logl/N (lav_model_hessian), B0 = (1/N) Σ_i s_i s_i'
 *   the casewise first-order information at the model-implied moments (scores.ts).
 * - The Yuan–Bentler scaled test in Mplus' form (Yuan & Bentler 2000; lav_test_yuan_bentler_mplus_trace):
 *     tr(UΓ) = Σ_g tr(A1_g⁻¹ B1_g) − tr(B0 E⁻¹),  ĉ = tr(UΓ)/df,  T_scaled = T/ĉ,
 *   A1_g and B1_g the saturated model's observed and first-order information per row of group g
 *   (unstructured: at the sample moments, or the EM moments under FIML).
 * - The same for the baseline model, and the scaled and robust fit measures (robust-fit.ts).
 *
 * With complete data tr(A1⁻¹B1) needs no p*×p* matrix: A1 is the normal information at the sample
 * moments, so tr(A1⁻¹B1) = (1/N_g) Σ_i [½(D_i² − 2D_i + p) + D_i] with D_i = (y_i − ȳ)'S⁻¹(y_i − ȳ)
 * (the last D_i only with a mean structure) — Mardia's kurtosis in another guise.
 */
import { inverse, inverseSpd, matMul } from '../linalg';
import type { GroupCases } from './case-data';
import { NotIdentifiedError } from './errors';
import { observedInformation } from './observed-information';
import type { MlProblem } from './ml';

/** The observed information E (Hessian of F = −logl/N; observed-information.ts) and its inverse at z. */
export function invertedObservedInformation(
  problem: MlProblem,
  z: Float64Array,
  cases: readonly GroupCases[],
): { E: Float64Array; Einv: Float64Array } {
  const E = observedInformation(problem, z, cases);
  if (!E) {
    throw new NotIdentifiedError('the observed information cannot be evaluated at the estimates');
  }
  return { E, Einv: inverse(E, problem.nFree, 'the observed information matrix') };
}

/** Standard errors from a parameter covariance (NaN where the variance is negative). */
export function standardErrors(vcov: Float64Array, q: number): Float64Array {
  const se = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    const v = vcov[i * q + i]!;
    se[i] = v >= 0 ? Math.sqrt(v) : Number.NaN;
  }
  return se;
}

/** The Huber–White covariance E⁻¹ B0 E⁻¹ / N of the estimates (see the module comment). */
export function sandwichCovariance(
  Einv: Float64Array,
  B0: Float64Array,
  q: number,
  N: number,
): Float64Array {
  const vcov = matMul(matMul(Einv, B0, q, q, q), Einv, q, q, q);
  for (let i = 0; i < q * q; i++) vcov[i]! /= N;
  return vcov;
}

/** tr(A1⁻¹ B1) of one group with complete data, from the Mahalanobis distances (module comment). */
export function completeDataH1Trace(cases: GroupCases, meanStructure: boolean): number {
  const { n, p, y, patterns } = cases;
  const pat = patterns[0]!;
  const Sinv = inverseSpd(pat.cov, p, 'the sample covariance');
  const d = new Float64Array(p);
  let t = 0;
  for (let r = 0; r < n; r++) {
    for (let a = 0; a < p; a++) d[a] = y[r * p + a]! - pat.mean[a]!;
    let D = 0;
    for (let a = 0; a < p; a++) {
      let v = 0;
      for (let b = 0; b < p; b++) v += Sinv[a * p + b]! * d[b]!;
      D += d[a]! * v;
    }
    t += 0.5 * (D * D - 2 * D + p) + (meanStructure ? D : 0);
  }
  return t / n;
}
