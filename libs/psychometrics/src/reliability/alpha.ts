/**
 * Cronbach's alpha with psych::alpha (psych 2.2.9) semantics for raw data, use = "pairwise"
 * (psych 2.2.9 `alpha()` and its inner `alpha.1()`). Pipeline:
 *  1. C = cov(x, use = "pairwise") on the unreversed items (pair-subset means, divisor n_ij − 1; the
 *     diagonal uses every answer of the item), then keyed algebraically: C ← diag(k) C diag(k).
 *  2. R = cov2cor(C) — not the pairwise correlation matrix.
 *  3. Reversed raw data x' = (max + min) − x with max and min over ALL items (psych's global range),
 *     used for the total score (row mean of the answered items), item means/SDs and raw.r.
 *  4. alpha.1(C, R) for the scale and for every C[−i,−i], R[−i,−i] (alpha if dropped).
 *  5. Feldt CI with n = nrow(x) including incomplete rows, df2 = (n − 1)(k − 1) (psych ≥ 3/2022).
 * Differences from psych: a zero-variance item throws ConstantItemError (psych drops it with a
 * warning); `check.keys` is not offered (give `reverse`).
 */
import type { DataSet } from '../data/data-set';
import { qf } from '../distributions/distributions';
import { inverseSpd, symmetricEigen } from '../linalg';
import {
  ConstantItemError,
  EmptyItemError,
  InvalidArgumentError,
  TooFewRowsError,
  UnknownColumnError,
} from '../scoring/errors';

export interface AlphaOptions {
  /** Items to reverse-key (psych `keys = c(...)`). */
  readonly reverse?: readonly string[];
}

/** psych's alpha.1 statistics for one set of items (the scale, or the scale without one item). */
export interface AlphaCore {
  /** raw_alpha = (1 − tr(C)/sum(C))·k/(k − 1) */
  readonly alpha: number;
  /** std.alpha = (1 − k/sum(R))·k/(k − 1) */
  readonly stdAlpha: number;
  /** G6(smc) = 1 − (k − Σ smc)/sum(R), smc = 1 − 1/diag(R⁻¹) clipped to [0, 1] */
  readonly g6: number;
  /** average_r = (sum(R) − k)/(k(k − 1)) */
  readonly averageR: number;
  /** S/N = k·r̄/(1 − r̄) */
  readonly signalToNoise: number;
  /** Duhachek–Iacobucci standard error sqrt(Q/n), n = nrow */
  readonly ase: number;
  /** median of the lower-triangle correlations */
  readonly medianR: number;
  /** var() of the lower-triangle correlations (NaN with a single correlation, as R's NA) */
  readonly varR: number;
}

export interface AlphaItem {
  readonly item: string;
  readonly reversed: boolean;
  /** Non-missing answers. */
  readonly n: number;
  /** cor(total, item) over the pairs present, item included in the total (psych raw.r). */
  readonly rawR: number;
  /** colSums(R)/sqrt(sum(R)) (psych std.r). */
  readonly stdR: number;
  /** Item–total correlation corrected for overlap and reliability (psych r.cor). */
  readonly rCor: number;
  /** Item–rest correlation from the keyed pairwise C (psych r.drop). */
  readonly rDrop: number;
  /** Mean and SD of the (reversed) item. */
  readonly mean: number;
  readonly sd: number;
  /** raw_alpha of the scale without this item. */
  readonly alphaIfDropped: number;
  /** All alpha.1 statistics of the scale without this item (psych $alpha.drop row). */
  readonly dropped: AlphaCore;
}

export interface AlphaResult extends AlphaCore {
  /** nrow(x): every row, including incomplete ones (the n of Feldt and ase). */
  readonly n: number;
  /** Number of items. */
  readonly k: number;
  /** Mean and SD of the total score (row mean of the answered, reversed items). */
  readonly mean: number;
  readonly sd: number;
  /**
   * Warnings as psych gives them: items that correlate negatively with the (keyed) scale — a negative
   * loading on the first principal component — and are probably negatively worded but not reversed.
   */
  readonly warnings: string[];
  /** Feldt 95% CI [lower, upper] (psych alpha.ci). */
  readonly ciFeldt: readonly [number, number];
  /** alpha ± 1.96·ase (psych prints this; the constant is exactly 1.96). */
  readonly ciDuhachek: readonly [number, number];
  readonly items: readonly AlphaItem[];
}

const sumAll = (m: readonly number[][]): number =>
  m.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
