/**
 * lavaan 0.6-14 `fitMeasures()` for ML (lavaan's lav_fit_cfi, lav_fit_tli,
 * lav_fit_rmsea, lav_fit_rmsea_ci, lav_fit_rmsea_closefit, lav_fit_srmr_lavobject, lav_residuals_rescale).
 */
import { pchisq } from '../distributions';

/**
 * Brent's root finder in the form R's `uniroot()` runs it (R_zeroin2, after Brent 1973 ch. 4 "zeroin"):
 * bisection safeguarded by linear/inverse-quadratic interpolation, stopping when the bracket is within
 * tol_act = 2ε|b| + tol/2. `tol = 0` gives the root to full double precision; lavaan's RMSEA CI uses
 * uniroot's default tol = ε^0.25 ≈ 1.22e-4 (absolute, in λ). Requires f(a)·f(b) ≤ 0, else NaN.
 */
export function zeroin(
  fn: (x: number) => number,
  ax: number,
  bx: number,
  tol: number,
  maxIter = 1000,
): number {
  let a = ax;
  let b = bx;
  let fa = fn(a);
  let fb = fn(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa * fb > 0 || Number.isNaN(fa) || Number.isNaN(fb)) return Number.NaN;
  let c = a;
  let fc = fa;
  for (let iter = 0; iter <= maxIter; iter++) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // keep b the best approximation
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      // interpolation may be tried: linear with two distinct points, inverse quadratic with three
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2))
        newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = fn(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}

/** R's `uniroot()` default tolerance, .Machine$double.eps^0.25. */
export const UNIROOT_TOL = Math.pow(Number.EPSILON, 0.25);

/** The model's χ² and df, the baseline's, and for the robust indices both scaling factors ĉ. */
type IncrementalFitInputs = [
  x2: number,
  df: number,
  x2null: number,
  dfnull: number,
  cHat?: number,
  cHatNull?: number,
];

/**
 * Robust CFI/TLI/RMSEA (Brosseau-Liard & Savalei 2014, Brosseau-Liard, Savalei & Li 2012) take the
 * unscaled χ² with df multiplied by the scaling factor ĉ (of the model, and ĉ_null of the baseline), as
 * lavaan's lav_fit_cfi/lav_fit_tli do when both factors are given and neither is exactly 1.
 */
function robustScaling(df: number, cHat?: number, cHatNull?: number): [number, number] {
  if (cHat === undefined || cHatNull === undefined) return [1, 1];
  if (Number.isNaN(cHat) || Number.isNaN(cHatNull)) return [Number.NaN, Number.NaN];
  return df > 0 && cHat !== 1 && cHatNull !== 1 ? [cHat, cHatNull] : [1, 1];
}

/** The factors [c, c_null] that multiply df and df_null; undefined when any input is NaN (so is the index). */
function dfScaling(
  ...[x2, df, x2null, dfnull, cHat, cHatNull]: IncrementalFitInputs
): [number, number] | undefined {
  const [c, cNull] = robustScaling(df, cHat, cHatNull);
  return [x2, df, x2null, dfnull, c, cNull].some((v) => Number.isNaN(v)) ? undefined : [c, cNull];
}

/**
 * lav_fit_cfi: clamped to [0, 1]; 1 when both t1 and t2 are 0 to all.equal's 1.5e-8. With scaling
 * factors (robust CFI): t1 = max(X² − ĉ·df, 0), t2 = max(X² − ĉ·df, X²_null − ĉ_null·df_null, 0).
 */
export function cfiOf(...inputs: IncrementalFitInputs): number {
  const scaling = dfScaling(...inputs);
  if (scaling === undefined) return Number.NaN;
  const [x2, df, x2null, dfnull] = inputs;
  const [c, cNull] = scaling;
  const t1 = Math.max(x2 - c * df, 0);
  const t2 = Math.max(x2 - c * df, x2null - cNull * dfnull, 0);
  const allEqualZero = (t: number): boolean => Math.abs(t) <= 1.5e-8;
  if (allEqualZero(t1) && allEqualZero(t2)) return 1;
  return 1 - t1 / t2;
}

