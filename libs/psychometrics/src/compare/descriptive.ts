/**
 * Descriptive helpers with R 4.2.2's conventions (`mean`, `var`, `sd`, `cov`): missing values (NaN) are skipped (na.rm = TRUE),
 * variance and covariance divide by n − 1. Means use R's two-pass refinement (summary.c: the mean is
 * corrected by the mean residual), so they agree with R to the last digit or two.
 */
import { qt } from '../distributions/distributions';
import { checkConfidenceLevel } from '../scoring/argument-checks';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';

function present(values: readonly number[]): number[] {
  return values.filter((v) => !Number.isNaN(v));
}

function meanOf(xs: readonly number[]): number {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  let m = s / n;
  if (Number.isFinite(m)) {
    let t = 0;
    for (const x of xs) t += x - m;
    m += t / n;
  }
  return m;
}

/** Arithmetic mean of the non-missing values (R `mean(x, na.rm = TRUE)`). @throws TooFewRowsError */
export function mean(values: readonly number[]): number {
  const xs = present(values);
  if (xs.length < 1) throw new TooFewRowsError('A mean', 1, 0);
  return meanOf(xs);
}

/** Sample variance, divisor n − 1 (R `var(x, na.rm = TRUE)`). @throws TooFewRowsError */
export function variance(values: readonly number[]): number {
  const xs = present(values);
  if (xs.length < 2) throw new TooFewRowsError('A variance', 2, xs.length);
  const m = meanOf(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return s / (xs.length - 1);
}

/** Sample standard deviation, divisor n − 1 (R `sd(x, na.rm = TRUE)`). @throws TooFewRowsError */
export function sd(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

/**
 * Sample covariance over the pairs where both values are present, with the means taken on those pairs
 * and divisor n_pairs − 1 (R `cov(x, y, use = "pairwise")`).
 * @throws InvalidArgumentError when the lengths differ; TooFewRowsError below 2 complete pairs
 */
export function covariance(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) {
    throw new InvalidArgumentError(`covariance: x has ${x.length} values but y has ${y.length}.`);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    a.push(xi);
    b.push(yi);
  }
  if (a.length < 2) throw new TooFewRowsError('A covariance', 2, a.length);
  const ma = meanOf(a);
  const mb = meanOf(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - ma) * ((b[i] as number) - mb);
  return s / (a.length - 1);
}

export interface MeanInterval {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  /** sd/√n */
  readonly se: number;
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * t-based confidence interval for a mean: mean ± qt((1 + level)/2, n − 1)·sd/√n (as R's
 * `t.test(x, conf.level = level)$conf.int`). @throws TooFewRowsError below 2 values
 */
export function meanConfidenceInterval(values: readonly number[], level = 0.95): MeanInterval {
  checkConfidenceLevel(level);
  const xs = present(values);
  if (xs.length < 2) throw new TooFewRowsError('A confidence interval for a mean', 2, xs.length);
  const n = xs.length;
  const m = meanOf(xs);
  const s = sd(xs);
  const se = s / Math.sqrt(n);
  const h = qt((1 + level) / 2, n - 1) * se;
  return { n, mean: m, sd: s, se, level, lower: m - h, upper: m + h };
}