const trace = (m: readonly number[][]): number =>
  m.reduce((s, row, i) => s + (row[i] as number), 0);

function meanOf(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  let m = s / xs.length;
  let t = 0;
  for (const x of xs) t += x - m;
  m += t / xs.length;
  return m;
}

function varOf(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = meanOf(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return s / (xs.length - 1);
}

/** R `median` (mean of the two middle values for an even count). */
function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

/**
 * Running sums of one pair of variables over the rows where both are present, shifted by a value of
 * each (the first answer), so a single pass is as accurate as centring on the pair means (R's
 * two-pass cov/cor with use = "pairwise"): Σ(u−s)(v−t) − Σ(u−s)Σ(v−t)/n is the centred cross-product.
 */
class PairSums {
  n = 0;
  su = 0;
  sv = 0;
  suu = 0;
  svv = 0;
  suv = 0;
  add(du: number, dv: number): void {
    this.n++;
    this.su += du;
    this.sv += dv;
    this.suu += du * du;
    this.svv += dv * dv;
    this.suv += du * dv;
  }
  /** Covariance with divisor n − 1 (NaN below 2 pairs). */
  cov(): number {
    return this.n < 2 ? NaN : (this.suv - (this.su * this.sv) / this.n) / (this.n - 1);
  }
  /** Pearson correlation. */
  cor(): number {
    const cuv = this.suv - (this.su * this.sv) / this.n;
    const cuu = this.suu - (this.su * this.su) / this.n;
    const cvv = this.svv - (this.sv * this.sv) / this.n;
    return cuv / Math.sqrt(cuu * cvv);
  }
}

/**
 * psych 2.2.9 `Pinv(X)`: the Moore–Penrose pseudo-inverse through the SVD, keeping singular values above
 * √ε times the largest. For a symmetric R the singular values are |eigenvalues|; when every eigenvalue
 * is kept (λmin ≥ 1/tr(R⁻¹) exceeds √ε·tr(R) ≥ √ε·λmax) it is the inverse, taken by Cholesky.
 */
function pseudoInverse(flat: readonly number[], k: number): ArrayLike<number> {
  const tol = Math.sqrt(Number.EPSILON);
  try {
    const inv = inverseSpd(flat, k, 'correlation matrix');
    let traceR = 0;
    let traceInv = 0;
    for (let i = 0; i < k; i++) {
      traceR += flat[i * k + i]!;
      traceInv += inv[i * k + i]!;
    }
    if (1 / traceInv > tol * traceR) return inv;
  } catch {
    // not positive definite: singular (a duplicated item, fewer rows than items) or indefinite
  }
  const { values, vectors } = symmetricEigen(flat, k);
  const dmax = Math.max(...Array.from(values, Math.abs));
  const p = new Float64Array(k * k);
  for (let e = 0; e < k; e++) {
    const d = values[e]!;
    if (!(Math.abs(d) > tol * dmax)) continue;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) p[i * k + j]! += (vectors[i * k + e]! * vectors[j * k + e]!) / d;
    }
  }
  return p;
}

/**
 * Squared multiple correlations 1 − 1/diag(R⁺), clipped to [0, 1] (psych 2.2.9 `smc()`, which inverts
 * with `Pinv`, so a singular R — a duplicated item, fewer rows than items — still gives G6).
 */
export function smc(r: readonly number[][]): number[] {
  const k = r.length;
  const inv = pseudoInverse(r.flat(), k);
  return r.map((_, i) => Math.min(1, Math.max(0, 1 - 1 / inv[i * k + i]!)));
}

/** psych 2.2.9 alpha.1(C, R) (inside alpha()), with nsub = nrow(x) for the ase. */
function alphaCore(c: readonly number[][], r: readonly number[][], nsub: number): AlphaCore {
  const k = c.length;
  const sumC = sumAll(c);
  const trC = trace(c);
  const sumR = sumAll(r);
  const alpha = (1 - trC / sumC) * (k / (k - 1));
  const stdAlpha = (1 - k / sumR) * (k / (k - 1));
  const s = smc(r);
  const g6 = 1 - (k - s.reduce((a, b) => a + b, 0)) / sumR;
  const averageR = (sumR - k) / (k * (k - 1));
  const signalToNoise = (k * averageR) / (1 - averageR);
  // C² = C %*% C: tr(C²) and sum(C²)
  let trC2 = 0;
  let sumC2 = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let v = 0;
      for (let m = 0; m < k; m++) v += (c[i]?.[m] as number) * (c[m]?.[j] as number);
      sumC2 += v;
      if (i === j) trC2 += v;
    }
  const q =
    ((2 * k * k) / ((k - 1) * (k - 1) * sumC ** 3)) * (sumC * (trC2 + trC * trC) - 2 * trC * sumC2);
  const lower: number[] = [];
  for (let i = 1; i < k; i++) for (let j = 0; j < i; j++) lower.push(r[i]?.[j] as number);
  return {
    alpha,
    stdAlpha,
    g6,
    averageR,
    signalToNoise,
    ase: Math.sqrt(q / nsub),
    medianR: medianOf(lower),
    varR: varOf(lower),
  };
}

