/**
 * The only file of the report that calls libs/psychometrics: it turns the library's results into the
 * small shapes the report builder needs. No formula lives here.
 */
import {
  alpha,
  funnel,
  hedgesG,
  invariance,
  meanConfidenceInterval,
  shapleyR2,
  welch,
  type DataSet,
  type FunnelResult,
  type FunnelUnit,
} from '@swhc/psychometrics';
import type { ConfidenceInterval } from '@swhc/contracts';
import {
  invarianceVerdict,
  oneFactorModel,
  type InvarianceVerdict,
} from './measurement-invariance';

export interface MeanEstimate {
  readonly n: number;
  readonly mean: number;
  readonly ci: ConfidenceInterval;
}

/** Mean with its t-based 95% interval (R `t.test(x)$conf.int`). */
export function estimateMean(values: readonly number[]): MeanEstimate {
  const r = meanConfidenceInterval(values, 0.95);
  return { n: r.n, mean: r.mean, ci: { lower: r.lower, upper: r.upper } };
}

export interface Difference {
  /** mean(a) − mean(b). */
  readonly difference: number;
  readonly ci: ConfidenceInterval;
  readonly p: number;
  /** Size and mean of b (the comparison group). */
  readonly n2: number;
  readonly mean2: number;
}

/** Welch two-sample t-test of a against b (R `t.test(a, b)`), 95% interval. */
export function compareMeans(a: readonly number[], b: readonly number[]): Difference {
  const r = welch(a, b);
  return {
    difference: r.difference,
    ci: { lower: r.ci95[0], upper: r.ci95[1] },
    p: r.p,
    n2: r.n2,
    mean2: r.mean2,
  };
}

/** Answers as 0/1: 1 for each of `favourable` out of `n` (the order does not matter to Welch). */
function indicators(favourable: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i < favourable ? 1 : 0));
}

/**
 * The difference of two shares in percentage points, a minus b, by Welch's test on the 0/1 answers
 * (R `t.test(x, y)` with x, y the 0/1 vectors): each share is given as a count out of n.
 */
export function compareShares(
  a: { readonly favourable: number; readonly n: number },
  b: { readonly favourable: number; readonly n: number },
): Difference {
  const d = compareMeans(indicators(a.favourable, a.n), indicators(b.favourable, b.n));
  return {
    difference: 100 * d.difference,
    ci: { lower: 100 * d.ci.lower, upper: 100 * d.ci.upper },
    p: d.p,
    n2: d.n2,
    mean2: 100 * d.mean2,
  };
}

/** Hedges' g of a against b (pooled SD, small-sample correction). */
export function standardisedDifference(a: readonly number[], b: readonly number[]): number {
  return hedgesG(a, b).g;
}

/** The part of the library's funnel unit the report uses. */
export type FunnelUnitResult = Pick<FunnelUnit, 'unit' | 'n' | 'mean' | 'outside95' | 'outside998'>;

/** The library's funnel as the report keeps it: target, σ, limits at any n, and its units. */
export interface FunnelComputation extends Pick<FunnelResult, 'target' | 'sigma' | 'limitsAt'> {
  readonly units: readonly FunnelUnitResult[];
}

/**
 * Spiegelhalter's normal funnel over individual values labelled by unit; units with fewer than
 * `minN` values are left out before the target and limits are computed.
 */
export function funnelOf(
  values: readonly number[],
  units: readonly string[],
  minN: number,
): FunnelComputation {
  const r = funnel(values, units, { minN });
  return {
    target: r.target,
    sigma: r.sigma,
    limitsAt: (n) => r.limitsAt(n),
    units: r.units.map((u) => ({
      unit: u.unit,
      n: u.n,
      mean: u.mean,
      outside95: u.outside95,
      outside998: u.outside998,
    })),
  };
}

export interface DriversComputation {
  readonly n: number;
  readonly r2: number;
  /** In the order of the predictors given. */
  readonly shares: readonly number[];
}

/** Shapley (LMG) decomposition of R² of the outcome on the predictors (listwise complete rows). */
export function driversOf(
  data: DataSet,
  outcome: string,
  predictors: readonly string[],
): DriversComputation {
  const r = shapleyR2(data, outcome, [...predictors]);
  return { n: r.n, r2: r.r2, shares: [...r.shapley] };
}

/** Cronbach's alpha of a scale's items (psych::alpha with reverse keys). */
export function reliabilityOf(
  data: DataSet,
  items: readonly string[],
  reversed: readonly string[],
): number {
  return alpha(data, [...items], { reverse: [...reversed] }).alpha;
}

/**
 * Configural, metric and scalar one-factor models of a scale across two groups (waves), judged by
 * the fit-index criteria in measurement-invariance.ts.
 */
export function scaleInvariance(
  data: DataSet,
  scaleKey: string,
  items: readonly string[],
  groups: readonly string[],
): InvarianceVerdict {
  const r = invariance(data, oneFactorModel(scaleKey, items), [...groups]);
  return invarianceVerdict({ configural: r.configural, metric: r.metric, scalar: r.scalar });
}
