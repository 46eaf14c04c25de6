/**
 * A mean with its confidence interval, unweighted or weighted, as survey 4.1-1 computes it for
 * svydesign(ids = ~1, weights = ~w): svymean's estimate Σwy/Σw, its Taylor-linearised standard error
 * with the weights taken as fixed, SE² = n/(n − 1)·Σ w²(y − ȳ)² / (Σw)² (Woodruff 1971; survey's
 * svyrecvar for one stage with replacement), and confint(..., df = degf(design)) = ȳ ± qt((1 + level)/2,
 * n − 1)·SE. With equal weights this is t.test(y)$conf.int. Raked weights are treated as fixed, so the
 * variance reduction of calibration is not credited (conservative). Also Kish's design effect and
 * effective n (fixtures/r/weighted-mean-interval.R).
 */
import { qt } from '../distributions/distributions';
import { checkConfidenceLevel, checkOneWeightPerValue } from '../scoring/argument-checks';
import { TooFewRowsError } from '../scoring/errors';
import { kishDeff, weightedMean } from './rake';
import type { WeightedInterval } from './weighted-interval';

export interface WeightedMeanInterval extends WeightedInterval {
  readonly mean: number;
  readonly se: number;
}

/**
 * values: NaN = missing (the row is left out, as svymean(na.rm = TRUE) on the rows with a value);
 * weights: one per value, or none for the unweighted mean.
 * @throws InvalidArgumentError (length mismatch, bad weights or level), TooFewRowsError (< 2 values)
 */
export function weightedMeanInterval(
  values: readonly number[],
  weights?: readonly number[],
  level = 0.95,
): WeightedMeanInterval {
  checkConfidenceLevel(level);
  if (weights) checkOneWeightPerValue(weights, values);
  const y: number[] = [];
  const w: number[] = [];
  values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    y.push(v);
    w.push(weights ? (weights[i] as number) : 1);
  });
  const n = y.length;
  if (n < 2) throw new TooFewRowsError('A confidence interval for a mean', 2, n);
  const designEffect = weights ? kishDeff(w) : 1;
  const mean = weightedMean(y, w);
  let sw = 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    const r = wi * ((y[i] as number) - mean);
    sw += wi;
    ss += r * r;
  }
  const se = Math.sqrt((n / (n - 1)) * ss) / sw;
  const half = qt((1 + level) / 2, n - 1) * se;
  return {
    n,
    mean,
    se,
    level,
    lower: mean - half,
    upper: mean + half,
    designEffect,
    effectiveN: n / designEffect,
  };
}