/**
 * psych 2.2.9 `alpha()` checks the first principal component of the items (`principal(x)`, its loadings
 * signed so that they sum to ≥ 0) and warns about items with a negative loading: "Some items were
 * negatively correlated with the total scale and probably should be reversed". psych checks only when no
 * keys are given; this checks the keyed matrix, so it also names an item left unreversed beside reversed
 * ones (and one reversed by mistake).
 */
function negativeItemWarnings(items: readonly string[], r: readonly number[][]): string[] {
  const k = items.length;
  const { vectors } = symmetricEigen(r.flat(), k);
  const first = items.map((_, i) => vectors[i * k + k - 1]!); // largest eigenvalue last
  const sign = first.reduce((a, b) => a + b, 0) < 0 ? -1 : 1;
  const negative = items.filter((_, i) => sign * first[i]! < 0);
  if (negative.length === 0) return [];
  return [
    `Some items (${negative.join(', ')}) correlate negatively with the total scale and probably should be reversed (psych alpha() warns the same).`,
  ];
}

const without = (m: readonly number[][], i: number): number[][] =>
  m.filter((_, a) => a !== i).map((row) => row.filter((_, b) => b !== i));

/**
 * psych::alpha(data[, items], keys = reverse) for raw data with missing values (NaN).
 * @throws UnknownColumnError, InvalidArgumentError (fewer than 2 items, duplicate items, a reverse
 *   name that is not an item), TooFewRowsError (fewer than 2 rows, or a pair of items with fewer than
 *   2 joint answers), EmptyItemError (an item without answers), ConstantItemError (an item with zero
 *   variance)
 */
