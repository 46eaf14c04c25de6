/**
 * The statistics of the validation report, from response tables: the only file of the report that
 * calls libs/psychometrics. Pure; the service loads the tables and caches the result.
 */
import type {
  CfaSummary,
  FactorStructure,
  FitSummary,
  InvarianceComparison,
  InvarianceStepSummary,
  ItemStatistics,
  OrdinalCfaSummary,
  ScaleComparability,
  ScaleReliabilityStatistics,
  ServiceKind,
} from '@swhc/contracts';
import type { InstrumentDefinition } from '@swhc/instruments';
import {
  alpha,
  fitCfa,
  fitOrdinalCfa,
  invariance,
  mean,
  omegaTotal,
  PsychometricsError,
  sd,
  type CfaResult,
  type DataSet,
} from '@swhc/psychometrics';
import { signedThreePlaces } from '@swhc/report-view';
import type { ResponseTable } from '../../reports/data/response-table';
import {
  invarianceVerdict,
  MAX_CFI_DROP,
  MAX_RMSEA_RISE,
  type InvarianceVerdict,
} from '../../reports/statistics/measurement-invariance';
import { scaleInvariance } from '../../reports/statistics/report-statistics';
import { scaleItemsDataSet } from '../../reports/data/data-sets';

/** At most this many intercepts are released in search of partial invariance (a third of 24). */
const MAX_RELEASED = 8;

/** Every scale item, reverse-keyed items turned round, over several tables (rows in order). */
export function instrumentItemsDataSet(
  instrument: InstrumentDefinition,
  tables: readonly ResponseTable[],
): DataSet {
  const { min, max } = instrument.responseScale;
  const columns = instrument.scales.flatMap((s) => s.items);
  const reversed = new Set(instrument.scales.flatMap((s) => s.reversed));
  const rows: number[][] = [];
  for (const table of tables) {
    for (let r = 0; r < table.size; r++) {
      rows.push(
        columns.map((item) => {
          const v = table.items[item]?.[r] ?? Number.NaN;
          return reversed.has(item) ? min + max - v : v;
        }),
      );
    }
  }
  return { columns, rows };
}

/** lavaan syntax of the instrument's factor model: one factor per scale. */
export function factorModel(instrument: InstrumentDefinition): string {
  return instrument.scales.map((s) => `${s.key} =~ ${s.items.join(' + ')}`).join('\n');
}

