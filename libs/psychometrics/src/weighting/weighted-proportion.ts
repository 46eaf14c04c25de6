/**
 * A proportion with its confidence interval, unweighted or weighted: the Wilson score interval
 * (Wilson 1927), with n replaced by Kish's effective sample size n / deff when there are weights
 * (Kish 1965; the "effective sample size" Wilson interval of Korn & Graubard 1998). Unweighted it is
 * R's prop.test(x, n, correct = FALSE)$conf.int; weighted it is that formula on survey::rake weights,
 * svymean's estimate and n / deff (fixtures/r/weighted-proportion.R).
 */
import { qnorm } from '../distributions';
import { checkConfidenceLevel } from '../scoring/argument-checks';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';
import { kishDeff, weightedMean } from './rake';
import type { WeightedInterval } from './weighted-interval';

export interface ProportionInterval extends WeightedInterval {
  /** The (weighted) share of 1s, 0–1. */
  readonly estimate: number;
}

/** outcomes: 1 (has the attribute) or 0 per respondent; weights: one per respondent, or none. */
export function proportionInterval(
  outcomes: readonly number[],
  weights?: readonly number[],
  level = 0.95,
): ProportionInterval {
  checkConfidenceLevel(level);
  const n = outcomes.length;
  if (n === 0) throw new TooFewRowsError('A proportion', 1, 0);
  outcomes.forEach((y, i) => {
    if (y !== 0 && y !== 1)
      throw new InvalidArgumentError(`Outcome ${i + 1} must be 0 or 1, got ${y}.`);
  });
  const w = weights ?? outcomes.map(() => 1);
  const estimate = weightedMean(outcomes, w);
  const designEffect = weights ? kishDeff(weights) : 1;
  const m = n / designEffect;
  const z = qnorm((1 + level) / 2);
  const z2 = z * z;
  const centre = (estimate + z2 / (2 * m)) / (1 + z2 / m);
  const half = (z / (1 + z2 / m)) * Math.sqrt((estimate * (1 - estimate)) / m + z2 / (4 * m * m));
  return {
    estimate,
    lower: centre - half,
    upper: centre + half,
    level,
    n,
    designEffect,
    effectiveN: m,
  };
}
