/**
 * Measurement invariance across groups (Meredith 1993, Psychometrika 58:525; lavaan 0.6-14): configural (same pattern, nothing
 * equal), metric (`group.equal = "loadings"`) and scalar (`group.equal = c("loadings", "intercepts")`,
 * latent means free in groups 2..G), compared by likelihood-ratio tests as `lavTestLRT()` does:
 * Δχ² = χ²(restricted) − χ²(less restricted), Δdf likewise, p = pchisq(Δχ², Δdf, lower.tail = FALSE).
 */
import type { DataSet } from '../data/data-set';
import { pchisq } from '../distributions';
import { CfaDataError } from './errors';
import { fitCfaToMoments, type CfaFitOptions, type CfaResult } from './fit';
import { sampleMoments, type SampleMoments, type SampleMomentsInput } from './moments';
import { parseModel, type CfaModel } from './syntax';

export interface InvarianceTest {
  readonly model: 'metric' | 'scalar';
  readonly against: 'configural' | 'metric';
  readonly deltaChisq: number;
  readonly deltaDf: number;
  /** pchisq(Δχ², Δdf, lower.tail = FALSE), as lavTestLRT. */
  readonly p: number;
  /** CFI(model) − CFI(against): negative when the constrained model fits worse. */
  readonly deltaCfi: number;
  /** RMSEA(model) − RMSEA(against). */
  readonly deltaRmsea: number;
}

export interface InvarianceResult {
  readonly configural: CfaResult;
  readonly metric: CfaResult;
  readonly scalar: CfaResult;
  readonly tests: InvarianceTest[];
}

/** Options for the three fits (group.equal is set by the step; mean structure is always on). */
export type InvarianceOptions = Omit<CfaFitOptions, 'groupEqual' | 'meanStructure'>;

function lrt(
  model: 'metric' | 'scalar',
  against: 'configural' | 'metric',
  m: CfaResult,
  a: CfaResult,
): InvarianceTest {
  const deltaChisq = m.chisq - a.chisq;
  const deltaDf = m.df - a.df;
  return {
    model,
    against,
    deltaChisq,
    deltaDf,
    p: deltaDf > 0 ? pchisq(Math.max(deltaChisq, 0), deltaDf, 0, false) : Number.NaN,
    deltaCfi: m.cfi - a.cfi,
    deltaRmsea: m.rmsea - a.rmsea,
  };
}

/** Configural, metric and scalar fits from per-group moments (needs means and at least two groups). */
export function invarianceFromMoments(
  moments: SampleMoments | SampleMomentsInput,
  model: string | CfaModel,
  options: InvarianceOptions = {},
): InvarianceResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  if (moments.nPerGroup.length < 2) {
    throw new CfaDataError(`invariance needs at least two groups, got ${moments.nPerGroup.length}`);
  }
  const configural = fitCfaToMoments(moments, parsed, { ...options, meanStructure: true });
  const metric = fitCfaToMoments(moments, parsed, {
    ...options,
    meanStructure: true,
    groupEqual: ['loadings'],
  });
  const scalar = fitCfaToMoments(moments, parsed, {
    ...options,
    meanStructure: true,
    groupEqual: ['loadings', 'intercepts'],
  });
  return {
    configural,
    metric,
    scalar,
    tests: [
      lrt('metric', 'configural', metric, configural),
      lrt('scalar', 'metric', scalar, metric),
    ],
  };
}

/**
 * Configural, metric and scalar invariance of `model` across the groups given by one label per row
 * (listwise deletion on the model variables and the label; groups in order of first appearance).
 */
export function invariance(
  data: DataSet,
  model: string | CfaModel,
  groups: readonly (string | null | undefined)[],
  options: InvarianceOptions = {},
): InvarianceResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  const moments = sampleMoments(data, parsed.observed, { groups });
  return invarianceFromMoments(moments, parsed, options);
}
