/**
 * The polychoric correlation of two ordered variables by two-step ML (Olsson 1979; lavaan 0.6-14
 * lav_bvord_cor_twostep_fit): the thresholds are fixed at their univariate estimates and ρ maximises
 * Σ n_ab log π_ab(ρ) over the bivariate table, π_ab(ρ) the bivariate-normal probability of cell (a, b),
 * on lavaan's bounds [−0.999, 0.999]. Also the casewise scores of ρ and of both variables' thresholds
 * (lav_bvord_cor_scores), which enter the asymptotic covariance of the sample statistics.
 */
import { dnorm, pnorm } from '../distributions';
import { dbinorm, pbinorm } from './bivariate-normal';
import { OrdinalDataError } from './errors';

/** lavaan treats cell probabilities at or below √ε (R's sqrt(.Machine$double.eps)) as empty. */
const SMALL = Math.sqrt(Number.EPSILON);
const RHO_BOUND = 0.999;
/** lavaan's stand-in for ±∞ as the outer limits of the first and last categories (lav_uvord_update_fit). */
const OUTER = 100;

/** A K1×K2 table of counts (row-major, rows = categories of the first variable). */
export interface BivariateTable {
  readonly k1: number;
  readonly k2: number;
  readonly freq: Float64Array;
}

interface CellTables {
  /** π_ab, floored at √ε as lav_bvord_noexo_pi_cache does. */
  readonly pi: Float64Array;
  /** ∂π_ab/∂ρ (lav_bvord_noexo_phi_cache). */
  readonly phi: Float64Array;
  /** ∂²π_ab/∂ρ² (lav_bvord_noexo_gnorm_cache), when asked for. */
  readonly gnorm: Float64Array | null;
}

/** ∂φ₂(u, v; ρ)/∂ρ divided by φ₂ (lavaan's guv). */
function guv(u: number, v: number, rho: number): number {
  const r = 1 - rho * rho;
  return (u * v * r - rho * (u * u - 2 * rho * u * v + v * v) + rho * r) / (r * r);
}

/** Cell probabilities and their ρ-derivatives: differences of Φ₂ and φ₂ at the interior corners. */
function cellTables(
  rho: number,
  th1: ArrayLike<number>,
  th2: ArrayLike<number>,
  wantGnorm: boolean,
): CellTables {
  const n1 = th1.length;
  const n2 = th2.length;
  const k1 = n1 + 1;
  const k2 = n2 + 1;
  // cumulative BI on a (k1+1)×(k2+1) grid: BI[a][b] = P(y1 < a, y2 < b) in category units
  const w = k2 + 1;
  const bi = new Float64Array((k1 + 1) * w);
  for (let a = 1; a <= k1; a++) {
    for (let b = 1; b <= k2; b++) {
      let v: number;
      if (a === k1 && b === k2) v = 1;
      else if (a === k1) v = pnorm(th2[b - 1]!);
      else if (b === k2) v = pnorm(th1[a - 1]!);
      else if (rho === 0) v = pnorm(th1[a - 1]!) * pnorm(th2[b - 1]!);
      else v = pbinorm(th1[a - 1]!, th2[b - 1]!, rho);
      bi[a * w + b] = v;
    }
  }
  const pi = new Float64Array(k1 * k2);
  for (let a = 0; a < k1; a++) {
    for (let b = 0; b < k2; b++) {
      const v =
        bi[(a + 1) * w + b + 1]! - bi[a * w + b + 1]! - bi[(a + 1) * w + b]! + bi[a * w + b]!;
      pi[a * k2 + b] = v < SMALL ? SMALL : v;
    }
  }
  // densities at the interior corners, then their cell differences
  const d = new Float64Array(n1 * n2);
  const dg = wantGnorm ? new Float64Array(n1 * n2) : null;
  for (let a = 0; a < n1; a++) {
    for (let b = 0; b < n2; b++) {
      const v = dbinorm(th1[a]!, th2[b]!, rho);
      d[a * n2 + b] = v;
      if (dg) dg[a * n2 + b] = v * guv(th1[a]!, th2[b]!, rho);
    }
  }
  const diff = (m: Float64Array): Float64Array => {
    const out = new Float64Array(k1 * k2);
    const at = (a: number, b: number): number =>
      a >= 0 && b >= 0 && a < n1 && b < n2 ? m[a * n2 + b]! : 0;
    for (let a = 0; a < k1; a++)
      for (let b = 0; b < k2; b++)
        out[a * k2 + b] = at(a, b) - at(a - 1, b) - at(a, b - 1) + at(a - 1, b - 1);
    return out;
  };
  return { pi, phi: diff(d), gnorm: dg ? diff(dg) : null };
}