/** lav_fit_tli (= NNFI): not truncated, so it exceeds 1 when X² < df. Robust: df scaled by ĉ as in cfiOf. */
export function tliOf(...inputs: IncrementalFitInputs): number {
  const scaling = dfScaling(...inputs);
  if (scaling === undefined) return Number.NaN;
  const [x2, df, x2null, dfnull] = inputs;
  const [c, cNull] = scaling;
  const t1 = (x2 - c * df) * dfnull;
  const t2 = (x2null - cNull * dfnull) * df;
  if (df > 0 && Math.abs(t2) > 0) return 1 - t1 / t2;
  if (!Number.isFinite(t1) || !Number.isFinite(t2)) return Number.NaN;
  return 1;
}

/** lav_fit_rmsea: sqrt(max((X²/N)/df − ĉ/N, 0))·√G (ĉ = 1 but for the robust RMSEA); 0 when df = 0. */
export function rmseaOf(x2: number, df: number, n: number, nGroups: number, cHat = 1): number {
  if (Number.isNaN(df)) return Number.NaN;
  if (!(df > 0)) return 0;
  return Math.sqrt(Math.max(x2 / n / df - cHat / n, 0)) * Math.sqrt(nGroups);
}

/**
 * lav_fit_rmsea_ci (level 0.90). `tol` is the root finder's absolute tolerance in the non-centrality λ:
 * 0 (default) finds the roots to full precision; {@link UNIROOT_TOL} reproduces lavaan's printed values,
 * whose error from the exact root is up to ≈1e-4 in λ (1e-8 relative for HS, but 7e-5 relative for a
 * lower bound near 0).
 */
export function rmseaCiOf(
  x2: number,
  df: number,
  n: number,
  nGroups: number,
  tol = 0,
): { lower: number; upper: number } {
  const both = rmseaCiBoth(x2, df, n, nGroups);
  return tol === 0
    ? both.exact
    : tol === UNIROOT_TOL
      ? both.lavaan
      : rmseaCiWith(x2, df, n, nGroups, tol);
}

interface Ci {
  lower: number;
  upper: number;
}

/** lav_fit_rmsea_ci with a given uniroot tolerance (the general, slower path). */
function rmseaCiWith(x2: number, df: number, n: number, nGroups: number, tol: number): Ci {
  if (!Number.isFinite(x2) || !Number.isFinite(df) || !Number.isFinite(n)) {
    return { lower: Number.NaN, upper: Number.NaN };
  }
  const p0 = pchisq(x2, df, 0);
  const nRmsea = Math.max(n, x2 * 4);
  const scale = (lam: number): number => Math.sqrt(lam / (n * df)) * Math.sqrt(nGroups);
  const lower =
    df < 1 || p0 - 0.95 < 0 ? 0 : scale(zeroin((l) => pchisq(x2, df, l) - 0.95, 0, x2, tol));
  const upper =
    df < 1 || pchisq(x2, df, nRmsea) - 0.05 > 0 || p0 - 0.05 < 0
      ? 0
      : scale(zeroin((l) => pchisq(x2, df, l) - 0.05, 0, nRmsea, tol));
  return { lower, upper };
}

/**
 * Both CIs at once: lavaan's (uniroot's default tolerance, from lavaan's brackets) and the exact roots,
 * which are then sought only within uniroot's final bracket (|root − b| ≤ tol), saving most of the
 * non-central χ² evaluations. Falls back to the full bracket if that narrow one has no sign change.
 */
