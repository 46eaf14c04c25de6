/**
 * The saturated model (lavaan's "h1") under missing = "ml": the ML means and covariances of incomplete
 * multivariate normal data, by the EM algorithm (Dempster, Laird & Rubin 1977; as lavaan 0.6-14's
 * lav_mvnorm_missing_h1_estimate_moments and lav_mvnorm_missing_estep). Its log-likelihood is the
 * reference for FIML's chi-square, and its moments stand in for S and the sample means in SRMR and in
 * the start values.
 *
 * lavaan stops its EM when no moment moves by more than 1e-5 (em.h1.tol), which leaves the h1
 * log-likelihood — and so chisq — short by a few 1e-6 relative; this EM runs to 1e-13 (relative to the
 * largest moment), lavaan's answer at `em.h1.tol = 1e-13`.
 */
import { choleskyInverse, choleskyLogDet, inverseSpd, tryCholesky } from '../linalg';
import type { GroupCases, MissingPattern } from './case-data';

export interface SaturatedMoments {
  readonly mean: Float64Array;
  /** p×p, divisor N. */
  readonly cov: Float64Array;
  /** Σ_rows log φ(y_o; μ_o, Σ_oo) at the estimates. */
  readonly logl: number;
  readonly iterations: number;
  /** False when the iteration cap was reached first. */
  readonly converged: boolean;
}

export interface EmOptions {
  /** Default 10000 (lavaan: em.h1.iter.max = 500 with its looser tolerance). */
  readonly maxIterations?: number;
  /** Largest change of a moment, relative to the largest moment, to stop at. Default 1e-13. */
  readonly tolerance?: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Σ_oo (or μ_o) of a pattern: the observed rows and columns. */
export function observedBlock(full: Float64Array, p: number, o: Int32Array): Float64Array {
  const po = o.length;
  const out = new Float64Array(po * po);
  for (let a = 0; a < po; a++)
    for (let b = 0; b < po; b++) out[a * po + b] = full[o[a]! * p + o[b]!]!;
  return out;
}

/**
 * Σ_k n_k [log|Σ_oo| + tr(Σ_oo⁻¹ S_k) + (ȳ_k − μ_o)'Σ_oo⁻¹(ȳ_k − μ_o)] over the patterns — −2·logl
 * without the 2π terms — or +Infinity when some Σ_oo is not positive definite.
 */
export function patternDeviance(
  patterns: readonly MissingPattern[],
  p: number,
  mu: Float64Array,
  sigma: Float64Array,
): number {
  let total = 0;
  for (const pat of patterns) {
    const o = pat.observed;
    const po = o.length;
    const L = tryCholesky(observedBlock(sigma, p, o), po);
    if (!L) return Number.POSITIVE_INFINITY;
    const P = choleskyInverse(L, po);
    let f = choleskyLogDet(L, po);
    for (let a = 0; a < po; a++) {
      const da = pat.mean[a]! - mu[o[a]!]!;
      for (let b = 0; b < po; b++) {
        f += P[a * po + b]! * (pat.cov[b * po + a]! + da * (pat.mean[b]! - mu[o[b]!]!));
      }
    }
    total += pat.n * f;
  }
  return total;
}

/** The log-likelihood of the rows under N(μ, Σ), each row on its observed variables. */
export function patternLogl(
  patterns: readonly MissingPattern[],
  p: number,
  mu: Float64Array,
  sigma: Float64Array,
): number {
  let nObs = 0;
  for (const pat of patterns) nObs += pat.n * pat.observed.length;
  return -0.5 * (patternDeviance(patterns, p, mu, sigma) + nObs * LOG_2PI);
}

/**
 * EM estimates of the saturated model of one group. Start (as lavaan): the means and the (divisor n)
 * variances of the observed values, covariances 0. Each M-step whose Σ has an eigenvalue below 1e-6 gets
 * max(diag Σ)·1e-8 added to its diagonal, as lavaan does.
 */
export function emSaturated(cases: GroupCases, options: EmOptions = {}): SaturatedMoments {
  const { p, n: N, patterns } = cases;
  const maxIterations = options.maxIterations ?? 10000;
  const tolerance = options.tolerance ?? 1e-13;
  let mu: Float64Array = new Float64Array(p);
  let sigma: Float64Array = new Float64Array(p * p);
  const count = new Float64Array(p);
  for (const pat of patterns) {
    pat.observed.forEach((j, a) => {
      mu[j]! += pat.n * pat.mean[a]!;
      count[j]! += pat.n;
    });
  }
  for (let j = 0; j < p; j++) mu[j]! /= count[j]!;
  for (const pat of patterns) {
    pat.observed.forEach((j, a) => {
      const d = pat.mean[a]! - mu[j]!;
      sigma[j * p + j]! += pat.n * (pat.cov[a * pat.observed.length + a]! + d * d);
    });
  }
  for (let j = 0; j < p; j++) sigma[j * p + j]! /= count[j]!;

  const observed = observedSums(patterns, p);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const next = emStep(observed, p, N, mu, sigma);
    iterations++;
    let change = 0;
    let scale = 0;
    for (let j = 0; j < p; j++) {
      change = Math.max(change, Math.abs(next.mu[j]! - mu[j]!));
      scale = Math.max(scale, Math.abs(next.mu[j]!));
    }
    for (let i = 0; i < p * p; i++) {
      change = Math.max(change, Math.abs(next.sigma[i]! - sigma[i]!));
      scale = Math.max(scale, Math.abs(next.sigma[i]!));
    }
    mu = next.mu;
    sigma = next.sigma;
    if (change <= tolerance * Math.max(1, scale)) {
      converged = true;
      break;
    }
  }
  return { mean: mu, cov: sigma, logl: patternLogl(patterns, p, mu, sigma), iterations, converged };
}