export function alpha(
  data: DataSet,
  items: readonly string[],
  options: AlphaOptions = {},
): AlphaResult {
  const k = items.length;
  if (k < 2) throw new InvalidArgumentError(`alpha needs at least 2 items, got ${k}.`);
  if (new Set(items).size !== k) throw new InvalidArgumentError('alpha: an item is listed twice.');
  const reverse = new Set(options.reverse ?? []);
  for (const name of reverse) {
    if (!items.includes(name)) {
      if (!data.columns.includes(name)) throw new UnknownColumnError(name, data.columns);
      throw new InvalidArgumentError(
        `Reverse-keyed item "${name}" is not one of the scale's items.`,
      );
    }
  }
  const cols = items.map((name) => {
    const j = data.columns.indexOf(name);
    if (j < 0) throw new UnknownColumnError(name, data.columns);
    return j;
  });
  const n = data.rows.length;
  if (n < 2) throw new TooFewRowsError('alpha', 2, n);
  const keys = items.map((name) => (reverse.has(name) ? -1 : 1));

  // One pass over the rows: the items as k contiguous columns (NaN = missing), the global min and
  // max, and the pairwise sums of every pair (i, j ≤ i) over the rows where both are answered.
  const x = new Float64Array(k * n);
  const shift = new Float64Array(k).fill(NaN); // first answer of each item
  const d = new Float64Array(k);
  const present = new Uint8Array(k);
  const pairs: PairSums[] = Array.from({ length: k * k }, () => new PairSums());
  let lo = Infinity;
  let hi = -Infinity;
  for (let row = 0; row < n; row++) {
    const values = data.rows[row]!;
    for (let i = 0; i < k; i++) {
      const v = values[cols[i]!] ?? NaN;
      x[i * n + row] = v;
      if (Number.isNaN(v)) {
        present[i] = 0;
        continue;
      }
      if (Number.isNaN(shift[i]!)) shift[i] = v;
      d[i] = v - shift[i]!;
      present[i] = 1;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    for (let i = 0; i < k; i++) {
      if (present[i] === 0) continue;
      const di = d[i]!;
      for (let j = 0; j <= i; j++) if (present[j] === 1) pairs[i * k + j]!.add(di, d[j]!);
    }
  }

  items.forEach((item, i) => {
    if (pairs[i * k + i]!.n === 0) throw new EmptyItemError(item);
  });
  // 1. pairwise covariance of the unreversed items, then keyed
  const c: number[][] = items.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const pair = pairs[i * k + j]!;
      const cov = pair.cov();
      if (i === j && !(cov > 0)) throw new ConstantItemError(items[i] as string);
      if (Number.isNaN(cov)) {
        throw new TooFewRowsError(`The covariance of "${items[i]}" and "${items[j]}"`, 2, pair.n);
      }
      const keyed = cov * (keys[i] as number) * (keys[j] as number);
      (c[i] as number[])[j] = keyed;
      (c[j] as number[])[i] = keyed;
    }
  }
  // 2. R = cov2cor(C)
  const sdC = c.map((row, i) => Math.sqrt(row[i] as number));
  const r = c.map((row, i) =>
    row.map((v, j) => (i === j ? 1 : v / ((sdC[i] as number) * (sdC[j] as number)))),
  );

  // 3. reversed raw data x' = (max + min) − x with the global min + max over all items: the total
  // score is the row mean of the answered x'; its correlation with each item (raw.r) is taken on the
  // unreversed item and its sign flipped for a reversed one (cor(t, a − x) = −cor(t, x)).
  const totalSums = new PairSums();
  const itemTotal: PairSums[] = items.map(() => new PairSums());
  let totalShift = NaN;
  for (let row = 0; row < n; row++) {
    let s = 0;
    let m = 0;
    for (let i = 0; i < k; i++) {
      const v = x[i * n + row]!;
      if (!Number.isNaN(v)) {
        s += keys[i] === -1 ? hi + lo - v : v;
        m++;
      }
    }
    if (m === 0) continue;
    const total = s / m;
    if (Number.isNaN(totalShift)) totalShift = total;
    const dt = total - totalShift;
    totalSums.add(dt, dt);
    for (let i = 0; i < k; i++) {
      const v = x[i * n + row]!;
      if (!Number.isNaN(v)) itemTotal[i]!.add(dt, v - shift[i]!);
    }
  }

  // 4. scale statistics and item statistics
  const core = alphaCore(c, r, n);
  const sumR = sumAll(r);
  const s = smc(r);
  const rc = r.map((row, i) => row.map((v, j) => (i === j ? (s[i] as number) : v)));
  const sumRC = sumAll(rc);
  const sumC = sumAll(c);
  const itemStats: AlphaItem[] = items.map((item, i) => {
    const own = pairs[i * k + i]!;
    const itemMean = shift[i]! + own.su / own.n;
    const colC = (c[i] as number[]).reduce((a, b) => a + b, 0);
    const cii = (c[i] as number[])[i] as number;
    // sum(C[−i,−i]) = sum(C) − 2·colSum_i + C_ii
    const restSum = sumC - 2 * colC + cii;
    const dropped = alphaCore(without(c, i), without(r, i), n);
    return {
      item,
      reversed: keys[i] === -1,
      n: own.n,
      rawR: (keys[i] as number) * itemTotal[i]!.cor(),
      stdR: (r[i] as number[]).reduce((a, b) => a + b, 0) / Math.sqrt(sumR),
      rCor: (rc[i] as number[]).reduce((a, b) => a + b, 0) / Math.sqrt(sumRC),
      rDrop: (colC - cii) / Math.sqrt(cii * restSum),
      mean: keys[i] === -1 ? hi + lo - itemMean : itemMean,
      sd: Math.sqrt(own.cov()),
      alphaIfDropped: dropped.alpha,
      dropped,
    };
  });

  // 5. Feldt (psych alpha.ci, n = nrow, df2 = (n − 1)(k − 1)) and Duhachek (α ± 1.96·ase)
  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  const ciFeldt: [number, number] = [
    1 - (1 - core.alpha) * qf(0.975, df1, df2),
    1 - (1 - core.alpha) * qf(0.025, df1, df2),
  ];
  return {
    ...core,
    n,
    k,
    warnings: negativeItemWarnings(items, r),
    mean: totalShift + totalSums.su / totalSums.n,
    sd: Math.sqrt(totalSums.cov()),
    ciFeldt,
    ciDuhachek: [core.alpha - 1.96 * core.ase, core.alpha + 1.96 * core.ase],
    items: itemStats,
  };
}