/** d log L/dρ and d² log L/dρ² over the cells with π > √ε (lav_bvord_gradient_cache, _hessian_cache). */
function derivatives(freq: Float64Array, t: CellTables): { g: number; h: number } {
  let g = 0;
  let h = 0;
  for (let c = 0; c < freq.length; c++) {
    const n = freq[c]!;
    const pi = t.pi[c]!;
    if (n === 0 || pi <= SMALL) continue;
    const r = t.phi[c]! / pi;
    g += n * r;
    h += n * (t.gnorm![c]! / pi - r * r);
  }
  return { g, h };
}

/** Pearson correlation of the category codes (lavaan's start value), 0 when undefined. */
function pearsonStart(table: BivariateTable): number {
  const { k1, k2, freq } = table;
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  for (let a = 0; a < k1; a++)
    for (let b = 0; b < k2; b++) {
      const f = freq[a * k2 + b]!;
      n += f;
      s1 += f * a;
      s2 += f * b;
    }
  const m1 = s1 / n;
  const m2 = s2 / n;
  let c11 = 0;
  let c22 = 0;
  let c12 = 0;
  for (let a = 0; a < k1; a++)
    for (let b = 0; b < k2; b++) {
      const f = freq[a * k2 + b]!;
      c11 += f * (a - m1) * (a - m1);
      c22 += f * (b - m2) * (b - m2);
      c12 += f * (a - m1) * (b - m2);
    }
  const r = c12 / Math.sqrt(c11 * c22);
  return Number.isFinite(r) && Math.abs(r) < 1 ? r : 0;
}

/**
 * Maximises the bivariate log-likelihood in ρ from lavaan's start: Newton steps on the analytic derivatives
 * inside a bracket that the sign of the gradient keeps shrinking (bisection when a Newton step would leave
 * it), until the step is below 1e-15 — the exact optimum, where lavaan's nlminb stops within ~1e-7. The
 * bound ±0.999 is returned only when the bracket closes on it. (The gradient is not trusted at the bound
 * itself: a cell whose probability falls below √ε there drops out of lavaan's sums, so a table with a few
 * discordant rows can look as if it wanted ρ = 0.999.)
 */
function maximise(
  freq: Float64Array,
  th1: ArrayLike<number>,
  th2: ArrayLike<number>,
  start: number,
): number {
  let lo = -RHO_BOUND;
  let hi = RHO_BOUND;
  let rho = Math.min(Math.max(start, lo), hi);
  for (let iter = 0; iter < 300; iter++) {
    const { g, h } = derivatives(freq, cellTables(rho, th1, th2, true));
    if (g === 0) return rho;
    if (g > 0) lo = rho;
    else hi = rho;
    let next = h < 0 ? rho - g / h : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - rho) <= 1e-15) return next;
    if (hi - lo <= 1e-15) break;
    rho = next;
  }
  if (RHO_BOUND - lo <= 1e-12) return RHO_BOUND;
  if (hi + RHO_BOUND <= 1e-12) return -RHO_BOUND;
  return rho;
}

/** The fitted correlation and whether the table had an empty cell. */
export interface PolychoricFit {
  readonly rho: number;
  readonly emptyCells: boolean;
}

/**
 * ρ̂ for one table with the thresholds fixed, including lavaan's special cases for 2×2 tables (zero.add =
 * c(0.5, 0) and zero.keep.margins = TRUE, its defaults): one empty cell gets 0.5 added and its diagonal
 * neighbours adjusted so the margins stay; a table with equal cross-products gives 0; thresholds both at
 * 0 give the closed form −cos(2π n11/N). Larger tables are used as they are (zero.add[2] = 0).
 * @throws OrdinalDataError for a 2×2 table with two empty cells (lavaan returns ±1 and warns).
 */
