/**
 * Distribution functions with R's (nmath) semantics, accurate to about 1e-13 relative against R 4.2.2.
 *
 * Sources: the @stdlib ports (Boost/Cephes algorithms), checked against R 4.2.2 on a grid
 * (fixtures/r/r-distribution-grid.R); the non-central
 * chi-square CDF is our own Poisson-mixture series (Johnson, Kotz & Balakrishnan 1995, eq. 29.2; the
 * same series R's `pnchisq_raw` sums), with Poisson weights from Loader's (2000) saddle-point dpois
 * that R's `dpois_raw` uses, so large non-centralities stay accurate without an overflowing
 * `exp(-λ/2)`.
 *
 * Argument order and defaults follow R: `pt(q, df)`, `qf(p, df1, df2)`, `pchisq(q, df, ncp)`, with
 * `lowerTail = false` meaning `lower.tail = FALSE` (computed directly, not as 1 − lower, so tiny
 * upper-tail p-values keep their precision).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import betainc from '@stdlib/math-base-special-betainc';
import fQuantile from '@stdlib/stats-base-dists-f-quantile';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import { dpoisRaw, logPnorm, pgammaRaw } from './pgamma';
import gammaln from '@stdlib/math-base-special-gammaln';

function checkProbability(p: number, fn: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: probability must be in [0, 1], got ${p}`);
}

/** log Γ(x) (R `lgamma`). */
export function lgamma(x: number): number {
  return gammaln(x);
}

/** Normal CDF, R `pnorm(q, mean, sd, lower.tail)`. Upper tail by symmetry (exact, no cancellation). */
export function pnorm(q: number, mean = 0, sd = 1, lowerTail = true): number {
  return lowerTail ? normalCdf(q, mean, sd) : normalCdf(2 * mean - q, mean, sd);
}