export function rmseaCiBoth(
  x2: number,
  df: number,
  n: number,
  nGroups: number,
  cHat = 1,
): { exact: Ci; lavaan: Ci } {
  if (!Number.isFinite(x2) || !Number.isFinite(df) || !Number.isFinite(n)) {
    const na = { lower: Number.NaN, upper: Number.NaN };
    return { exact: na, lavaan: na };
  }
  const p0 = pchisq(x2, df, 0);
  const nRmsea = Math.max(n, x2 * 4);
  const scale = (lam: number): number => Math.sqrt((cHat * lam) / (n * df)) * Math.sqrt(nGroups);
  const roots = (target: number, hi: number): [number, number] => {
    const fn = (l: number): number => pchisq(x2, df, l) - target;
    const approx = zeroin(fn, 0, hi, UNIROOT_TOL);
    const w = UNIROOT_TOL + 1e-12 * Math.abs(approx);
    const a = Math.max(0, approx - w);
    const b = Math.min(hi, approx + w);
    let exact = zeroin(fn, a, b, 0);
    if (Number.isNaN(exact)) exact = zeroin(fn, 0, hi, 0);
    return [scale(approx), scale(exact)];
  };
  const exact: Ci = { lower: 0, upper: 0 };
  const lavaan: Ci = { lower: 0, upper: 0 };
  if (!(df < 1 || p0 - 0.95 < 0)) [lavaan.lower, exact.lower] = roots(0.95, x2);
  if (!(df < 1 || pchisq(x2, df, nRmsea) - 0.05 > 0 || p0 - 0.05 < 0)) {
    [lavaan.upper, exact.upper] = roots(0.05, nRmsea);
  }
  return { exact, lavaan };
}

/** lav_fit_rmsea_closefit (H0: RMSEA ≤ h0), 1 − pchisq(X², df, ncp = N·df·h0²/(ĉ·G)); NaN when df = 0. */
export function rmseaCloseFitPvalue(
  x2: number,
  df: number,
  n: number,
  nGroups: number,
  h0 = 0.05,
  cHat = 1,
): number {
  if (!(df > 0) || !Number.isFinite(x2) || !Number.isFinite(cHat)) return Number.NaN;
  return 1 - pchisq(x2, df, (n * df * h0 * h0) / (cHat * nGroups));
}

/** lav_fit_rmsea_notclosefit (H0: RMSEA ≥ h0), pchisq(X², df, ncp = N·df·h0²/(ĉ·G)); NaN when df = 0. */
export function rmseaNotCloseFitPvalue(
  x2: number,
  df: number,
  n: number,
  nGroups: number,
  h0 = 0.08,
  cHat = 1,
): number {
  if (!(df > 0) || !Number.isFinite(x2) || !Number.isFinite(cHat)) return Number.NaN;
  return pchisq(x2, df, (n * df * h0 * h0) / (cHat * nGroups));
}

/**
 * One group's SRMR (Bentler; lavaan's default "srmr" for mimic = "lavaan"): S and Σ̂ (and m, μ̂) are
 * both scaled by the *observed* standard deviations, except elements below 1e-5 in absolute value,
 * which lav_residuals_rescale leaves unscaled; diagonal included; mean residuals included with a
 * mean structure (then p is added to the denominator).
 */
export function srmrGroup(
  S: ArrayLike<number>,
  sigma: ArrayLike<number>,
  mean: ArrayLike<number> | null,
  mu: ArrayLike<number> | null,
  p: number,
): number {
  const sd = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const v = S[i * p + i]!;
    sd[i] = Number.isFinite(v) && v >= Number.EPSILON ? Math.sqrt(v) : Number.NaN;
  }
  const scaled = (x: number, s: number): number => (Math.abs(x) < 1e-5 ? x : x / s);
  let sum = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      const s = sd[i]! * sd[j]!;
      const r = scaled(S[i * p + j]!, s) - scaled(sigma[i * p + j]!, s);
      sum += r * r;
    }
  }
  let e = (p * (p + 1)) / 2;
  if (mean && mu) {
    for (let i = 0; i < p; i++) {
      const r = scaled(mean[i]!, sd[i]!) - scaled(mu[i]!, sd[i]!);
      sum += r * r;
    }
    e += p;
  }
  return Math.sqrt(sum / e);
}
