/**
 * Measurement invariance with ordered indicators, in the order Wu & Estabrook (2016, Psychometrika
 * 81:1014–1045) recommend and with lavaan 0.6-14's identification for each step (see model.ts):
 * configural; thresholds equal (`group.equal = "thresholds"`); thresholds and loadings equal
 * (`group.equal = c("thresholds", "loadings")`). Each step is compared with the one before by
 * Satorra's (2000) scaled-and-shifted difference test, as lavTestLRT(..., method = "satorra.2000").
 */
import type { DataSet } from '../data/data-set';
import type { GroupingOptions } from '../cfa/moments';
import { parseModel, type CfaModel } from '../cfa/syntax';
import { scaledDifferenceTest, type ScaledDifferenceTest } from './difference-test';
import { OrdinalDataError } from './errors';
import {
  fitOrdinalCfaToStatistics,
  orderedVariables,
  type OrdinalCfaFitOptions,
  type OrdinalCfaResult,
} from './fit';
import { ordinalSampleStatistics, type OrdinalSampleStatistics } from './sample-statistics';

export type OrdinalInvarianceStep = 'configural' | 'thresholds' | 'thresholdsLoadings';

export interface OrdinalInvarianceTest extends ScaledDifferenceTest {
  readonly model: Exclude<OrdinalInvarianceStep, 'configural'>;
  readonly against: Exclude<OrdinalInvarianceStep, 'thresholdsLoadings'>;
  /** CFI.scaled(model) − CFI.scaled(against). */
  readonly deltaCfiScaled: number;
  /** RMSEA.scaled(model) − RMSEA.scaled(against). */
  readonly deltaRmseaScaled: number;
}

export interface OrdinalInvarianceResult {
  readonly configural: OrdinalCfaResult;
  readonly thresholds: OrdinalCfaResult;
  readonly thresholdsLoadings: OrdinalCfaResult;
  /** thresholds vs configural, thresholds + loadings vs thresholds. */
  readonly tests: OrdinalInvarianceTest[];
}

/** The three fits (group.equal is set by the step). */
export type OrdinalInvarianceOptions = Omit<OrdinalCfaFitOptions, 'groupEqual'>;

function test(
  model: OrdinalInvarianceTest['model'],
  against: OrdinalInvarianceTest['against'],
  m: OrdinalCfaResult,
  a: OrdinalCfaResult,
): OrdinalInvarianceTest {
  return {
    ...scaledDifferenceTest(a, m),
    model,
    against,
    deltaCfiScaled: m.cfiScaled - a.cfiScaled,
    deltaRmseaScaled: m.rmseaScaled - a.rmseaScaled,
  };
}

/** The three steps from sample statistics with at least two groups. */
export function ordinalInvarianceFromStatistics(
  stats: OrdinalSampleStatistics,
  model: string | CfaModel,
  options: OrdinalInvarianceOptions = {},
): OrdinalInvarianceResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  if (stats.groups.length < 2) {
    throw new OrdinalDataError(`invariance needs at least two groups, got ${stats.groups.length}`);
  }
  const configural = fitOrdinalCfaToStatistics(stats, parsed, options);
  const thresholds = fitOrdinalCfaToStatistics(stats, parsed, {
    ...options,
    groupEqual: ['thresholds'],
  });
  const thresholdsLoadings = fitOrdinalCfaToStatistics(stats, parsed, {
    ...options,
    groupEqual: ['thresholds', 'loadings'],
  });
  return {
    configural,
    thresholds,
    thresholdsLoadings,
    tests: [
      test('thresholds', 'configural', thresholds, configural),
      test('thresholdsLoadings', 'thresholds', thresholdsLoadings, thresholds),
    ],
  };
}

/**
 * Configural, threshold and threshold + loading invariance of `model` across the groups of the data
 * (listwise deletion; every indicator ordered unless `ordered` lists them).
 */
export function ordinalInvariance(
  data: DataSet,
  model: string | CfaModel,
  grouping: GroupingOptions,
  options: OrdinalInvarianceOptions & { readonly ordered?: 'all' | readonly string[] } = {},
): OrdinalInvarianceResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  const stats = ordinalSampleStatistics(data, orderedVariables(parsed, options.ordered), grouping);
  return ordinalInvarianceFromStatistics(stats, parsed, options);
}