/** Normal density, R `dnorm(x)` for the standard normal. */
export function dnorm(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Normal quantile, R `qnorm(p, mean, sd)`; qnorm(.975) = 1.9599639845400536 (R 4.2.2, %.17g).
 * The @stdlib value (exact in the body, −Infinity below p ≈ 1e-300) is polished by Newton steps on
 * log Φ(x) = log p (A&S 26.2.12 Mills-ratio series in the far tail), so tails down to the smallest
 * doubles match R's AS 241 (Wichura 1988) result. p > 0.5 uses qnorm(p) = −qnorm(1 − p), exact there.
 */
export function qnorm(p: number, mean = 0, sd = 1): number {
  checkProbability(p, 'qnorm');
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return mean - sd * qnormLower(1 - p);
  return mean + sd * qnormLower(p);
}

/** Standard normal quantile for 0 < p ≤ 0.5. */
function qnormLower(p: number): number {
  let x = normalQuantile(p, 0, 1);
  if (!Number.isFinite(x)) {
    // Asymptotic start: Φ(x) ≈ φ(x)/|x|  ⇒  x² ≈ −2 log p − log(2π x²)
    const l = -2 * Math.log(p);
    x = -Math.sqrt(l - Math.log(2 * Math.PI * l));
  }
  const lp = Math.log(p);
  for (let i = 0; i < 50; i++) {
    const lphi = logPnorm(x, true);
    // d/dx log Φ(x) = φ(x)/Φ(x) = exp(log φ(x) − log Φ(x))
    const ratio = Math.exp(-0.9189385332046728 - 0.5 * x * x - lphi);
    const step = (lphi - lp) / ratio;
    x -= step;
    if (!(Math.abs(step) > 4e-16 * Math.max(1, Math.abs(x)))) break;
  }
  return x;
}

/**
 * Student t CDF, R `pt(q, df, lower.tail)`. Non-integer df allowed (Welch). Far tails are exact in
 * relative terms: pt(-30, 3000) = 1.8416832496622728e-173 (R) — matched to 1e-13.
 */
export function pt(q: number, df: number, lowerTail = true): number {
  return lowerTail ? tCdf(q, df) : tCdf(-q, df);
}

/** Student t quantile, R `qt(p, df)`. */
export function qt(p: number, df: number): number {
  checkProbability(p, 'qt');
  return tQuantile(p, df);
}

/**
 * F CDF, R `pf(q, df1, df2, lower.tail)`: pf = I_z(df1/2, df2/2), z = df1·q/(df1·q + df2)
 * (A&S 26.6.2). As R's pf.c does, the incomplete beta is evaluated at whichever of z and
 * 1 − z = df2/(df2 + df1·q) is ≤ ½, so neither tail loses digits to 1 − z (@stdlib's f-cdf does not:
 * 3e-7 relative error at pf(1e-6, 1, 11196)). Incomplete beta: @stdlib betainc (Boost's ibeta).
 */
export function pf(q: number, df1: number, df2: number, lowerTail = true): number {
  if (Number.isNaN(q) || !(df1 > 0 && df2 > 0)) return NaN;
  if (q <= 0) return lowerTail ? 0 : 1;
  if (q === Infinity) return lowerTail ? 1 : 0;
  if (df1 * q <= df2)
    return betainc((df1 * q) / (df1 * q + df2), df1 / 2, df2 / 2, true, !lowerTail);
  return betainc(df2 / (df2 + df1 * q), df2 / 2, df1 / 2, true, lowerTail);
}

/**
 * F quantile, R `qf(p, df1, df2)` (the Feldt CI of psych::alpha.ci). @stdlib's inverse is off by up to
 * 7e-7 (df1 = 1, small p), so its value only starts a bisection on our `pf` (monotone), run down to
 * adjacent doubles.
 */
export function qf(p: number, df1: number, df2: number): number {
  checkProbability(p, 'qf');
  if (!(df1 > 0 && df2 > 0)) throw new RangeError(`qf: need df1, df2 > 0, got ${df1}, ${df2}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  return invertMonotone((x) => pf(x, df1, df2), p, fQuantile(p, df1, df2));
}

/** Root of cdf(x) = p for an increasing cdf on (0, ∞): bracket from `start`, bisect to adjacent doubles. */
function invertMonotone(cdf: (x: number) => number, p: number, start: number): number {
  let lo = Number.isFinite(start) && start > 0 ? start : 1;
  let hi = lo;
  while (cdf(lo) > p && lo > 1e-300) lo /= 2;
  while (cdf(hi) < p && hi < 1e300) hi *= 2;
  for (let i = 0; i < 2100; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return Math.abs(cdf(lo) - p) <= Math.abs(cdf(hi) - p) ? lo : hi;
}

/**
 * Central chi-square quantile, R `qchisq(p, df)`: the root of pchisq(x, df) = p, bracketed from the
 * @stdlib starting value and bisected to adjacent doubles (pchisq is monotone), so the accuracy is
 * that of our pchisq rather than of @stdlib's inverse incomplete gamma.
 */
export function qchisq(p: number, df: number): number {
  checkProbability(p, 'qchisq');
  if (!(df > 0)) throw new RangeError(`qchisq: need df > 0, got ${df}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  return invertMonotone((x) => pchisq(x, df), p, chisqQuantile(p, df));
}

/** Regularised incomplete gamma P(a, y) (lower) or Q(a, y) (upper); a = 0 is the point mass at 0. */
function gammaP(y: number, a: number, lowerTail: boolean): number {
  if (a === 0) return lowerTail ? 1 : 0;
  return pgammaRaw(y, a, lowerTail);
}

/**
 * Chi-square CDF, central and non-central: R `pchisq(q, df, ncp = 0, lower.tail = TRUE)`.
 *
 * Central: the regularised incomplete gamma P(df/2, q/2), our port of R's nmath pgamma.c
 * (`pgammaRaw`; @stdlib's gammainc is not used — it is off by 3e-3 at df ≈ 10000).
 * Non-central (ncp > 0): P = Σ_k T_k, T_k = Pois(k; ncp/2) · C_k, C_k = P(χ²_{df+2k} ≤ q) (JKB 1995
 * eq. 29.2; the series R's `pnchisq_raw` sums). First a Chernoff bound settles tails below e^-800
 * (0, or 1 for the other tail) without summing — the RMSEA close-fit p-values and the root finder's
 * outer brackets at large N are such tails. Otherwise {@link pnchisqRecurrence} sums the series with
 * O(1) work per term, and {@link pnchisqDirect} (one incomplete gamma per term) covers the corners it
 * leaves out (small ncp, q < 2, df = 0).
 * Checked against R at ncp 0–5000, df 0.5–10000 (fixtures/r-distribution-grid.json) to ≤ 1e-11, and to
 * mpmath where R is off.
 */
export function pchisq(q: number, df: number, ncp = 0, lowerTail = true): number {
  if (Number.isNaN(q) || Number.isNaN(df) || Number.isNaN(ncp)) return NaN;
  if (!(df >= 0) || !(ncp >= 0))
    throw new RangeError(`pchisq: need df >= 0 and ncp >= 0, got df=${df}, ncp=${ncp}`);
  if (q <= 0) return lowerTail ? 0 : 1;
  if (q === Infinity) return lowerTail ? 1 : 0;
  const y = q / 2;
  const a0 = df / 2;
  if (ncp === 0) return gammaP(y, a0, lowerTail);
  const tail = chernoffLogTail(q, df, ncp);
  if (tail.logBound < -800) return tail.lower === lowerTail ? 0 : 1;
  const mu = ncp / 2;
  if (mu >= 16 && y >= 1 && a0 > 0) {
    const s = pnchisqRecurrence(y, a0, mu, lowerTail);
    if (s !== null) return s;
  }
  return pnchisqDirect(y, a0, mu, lowerTail);
}

/**
 * Chernoff bound on the tail of χ²(df, ncp) beyond q: log P(X ≤ q) (lower, q below the mean) or
 * log P(X ≥ q) (upper) ≤ −tq + (df/2)·log u + ncp·t·u, u = 1/(1 − 2t), at the optimal
 * u = 2q/(df + √(df² + 4·ncp·q)) (the root of df·u + ncp·u² = q).
 */
function chernoffLogTail(q: number, df: number, ncp: number): { lower: boolean; logBound: number } {
  const u = (2 * q) / (df + Math.sqrt(df * df + 4 * ncp * q));
  const t = (1 - 1 / u) / 2;
  const logBound = -t * q + (df / 2) * Math.log(u) + ncp * t * u;
  return { lower: u < 1, logBound: Math.min(logBound, 0) };
}

/** Relative truncation error of the Poisson-mixture sums. */
const SERIES_EPS = 1e-17;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * Σ_k T_k with O(1) work per term, by the exact recurrences between neighbours (Abramowitz & Stegun
 * 6.5.21: P(a+1, y) = P(a, y) − d(a, y), d(a, y) = y^a e^−y/Γ(a+1), d(a−1, y) = d(a, y)·a/y, and the
 * Poisson ratio w_{k±1}/w_k). Each recurrence runs in its stable direction only — the one in which C_k
 * grows, so it is a sum of positive terms with no cancellation: the lower tail (C_k = P(a0+k, y)
 * falls with k) is swept downward from an exact anchor K above the Poisson mode, the upper tail
 * (C_k = Q(a0+k, y) rises) upward from an anchor below it. The anchor is where the Poisson weights
 * beyond it, times C_K, are below SERIES_EPS of the mode term, which bounds everything left out there.
 * The terms are carried as T_k/T_K with a log scale (no under/overflow; the anchor itself is taken in
 * log space), and as the ratio ρ_k = d_k/C_k, which the recurrence keeps in (0, ∞) without loss.
 * The sweep stops when the geometric bound on the remaining terms is below SERIES_EPS of the sum:
 * T_k is log-concave in k (Poisson weights, and tail sums of the log-concave d(a0+k, y)), so the
 * current term ratio bounds every later one. Returns null if an anchor is not finite (caller falls
 * back to the direct sum).
 */
function pnchisqRecurrence(y: number, a0: number, mu: number, lowerTail: boolean): number | null {
  const k0 = Math.floor(mu);
  const sd = Math.sqrt(mu);
  const logW0 = dpoisRaw(k0, mu, true);
  const logEps = Math.log(SERIES_EPS);
  const stride = Math.ceil(sd) + 1;
  let K: number;
  if (lowerTail) {
    // Σ_{k>K} w_k C_k ≤ C_K · w_{K+1}/(1 − μ/(K+2)), and the sum is ≥ T_{k0} ≥ w_{k0}·C_K.
    K = k0 + Math.ceil(9 * sd) + 2;
    while (!(dpoisRaw(K + 1, mu, true) - logW0 - Math.log1p(-mu / (K + 2)) <= logEps)) K += stride;
  } else {
    // Σ_{k<K} w_k C_k ≤ C_K · w_{K−1}·s/(1 − s), s = (K−1)/μ, and the sum is ≥ w_{k0}·C_K.
    K = Math.max(k0 - Math.ceil(9 * sd) - 2, 0);
    while (K > 0) {
      const s = (K - 1) / mu;
      if (dpoisRaw(K - 1, mu, true) - logW0 + Math.log(s / (1 - s)) <= logEps) break;
      K = Math.max(K - stride, 0);
    }
  }
  const logC = pgammaRaw(y, a0 + K, lowerTail, true);
  const logD = dpoisRaw(a0 + K, y, true);
  const logW = dpoisRaw(K, mu, true);
  if (!Number.isFinite(logC) || !Number.isFinite(logD) || !Number.isFinite(logW)) return null;
  if (logD - logC > 600) return null;
  let rho = Math.exp(logD - logC);
  let t = 1;
  let sum = 1;
  let rescaled = 0; // sum and t are in units of T_K · RESCALE^rescaled
  let tMode = 0; // T_{k0} in those units, and `rescaled` when it was met
  let rescaledMode = 0;
  const invY = 1 / y;
  const invMu = 1 / mu;
  if (lowerTail) {
    // T_{k−1} = T_k · ((k/μ)(1 + e)), e = d_{k−1}/C_k = ρ_k (a0+k)/y;  ρ_{k−1} = e/(1 + e)
    for (let k = K; k > 0; k--) {
      const e = rho * (a0 + k) * invY;
      const ratio = k * invMu * (1 + e);
      t *= ratio;
      sum += t;
      rho = e / (1 + e);
      if (sum > RESCALE) {
        sum /= RESCALE;
        t /= RESCALE;
        rescaled++;
      }
      if (k - 1 === k0) {
        tMode = t;
        rescaledMode = rescaled;
      }
      if (ratio < 1 && (t * ratio) / (1 - ratio) <= SERIES_EPS * sum) break;
    }
  } else {
    // T_{k+1} = T_k · ((μ/(k+1))(1 + ρ_k));  ρ_{k+1} = ρ_k (y/(a0+k+1)) / (1 + ρ_k).
    // ρ stops growing once a0 + k + 1 ≥ y; from there the next ratio bounds all later ones.
    for (let k = K; ; k++) {
      t *= (mu * (1 + rho)) / (k + 1);
      sum += t;
      rho = (rho * y) / ((a0 + k + 1) * (1 + rho));
      if (sum > RESCALE) {
        sum /= RESCALE;
        t /= RESCALE;
        rescaled++;
      }
      if (k + 1 === k0) {
        tMode = t;
        rescaledMode = rescaled;
      }
      const next = (mu * (1 + rho)) / (k + 2);
      if (a0 + k + 2 >= y && next < 1 && (t * next) / (1 - next) <= SERIES_EPS * sum) break;
      if (k > K + 1e7) return null;
    }
  }
  // Normalise by the exact mode term T_{k0} rather than by the anchor: at the mode the Poisson and
  // gamma exponents are small, so its value is accurate to a few ulp, where the anchor's log-space
  // value carries an error of order ε·|log T_K| (1e-14 relative at 9 SDs).
  if (tMode > 0 && rescaled === rescaledMode) {
    const cMode = pgammaRaw(y, a0 + k0, lowerTail);
    if (cMode > 1e-280) return Math.min((sum / tMode) * (dpoisRaw(k0, mu) * cMode), 1);
  }
  return Math.min(Math.exp(logW + logC + rescaled * LOG_RESCALE + Math.log(sum)), 1);
}

/**
 * The same series with one incomplete gamma per term, summed outward from the Poisson mode
 * k₀ = ⌊ncp/2⌋. The mode weight comes from Loader's dpois in log space (no underflow for large ncp),
 * the others by the exact ratio recurrences w_{k±1}/w_k. Each direction stops once a rigorous bound on
 * the remaining terms is below 1e-17 of the running sum: upward the Poisson tail
 * Σ_{j>k} w_j ≤ w_k·r/(1−r), r = μ/(k+2), times the (monotone) central term; downward the lower
 * Poisson tail ≤ w_k·s/(1−s), s = k/μ, times at most 1.
 */
function pnchisqDirect(y: number, a0: number, mu: number, lowerTail: boolean): number {
  const EPS = SERIES_EPS;
  const k0 = Math.floor(mu);
  const w0 = dpoisRaw(k0, mu);
  let sum = w0 * gammaP(y, a0 + k0, lowerTail);
  // Upward: k = k0+1, k0+2, ...
  let w = w0;
  for (let k = k0 + 1; ; k++) {
    w *= mu / k;
    const c = gammaP(y, a0 + k, lowerTail);
    sum += w * c;
    const r = mu / (k + 2);
    // Remaining Σ_{j>k} w_j·c_j: lower tail c_j ≤ c_k (decreasing in j); upper tail c_j ≤ 1.
    const bound = r < 1 ? ((w * r) / (1 - r)) * (lowerTail ? c : 1) : Infinity;
    if (bound <= EPS * sum || w === 0) break;
    if (k > k0 + 1e7) break;
  }
  // Downward: k = k0−1, ..., 0.
  w = w0;
  for (let k = k0 - 1; k >= 0; k--) {
    w *= (k + 1) / mu;
    const c = gammaP(y, a0 + k, lowerTail);
    sum += w * c;
    const s = k / mu;
    // Remaining Σ_{j<k} w_j·c_j: upper tail c_j ≤ c_k (increasing in j); lower tail c_j ≤ 1.
    const bound = s < 1 ? ((w * s) / (1 - s)) * (lowerTail ? 1 : c) : Infinity;
    if (bound <= EPS * sum || w === 0) break;
  }
  return Math.min(sum, 1);
}