/** A pattern's sums over its rows (sy = Σ y_o, C = Σ y_o y_o') and its missing variables. */
interface PatternSums {
  readonly pattern: MissingPattern;
  readonly missing: Int32Array;
  readonly sy: Float64Array;
  readonly C: Float64Array;
}

/**
 * The parts of the E-step that do not change between iterations: each pattern's sums, and the
 * observed variables' share of T1 = Σ y and T2 = Σ y y'.
 */
function observedSums(
  patterns: readonly MissingPattern[],
  p: number,
): { sums: PatternSums[]; T1: Float64Array; T2: Float64Array } {
  const T1 = new Float64Array(p);
  const T2 = new Float64Array(p * p);
  const sums = patterns.map((pat) => {
    const o = pat.observed;
    const po = o.length;
    const n = pat.n;
    const sy = new Float64Array(po);
    const C = new Float64Array(po * po);
    for (let a = 0; a < po; a++) {
      sy[a] = n * pat.mean[a]!;
      for (let b = 0; b < po; b++) {
        C[a * po + b] = n * (pat.cov[a * po + b]! + pat.mean[a]! * pat.mean[b]!);
      }
    }
    for (let a = 0; a < po; a++) {
      T1[o[a]!]! += sy[a]!;
      for (let b = 0; b < po; b++) T2[o[a]! * p + o[b]!]! += C[a * po + b]!;
    }
    const missing: number[] = [];
    for (let j = 0, a = 0; j < p; j++) {
      if (a < po && o[a] === j) a++;
      else missing.push(j);
    }
    return { pattern: pat, missing: Int32Array.from(missing), sy, C };
  });
  return { sums, T1, T2 };
}

/**
 * One E- and M-step. E: for the rows of a pattern with observed o and missing m, E[y_m | y_o] =
 * μ_m + B(y_o − μ_o) with B = Σ_mo Σ_oo⁻¹, and Var[y_m | y_o] = Σ_mm − B Σ_om; by the partitioned
 * inverse, with A = Σ⁻¹, Var[y_m | y_o] = A_mm⁻¹ and B = −A_mm⁻¹ A_mo (p_m² p_o per pattern instead of
 * p_o³). The expected sums T1 = Σ y and T2 = Σ y y' follow from the pattern's sums. M: μ = T1/N,
 * Σ = T2/N − μμ'.
 */