export function polychoricCorrelation(
  table: BivariateTable,
  th1: ArrayLike<number>,
  th2: ArrayLike<number>,
  names: readonly [string, string],
): PolychoricFit {
  const { k1, k2 } = table;
  let freq = table.freq;
  const emptyCells = freq.some((f) => f === 0);
  if (k1 === 2 && k2 === 2) {
    const zeros = [0, 1, 2, 3].filter((c) => freq[c] === 0);
    if (zeros.length === 2) {
      throw new OrdinalDataError(
        `the 2×2 table of '${names[0]}' and '${names[1]}' has two empty cells: their polychoric correlation is ±1`,
      );
    }
    if (zeros.length === 1) {
      freq = freq.slice();
      // row-major cells 0 = [1,1], 3 = [2,2] are the diagonal
      const diagonal = zeros[0] === 0 || zeros[0] === 3 ? 0.5 : -0.5;
      freq[0]! += diagonal;
      freq[3]! += diagonal;
      freq[1]! -= diagonal;
      freq[2]! -= diagonal;
    }
    if (freq[0]! * freq[3]! === freq[1]! * freq[2]!) return { rho: 0, emptyCells };
    if (th1[0] === 0 && th2[0] === 0) {
      const n = freq[0]! + freq[1]! + freq[2]! + freq[3]!;
      return { rho: -Math.cos((2 * Math.PI * freq[0]!) / n), emptyCells };
    }
  }
  return { rho: maximise(freq, th1, th2, pearsonStart(table)), emptyCells };
}

/** Casewise scores of one pair at ρ̂, per cell of the table (rows = categories of the first variable). */
export interface PolychoricScores {
  /** ∂ log π_ab/∂ρ; 0 for cells with π ≤ √ε (lavaan's NA, dropped from every sum). */
  readonly rho: Float64Array;
  /** k1·k2 × (k1−1): ∂ log π_ab/∂τ1_t. */
  readonly th1: Float64Array;
  /** k1·k2 × (k2−1): ∂ log π_ab/∂τ2_t. */
  readonly th2: Float64Array;
}

/**
 * lav_bvord_cor_scores_cache without covariates: for a row in cell (a, b) with limits z1/z2 (upper/lower,
 * ±100 beyond the outer categories), ∂π/∂τ1 at the upper limit is φ(z1_a)[Φ((z1_b − ρz1_a)/R) −
 * Φ((z2_b − ρz1_a)/R)], R = √(1 − ρ²), minus the same at the lower limit; ∂π/∂ρ = φ-differences.
 */
export function polychoricScores(
  rho: number,
  th1: ArrayLike<number>,
  th2: ArrayLike<number>,
): PolychoricScores {
  const n1 = th1.length;
  const n2 = th2.length;
  const k1 = n1 + 1;
  const k2 = n2 + 1;
  const { pi, phi } = cellTables(rho, th1, th2, false);
  const R = Math.sqrt(1 - rho * rho);
  const up1 = (a: number): number => (a < n1 ? th1[a]! : OUTER);
  const low1 = (a: number): number => (a > 0 ? th1[a - 1]! : -OUTER);
  const up2 = (b: number): number => (b < n2 ? th2[b]! : OUTER);
  const low2 = (b: number): number => (b > 0 ? th2[b - 1]! : -OUTER);
  const outRho = new Float64Array(k1 * k2);
  const outTh1 = new Float64Array(k1 * k2 * n1);
  const outTh2 = new Float64Array(k1 * k2 * n2);
  for (let a = 0; a < k1; a++) {
    for (let b = 0; b < k2; b++) {
      const c = a * k2 + b;
      const lik = pi[c]!;
      if (lik <= SMALL) continue;
      outRho[c] = phi[c]! / lik;
      // thresholds of y1: the cell's upper limit (threshold a) and lower limit (threshold a − 1)
      const z1 = up1(a);
      const z2 = low1(a);
      const w1 = up2(b);
      const w2 = low2(b);
      if (a < n1)
        outTh1[c * n1 + a] =
          (dnorm(z1) * (pnorm((w1 - rho * z1) / R) - pnorm((w2 - rho * z1) / R))) / lik;
      if (a > 0)
        outTh1[c * n1 + a - 1] =
          -(dnorm(z2) * (pnorm((w1 - rho * z2) / R) - pnorm((w2 - rho * z2) / R))) / lik;
      if (b < n2)
        outTh2[c * n2 + b] =
          (dnorm(w1) * (pnorm((z1 - rho * w1) / R) - pnorm((z2 - rho * w1) / R))) / lik;
      if (b > 0)
        outTh2[c * n2 + b - 1] =
          -(dnorm(w2) * (pnorm((z1 - rho * w2) / R) - pnorm((z2 - rho * w2) / R))) / lik;
    }
  }
  return { rho: outRho, th1: outTh1, th2: outTh2 };
}