function present(column: Float64Array | undefined, size: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < size; r++) {
    const v = column?.[r] ?? Number.NaN;
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

/** Item statistics and each scale's alpha (Feldt CI) and omega, over the rows of the tables. */
export function reliabilityOf(
  instrument: InstrumentDefinition,
  tables: readonly ResponseTable[],
): { items: ItemStatistics[]; scales: ScaleReliabilityStatistics[] } {
  const size = tables.reduce((s, t) => s + t.size, 0);
  const { min, max } = instrument.responseScale;
  const items: ItemStatistics[] = [];
  const scales: ScaleReliabilityStatistics[] = [];
  for (const scale of instrument.scales) {
    const raw: DataSet = {
      columns: scale.items,
      rows: tables.flatMap((t) =>
        Array.from({ length: t.size }, (_, r) =>
          scale.items.map((i) => t.items[i]?.[r] ?? Number.NaN),
        ),
      ),
    };
    let a: ReturnType<typeof alpha> | null = null;
    const warnings: string[] = [];
    try {
      a = alpha(raw, scale.items, { reverse: scale.reversed });
      warnings.push(...a.warnings);
    } catch (error) {
      if (!(error instanceof PsychometricsError)) throw error;
      warnings.push(`Alpha could not be computed: ${error.message}`);
    }
    let omega: number | null = null;
    try {
      const o = omegaTotal(raw, scale.items, { reverse: scale.reversed });
      omega = o.omegaTotal;
      warnings.push(...o.warnings);
    } catch (error) {
      if (!(error instanceof PsychometricsError)) throw error;
      warnings.push(`Omega could not be computed: ${error.message}`);
    }
    for (const item of scale.items) {
      const values = tables.flatMap((t) => present(t.items[item], t.size));
      const r = a?.items.find((x) => x.item === item);
      items.push({
        item,
        text: instrument.questions.find((q) => q.name === item)?.text ?? item,
        scale: scale.key,
        reversed: scale.reversed.includes(item),
        n: values.length,
        mean: values.length > 0 ? mean(values) : Number.NaN,
        sd: values.length > 1 ? sd(values) : Number.NaN,
        missingPercent: percent(size - values.length, size),
        floorPercent: percent(values.filter((v) => v === min).length, values.length),
        ceilingPercent: percent(values.filter((v) => v === max).length, values.length),
        correctedItemTotal: r?.rDrop ?? Number.NaN,
      });
    }
    scales.push({
      scale: scale.key,
      title: scale.title,
      n: a?.n ?? size,
      alpha: a?.alpha ?? Number.NaN,
      alphaCi: a ? [a.ciFeldt[0], a.ciFeldt[1]] : [Number.NaN, Number.NaN],
      omega,
      warnings,
    });
  }
  return { items, scales };
}

/** Standardised loadings and factor correlations (lavaan std.all) of either estimator's estimates. */
function standardisedStructure(
  instrument: InstrumentDefinition,
  estimates: readonly { op: string; lhs: string; rhs: string; stdAll: number }[],
): FactorStructure {
  const scales = new Set(instrument.scales.map((s) => s.key));
  return {
    loadings: estimates
      .filter((e) => e.op === '=~')
      .map((e) => ({ scale: e.lhs, item: e.rhs, std: e.stdAll })),
    factorCorrelations: estimates
      .filter((e) => e.op === '~~' && e.lhs !== e.rhs && scales.has(e.lhs) && scales.has(e.rhs))
      .map((e) => ({ a: e.lhs, b: e.rhs, r: e.stdAll })),
  };
}

export function fitSummary(r: CfaResult): FitSummary {
  return {
    n: r.n,
    chisq: r.chisq,
    df: r.df,
    pvalue: r.pvalue,
    cfi: r.cfi,
    tli: r.tli,
    rmsea: r.rmsea,
    rmseaCiLower: r.rmseaCiLower,
    rmseaCiUpper: r.rmseaCiUpper,
    srmr: r.srmr,
    converged: r.converged,
  };
}

/** The four-factor CFA (ML): fit, standardised loadings, factor correlations, warnings. */
export function factorAnalysisOf(
  instrument: InstrumentDefinition,
  tables: readonly ResponseTable[],
): CfaSummary {
  try {
    // MLR: the ML estimates and fit, plus the scaled test and robust indices beside them.
    const r = fitCfa(instrumentItemsDataSet(instrument, tables), factorModel(instrument), {
      estimator: 'MLR',
    });
    return {
      available: true,
      estimator: 'ML',
      ...fitSummary(r),
      robust:
        r.scaled && r.robust
          ? {
              chisqScaled: r.scaled.chisq,
              df: r.scaled.df,
              pvalue: r.scaled.pvalue,
              scalingFactor: r.scaled.scalingFactor,
              cfi: r.robust.cfi,
              tli: r.robust.tli,
              rmsea: r.robust.rmsea,
              rmseaCiLower: r.robust.rmseaCiLower,
              rmseaCiUpper: r.robust.rmseaCiUpper,
            }
          : null,
      ...standardisedStructure(instrument, r.estimates),
      warnings: [...r.warnings, ...(r.converged ? [] : ['The model did not converge.'])],
    };
  } catch (error) {
    if (!(error instanceof PsychometricsError)) throw error;
    return { available: false, reason: error.message };
  }
}

/** lavaan's NA (NaN here) as JSON's null, said so in the type rather than left to JSON.stringify. */
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * The four-factor CFA with the items as ordered categories (WLSMV, delta parameterisation): the
 * primary analysis for Likert answers, which are not continuous. One fit of the pooled polychorics
 * per group, so cheap beside the ML one. A fit that cannot be made (e.g. a category empty among the
 * complete rows) is reported as unavailable with lavaan's reason; the ML fit stays beside it.
 */
export function ordinalFactorAnalysisOf(
  instrument: InstrumentDefinition,
  tables: readonly ResponseTable[],
): OrdinalCfaSummary {
  try {
    const r = fitOrdinalCfa(instrumentItemsDataSet(instrument, tables), factorModel(instrument));
    return {
      available: true,
      estimator: 'WLSMV',
      parameterization: 'delta',
      n: r.n,
      chisq: r.chisq,
      df: r.df,
      pvalue: r.pvalue,
      chisqScaled: r.chisqScaled,
      dfScaled: r.dfScaled,
      pvalueScaled: r.pvalueScaled,
      chisqScalingFactor: r.chisqScalingFactor,
      chisqShiftParameter: r.chisqShiftParameter,
      cfiScaled: r.cfiScaled,
      tliScaled: r.tliScaled,
      rmseaScaled: r.rmseaScaled,
      rmseaCiLowerScaled: r.rmseaCiLowerScaled,
      rmseaCiUpperScaled: r.rmseaCiUpperScaled,
      cfiRobust: orNull(r.cfiRobust),
      tliRobust: orNull(r.tliRobust),
      rmseaRobust: orNull(r.rmseaRobust),
      rmseaCiLowerRobust: orNull(r.rmseaCiLowerRobust),
      rmseaCiUpperRobust: orNull(r.rmseaCiUpperRobust),
      srmr: r.srmr,
      converged: r.converged,
      ...standardisedStructure(instrument, r.estimates),
      warnings: [...r.warnings, ...(r.converged ? [] : ['The model did not converge.'])],
    };
  } catch (error) {
    if (!(error instanceof PsychometricsError)) throw error;
    return { available: false, reason: error.message };
  }
}

function stepsOf(verdict: InvarianceVerdict): InvarianceStepSummary[] {
  return verdict.steps.map((s) => ({ ...s }));
}

function scaleVerdictWords(
  title: string,
  verdict: InvarianceVerdict,
  groups: readonly [string, string],
): string {
  const steps = verdict.steps
    .map(
      (s) =>
        `${s.to}: ΔCFI ${signedThreePlaces(s.deltaCfi)}, ΔRMSEA ${signedThreePlaces(s.deltaRmsea)}`,
    )
    .join('; ');
  return verdict.holds
    ? `${title} measured the same thing in ${groups[0]} and ${groups[1]}: scores can be compared (${steps}).`
    : `${title} cannot be compared between ${groups[0]} and ${groups[1]}: ${verdict.why}${steps ? ` (${steps})` : ''}.`;
}

/** Per scale: the one-factor configural/metric/scalar verdict (the one the LA report uses). */
export function scaleComparabilities(
  instrument: InstrumentDefinition,
  before: readonly ResponseTable[],
  after: readonly ResponseTable[],
  groups: readonly [string, string],
): ScaleComparability[] {
  const sizes = [before, after].map((ts) => ts.reduce((s, t) => s + t.size, 0));
  const labels = [
    ...new Array<string>(sizes[0] ?? 0).fill('first'),
    ...new Array<string>(sizes[1] ?? 0).fill('second'),
  ];
  return instrument.scales.map((scale) => {
    let verdict: InvarianceVerdict;
    try {
      verdict = scaleInvariance(
        scaleItemsDataSet(instrument, scale.key, [...before, ...after]),
        scale.key,
        scale.items,
        labels,
      );
    } catch (error) {
      if (!(error instanceof PsychometricsError)) throw error;
      verdict = {
        holds: false,
        steps: [],
        why: `the models could not be fitted (${error.message})`,
      };
    }
    return {
      scale: scale.key,
      title: scale.title,
      holds: verdict.holds,
      steps: stepsOf(verdict),
      verdict: scaleVerdictWords(scale.title, verdict, groups),
    };
  });
}

/**
 * The four-factor model across two groups: configural, metric, scalar and, where scalar fails,
 * partial invariance found by releasing the intercept with the largest score test one at a time.
 */
export function invarianceComparison(
  instrument: InstrumentDefinition,
  kind: 'waves' | 'services',
  groups: readonly [string, string],
  before: readonly ResponseTable[],
  after: readonly ResponseTable[],
  ids: { service: ServiceKind | null; fromWaveId: string | null; toWaveId: string | null },
): InvarianceComparison {
  const n: [number, number] = [
    before.reduce((s, t) => s + t.size, 0),
    after.reduce((s, t) => s + t.size, 0),
  ];
  const scales = scaleComparabilities(instrument, before, after, groups);
  const data = instrumentItemsDataSet(instrument, [...before, ...after]);
  const labels = [
    ...new Array<string>(n[0]).fill(groups[0]),
    ...new Array<string>(n[1]).fill(groups[1]),
  ];
  const model = factorModel(instrument);
  let fits: InvarianceComparison['fits'] = null;
  let steps: InvarianceStepSummary[] = [];
  let holds = false;
  let partial: InvarianceComparison['partial'] = null;
  let modelWords: string;
  try {
    const r = invariance(data, model, labels);
    fits = {
      configural: fitSummary(r.configural),
      metric: fitSummary(r.metric),
      scalar: fitSummary(r.scalar),
    };
    const verdict = invarianceVerdict({
      configural: r.configural,
      metric: r.metric,
      scalar: r.scalar,
    });
    steps = stepsOf(verdict);
    holds = verdict.holds;
    const metricHolds = steps[0]?.holds ?? false;
    if (!holds && metricHolds) partial = partialIntercepts(data, model, labels, r.metric);
    modelWords = holds
      ? 'The four-factor model holds with equal loadings and intercepts (scalar invariance).'
      : !metricHolds
        ? 'The loadings differ (metric invariance fails), so scores do not mean the same in both.'
        : partial?.holds
          ? `Scalar invariance fails; it holds partially once the intercepts of ${partial.releasedIntercepts
              .map((x) => x.item)
              .join(
                ', ',
              )} are freed (latent means may be compared, the observed scores of their scales may not).`
          : 'Scalar invariance fails, even with several intercepts freed.';
  } catch (error) {
    if (!(error instanceof PsychometricsError)) throw error;
    modelWords = `The four-factor model could not be fitted (${error.message}).`;
  }
  const comparable = scales.filter((s) => s.holds).map((s) => s.title);
  const notComparable = scales.filter((s) => !s.holds).map((s) => s.title);
  const verdict =
    `${modelWords} ` +
    (notComparable.length === 0
      ? `Every scale may be compared between ${groups[0]} and ${groups[1]}.`
      : comparable.length === 0
        ? `No scale may be compared between ${groups[0]} and ${groups[1]}.`
        : `May be compared: ${comparable.join(', ')}. Not comparable: ${notComparable.join(', ')}.`);
  return { kind, groups, ...ids, n, fits, steps, holds, partial, scales, verdict };
}

function partialIntercepts(
  data: DataSet,
  model: string,
  labels: readonly string[],
  metric: CfaResult,
): NonNullable<InvarianceComparison['partial']> {
  const released: { item: string; x2: number; pvalue: number }[] = [];
  for (let i = 0; i < MAX_RELEASED; i++) {
    const scalar = fitCfa(data, model, {
      groups: labels,
      groupEqual: ['loadings', 'intercepts'],
      groupPartial: released.map((r) => `${r.item}~1`),
      scoreTests: true,
    });
    const deltaCfi = scalar.cfi - metric.cfi;
    const deltaRmsea = scalar.rmsea - metric.rmsea;
    if (deltaCfi >= -MAX_CFI_DROP && deltaRmsea <= MAX_RMSEA_RISE)
      return { releasedIntercepts: released, holds: true };
    const next = (scalar.scoreTests?.univariate ?? [])
      .filter((t) => t.left.op === '~1' && !released.some((r) => r.item === t.left.lhs))
      .sort((a, b) => b.x2 - a.x2)[0];
    if (!next) break;
    released.push({ item: next.left.lhs, x2: next.x2, pvalue: next.pvalue });
  }
  return { releasedIntercepts: released, holds: false };
}