function emStep(
  observed: { sums: readonly PatternSums[]; T1: Float64Array; T2: Float64Array },
  p: number,
  N: number,
  mu: Float64Array,
  sigma: Float64Array,
): { mu: Float64Array; sigma: Float64Array } {
  const T1 = observed.T1.slice();
  const T2 = observed.T2.slice();
  const A = inverseSpd(sigma, p, 'the EM covariance');
  for (const { pattern: pat, missing, sy, C } of observed.sums) {
    const pm = missing.length;
    if (pm === 0) continue;
    const o = pat.observed;
    const po = o.length;
    const n = pat.n;
    const Amm = new Float64Array(pm * pm);
    for (let k = 0; k < pm; k++) {
      for (let l = 0; l < pm; l++) Amm[k * pm + l] = A[missing[k]! * p + missing[l]!]!;
    }
    const V = inverseSpd(Amm, pm, 'the EM covariance');
    // B = −V A_mo (pm×po), c = μ_m − B μ_o
    const B = new Float64Array(pm * po);
    const c = new Float64Array(pm);
    for (let k = 0; k < pm; k++) {
      for (let a = 0; a < po; a++) {
        let v = 0;
        for (let l = 0; l < pm; l++) v -= V[k * pm + l]! * A[missing[l]! * p + o[a]!]!;
        B[k * po + a] = v;
      }
      let v = mu[missing[k]!]!;
      for (let a = 0; a < po; a++) v -= B[k * po + a]! * mu[o[a]!]!;
      c[k] = v;
    }
    const Bsy = new Float64Array(pm);
    const BC = new Float64Array(pm * po);
    for (let k = 0; k < pm; k++) {
      for (let a = 0; a < po; a++) {
        Bsy[k]! += B[k * po + a]! * sy[a]!;
        let v = 0;
        for (let b = 0; b < po; b++) v += B[k * po + b]! * C[b * po + a]!;
        BC[k * po + a] = v;
      }
    }
    for (let k = 0; k < pm; k++) {
      const mk = missing[k]!;
      T1[mk]! += n * c[k]! + Bsy[k]!;
      for (let a = 0; a < po; a++) {
        const v = c[k]! * sy[a]! + BC[k * po + a]!;
        T2[mk * p + o[a]!]! += v;
        T2[o[a]! * p + mk]! += v;
      }
      for (let l = 0; l < pm; l++) {
        const ml = missing[l]!;
        // Σ ŷ_k ŷ_l + n·Var[y_m | y_o]_kl
        let bcb = 0;
        for (let a = 0; a < po; a++) bcb += BC[k * po + a]! * B[l * po + a]!;
        T2[mk * p + ml]! +=
          n * c[k]! * c[l]! + c[k]! * Bsy[l]! + Bsy[k]! * c[l]! + bcb + n * V[k * pm + l]!;
      }
    }
  }
  const nextMu = new Float64Array(p);
  for (let j = 0; j < p; j++) nextMu[j] = T1[j]! / N;
  const nextSigma = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) nextSigma[i * p + j] = T2[i * p + j]! / N - nextMu[i]! * nextMu[j]!;
  }
  // lavaan: a (near-)singular Σ gets a ridge of max(diag)·1e-8
  const shifted = nextSigma.slice();
  let maxDiag = 0;
  for (let j = 0; j < p; j++) {
    shifted[j * p + j]! -= 1e-6;
    maxDiag = Math.max(maxDiag, nextSigma[j * p + j]!);
  }
  if (!tryCholesky(shifted, p)) for (let j = 0; j < p; j++) nextSigma[j * p + j]! += maxDiag * 1e-8;
  return { mu: nextMu, sigma: nextSigma };
}
