/**
 * Categorical CFA by WLSMV as lavaan 0.6-14 fits it with `cfa(model, data, ordered = …, estimator =
 * "WLSMV")`: DWLS estimates on thresholds and polychorics, robust (sandwich) standard errors, the
 * scaled-and-shifted test, fitMeasures() (standard, scaled and robust CFI/TLI/RMSEA, SRMR) and the
 * standardised solution; several groups with configural or threshold/loading invariance.
 */
import type { DataSet } from '../data/data-set';
import type { GroupingOptions } from '../cfa/moments';
import type { GroupStats } from '../cfa/ml';
import { cfiOf, tliOf } from '../cfa/fit-measures';
import { optimizeChecked } from '../cfa/optimize';
import { postCheckWarnings } from '../cfa/post-check';
import { simpleStartValues, startValues } from '../cfa/start';
import { groupPartialKey, type CfaEstimate, type CfaFitOptions } from '../cfa/fit';
import { parseModel, type CfaModel } from '../cfa/syntax';
import { NotIdentifiedError } from '../cfa/errors';
import { pchisq, pnorm } from '../distributions';
import { DwlsProblem } from './dwls';
import { OrdinalDataError, OrdinalModelError } from './errors';
import { baselineModel, catmlRobust, rmseaSet, srmrCorrelation } from './fit-measures';
import {
  compileOrdinalModel,
  ORDINAL_GROUP_EQUAL_VALUES,
  type OrdinalGroupEqual,
  type OrdinalModel,
  type OrdinalOp,
  type Parameterization,
} from './model';
import { dwlsRobust, scaledShifted } from './robust';
import { ordinalSampleStatistics, type OrdinalSampleStatistics } from './sample-statistics';
import { standardizedSolution } from './standardized';

/**
 * Options shared by {@link fitOrdinalCfa} and {@link fitOrdinalCfaToStatistics}: those of the continuous
 * CFA that apply (std.lv; group.partial, which here also takes thresholds "x3|t1"; iteration cap), plus
 * the ordered-indicator classes of group.equal and the parameterisation.
 */
export interface OrdinalCfaFitOptions extends Pick<
  CfaFitOptions,
  'groupPartial' | 'stdLv' | 'maxIterations' | 'throwOnNonConvergence'
> {
  /** lavaan `group.equal` for ordered indicators: thresholds, loadings, lv.variances, lv.covariances. */
  readonly groupEqual?: readonly OrdinalGroupEqual[];
  /** lavaan `parameterization` (default "delta"). */
  readonly parameterization?: Parameterization;
}

/** {@link fitOrdinalCfa}'s options. */
export interface OrdinalCfaOptions extends OrdinalCfaFitOptions, GroupingOptions {
  /**
   * lavaan `ordered`: 'all' (default) or the names of the ordered variables. Every observed variable of the
   * model must be ordered (mixing continuous and ordered indicators is not supported).
   */
  readonly ordered?: 'all' | readonly string[];
}

/**
 * One row of parameterEstimates() with the standardised solution: the continuous CFA's row with the
 * ordinal operators (`|` thresholds with rhs `t1`, `t2`, …; `~*~` scaling factors) and robust SEs (the
 * sandwich; 0 for fixed rows and for the residual variances the delta parameterisation derives).
 */
export interface OrdinalCfaEstimate extends Omit<CfaEstimate, 'op'> {
  readonly op: OrdinalOp;
}

/** A WLSMV fit. lavaan's NA is NaN. Names follow fitMeasures() (`.` → camelCase). */
export interface OrdinalCfaResult {
  readonly estimator: 'WLSMV';
  readonly parameterization: Parameterization;
  /** Complete rows used. */
  readonly n: number;
  readonly groups: string[];
  readonly nPerGroup: number[];
  readonly npar: number;
  readonly fmin: number;
  readonly chisq: number;
  readonly df: number;
  readonly pvalue: number;
  readonly chisqGroup: number[];
  readonly chisqScaled: number;
  readonly dfScaled: number;
  readonly pvalueScaled: number;
  readonly chisqScalingFactor: number;
  readonly chisqShiftParameter: number;
  readonly baselineChisq: number;
  readonly baselineDf: number;
  readonly baselinePvalue: number;
  readonly baselineChisqScaled: number;
  readonly baselineDfScaled: number;
  readonly baselinePvalueScaled: number;
  readonly baselineChisqScalingFactor: number;
  readonly cfi: number;
  readonly tli: number;
  readonly cfiScaled: number;
  readonly tliScaled: number;
  /** Savalei's robust CFI/TLI/RMSEA; NaN where lavaan 0.6-14 reports NA (thresholds held equal). */
  readonly cfiRobust: number;
  readonly tliRobust: number;
  readonly rmsea: number;
  readonly rmseaCiLower: number;
  readonly rmseaCiUpper: number;
  readonly rmseaPvalue: number;
  readonly rmseaNotClosePvalue: number;
  readonly rmseaScaled: number;
  readonly rmseaCiLowerScaled: number;
  readonly rmseaCiUpperScaled: number;
  readonly rmseaPvalueScaled: number;
  readonly rmseaNotClosePvalueScaled: number;
  readonly rmseaRobust: number;
  readonly rmseaCiLowerRobust: number;
  readonly rmseaCiUpperRobust: number;
  readonly rmseaPvalueRobust: number;
  readonly rmseaNotClosePvalueRobust: number;
  /** The RMSEA CIs as lavaan prints them (R's uniroot tolerance); the fields above are the exact roots. */
  readonly rmseaCiLavaan: {
    readonly lower: number;
    readonly upper: number;
    readonly lowerScaled: number;
    readonly upperScaled: number;
    readonly lowerRobust: number;
    readonly upperRobust: number;
  };
  readonly srmr: number;
  readonly srmrGroup: number[];
  readonly converged: boolean;
  readonly iterations: number;
  readonly maxAbsGradient: number;
  readonly estimates: OrdinalCfaEstimate[];
  /** The thresholds, polychorics and Γ the fit used. */
  readonly sampleStatistics: OrdinalSampleStatistics;
  readonly warnings: string[];
}

/** What the scaled difference test needs from a fit, kept out of the (serialisable) result. */
export interface OrdinalFitInternals {
  readonly model: OrdinalModel;
  /** Jacobians Δ_g at the estimates (statsPerGroup × q). */
  readonly jacobians: readonly Float64Array[];
  /** E = Σ_g f_g Δ'WΔ and B = Σ_g f_g Δ'WΓWΔ (q×q). */
  readonly information: Float64Array;
  readonly meat: Float64Array;
}

const internals = new WeakMap<OrdinalCfaResult, OrdinalFitInternals>();

/** The matrices behind a fit (for difference tests); undefined for objects not made by this module. */
export function ordinalFitInternals(fit: OrdinalCfaResult): OrdinalFitInternals | undefined {
  return internals.get(fit);
}

function checkGroupEqual(values: readonly string[]): void {
  for (const ge of values) {
    if (!(ORDINAL_GROUP_EQUAL_VALUES as readonly string[]).includes(ge)) {
      throw new OrdinalModelError(
        `unknown groupEqual value '${ge}' for ordered indicators (expected one of ${ORDINAL_GROUP_EQUAL_VALUES.join(', ')})`,
      );
    }
  }
}

/** Starting values: lavaan-style ones of the continuous table on the polychoric matrix, thresholds at theirs. */
function ordinalStarts(model: OrdinalModel, stats: OrdinalSampleStatistics): Float64Array[] {
  const cm = model.continuous;
  const gs: GroupStats[] = stats.groups.map((g) => ({
    n: g.n,
    w: 1,
    S: g.correlation,
    mean: new Float64Array(model.p),
    logDetS: 0,
  }));
  return [startValues(cm, gs), simpleStartValues(cm, gs)].map((base) => {
    const sums = new Float64Array(model.nFree);
    const counts = new Float64Array(model.nFree);
    for (const r of model.rows) {
      if (r.free < 0) continue;
      let v = 0;
      if (r.mat === 'tau') v = stats.groups[r.group - 1]!.thresholds[r.row]!;
      else if (r.mat === 'delta' || (r.mat === 'theta' && r.row === r.col)) v = 1;
      else if (r.baseRow >= 0 && cm.rows[r.baseRow]!.free >= 0) v = base[cm.rows[r.baseRow]!.free]!;
      sums[r.free]! += v;
      counts[r.free]! += 1;
    }
    return sums.map((s, k) => s / counts[k]!);
  });
}

/**
 * Fits a CFA with ordered indicators to their sample statistics (from {@link ordinalSampleStatistics}).
 * @throws ModelSyntaxError, OrdinalModelError, OrdinalDataError, NotIdentifiedError, NonConvergenceError
 *   (only with `throwOnNonConvergence`).
 */
export function fitOrdinalCfaToStatistics(
  stats: OrdinalSampleStatistics,
  model: string | CfaModel,
  options: OrdinalCfaFitOptions = {},
): OrdinalCfaResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  const G = stats.groups.length;
  const groupEqual = options.groupEqual ?? [];
  checkGroupEqual(groupEqual);
  const parameterization = options.parameterization ?? 'delta';
  if (parameterization !== 'delta' && parameterization !== 'theta') {
    throw new OrdinalModelError(
      `unknown parameterization '${String(parameterization)}' (expected delta or theta)`,
    );
  }
  const order = parsed.observed.map((v) => {
    const j = stats.variables.indexOf(v);
    if (j < 0)
      throw new OrdinalDataError(`the model variable '${v}' is not among the ordered variables`);
    return j;
  });
  if (order.some((j, a) => j !== a) || stats.variables.length !== parsed.observed.length) {
    throw new OrdinalDataError(
      `the sample statistics must be of the model's observed variables in model order (${parsed.observed.join(', ')})`,
    );
  }
  const om = compileOrdinalModel(parsed, {
    nGroups: G,
    stdLv: options.stdLv ?? false,
    parameterization,
    groupEqual: G > 1 ? groupEqual : [],
    nThresholds: stats.nThresholds,
    groupPartial: (options.groupPartial ?? []).map((e) => ordinalPartialKey(e, parsed, stats)),
  });
  const q = om.nFree;
  const moments = G * om.statsPerGroup;
  if (q > moments) {
    throw new NotIdentifiedError(
      `the model has ${q} free parameters but the data give only ${moments} sample statistics (df = ${moments - q})`,
    );
  }
  const problem = new DwlsProblem(om, stats.groups);
  const { opt, final, converged } = optimizeChecked(
    problem,
    ordinalStarts(om, stats),
    om.zNames,
    options,
  );

  const st = problem.state(opt.z)!;
  const jac = problem.jacobians(st);
  const N = stats.groups.reduce((a, g) => a + g.n, 0);
  const robust = dwlsRobust(
    stats.groups.map((g, k) => ({ n: g.n, weights: g.weights, gamma: g.gamma, jacobian: jac[k]! })),
    q,
  );
  const se = Array.from({ length: q }, (_, k) => Math.sqrt(robust.vcov[k * q + k]!));

  // test statistics: chisq_g = (N_g − 1) Σ w r² (lavaan: 2 N_g · ½ (N_g − 1)/N_g · Σ w r²)
  const chisqGroup = stats.groups.map((g, k) => (g.n - 1) * final.fGroup[k]!);
  const chisq = chisqGroup.reduce((a, b) => a + b, 0);
  const df = moments - q;
  const pvalue = df > 0 ? 1 - pchisq(chisq, df) : Number.NaN;
  const scaled = scaledShifted(chisq, df, robust.traceUGamma, robust.traceUGamma2);
  const nth = stats.nThresholds.reduce((a, b) => a + b, 0);
  const base = baselineModel(stats.groups, nth);
  const baseScaled = scaledShifted(base.chisq, base.df, base.traceUGamma, base.traceUGamma2);
  const basePvalue = base.df > 0 ? 1 - pchisq(base.chisq, base.df) : Number.NaN;

  // lav_utils_get_ntotal: RMSEA uses N − G for every estimator other than ML
  const nRmsea = N - G;
  const standard = rmseaSet(chisq, chisq, df, nRmsea, G);
  const scaledRmsea = rmseaSet(scaled.chisqScaled, scaled.chisqScaled, df, nRmsea, G);
  const thresholdsTied = om.rows.some(
    (r) => r.mat === 'tau' && r.free >= 0 && om.zRows[r.free]!.length > 1,
  );
  const p = om.p;
  const catml = thresholdsTied
    ? null
    : catmlRobust(
        stats.groups.map((g, k) => {
          const P = om.statsPerGroup;
          const pstar = P - nth;
          const gammaCor = new Float64Array(pstar * pstar);
          for (let a = 0; a < pstar; a++)
            for (let b = 0; b < pstar; b++)
              gammaCor[a * pstar + b] = g.gamma[(nth + a) * P + nth + b]!;
          return {
            n: g.n,
            r: g.correlation,
            implied: impliedCorrelation(st.implied[k]!.stats, p, nth),
            weights: g.weights.subarray(nth),
            gamma: gammaCor,
            jacobian: jac[k]!.subarray(nth * q),
          };
        }),
        p,
        df,
        robust.informationInverse,
        q,
      );
  const nan = Number.NaN;
  const robustRmsea = catml
    ? rmseaSet(catml.xx3, catml.xx3 / catml.cHat, df, nRmsea, G, catml.cHat)
    : rmseaSet(nan, nan, df, nRmsea, G);

  const srmrGroup = stats.groups.map((g, k) =>
    srmrCorrelation(g.correlation, impliedCorrelation(st.implied[k]!.stats, p, nth), p),
  );
  const srmr = stats.groups.reduce((a, g, k) => a + (g.n / N) * srmrGroup[k]!, 0);

  // estimates: derived rows from the matrices (residual variances in delta, scales in theta)
  const est = om.rows.map((r) => {
    if (r.free >= 0) return opt.z[r.free]!;
    if (!r.derived) return r.value;
    const w = st.matrices[r.group - 1]!;
    const im = st.implied[r.group - 1]!;
    if (r.mat === 'theta')
      return 1 / (w.delta[r.row]! * w.delta[r.row]!) - im.c[r.row * p + r.row]!;
    return im.scale[r.row]!;
  });
  const matrices = st.matrices.map((w, g) => {
    // residual variances in delta are derived: put them into theta for the standardisation
    if (parameterization !== 'delta') return w;
    const theta = w.theta.slice();
    for (let i = 0; i < p; i++)
      theta[i * p + i] = 1 / (w.delta[i]! * w.delta[i]!) - st.implied[g]!.c[i * p + i]!;
    return { ...w, theta };
  });
  const std = standardizedSolution(om, om.rows, est, matrices);
  const estimates: OrdinalCfaEstimate[] = om.rows.map((r, k) => {
    const s = r.free >= 0 ? se[r.free]! : 0;
    const zv = r.free >= 0 ? est[k]! / s : nan;
    return {
      lhs: r.lhs,
      op: r.op,
      rhs: r.rhs,
      group: r.group,
      est: est[k]!,
      se: s,
      z: zv,
      pvalue: r.free >= 0 ? 2 * pnorm(-Math.abs(zv)) : nan,
      stdLv: std[k]!.stdLv,
      stdAll: std[k]!.stdAll,
      free: r.free >= 0,
      label: r.label,
    };
  });
  // lav_object_post_check: negative variances, a non-positive-definite Ψ or Θ (the ~~ rows are those of a
  // continuous model; Θ holds the residual variances lavaan derives in the delta parameterisation)
  const warnings = postCheckWarnings(
    om.rows,
    est,
    matrices.map((w) => ({ ...w, nu: new Float64Array(p) })),
    stats.groups.map((g) => g.label),
    p,
    om.m,
  );
  if (!converged)
    warnings.push(
      `did not converge: max |gradient| = ${opt.maxAbsGradient} after ${opt.iterations} iterations`,
    );
  if (!thresholdsTied && !catml) {
    warnings.push(
      'robust CFI/TLI/RMSEA not computed: a polychoric matrix is not positive definite',
    );
  }

  const result: OrdinalCfaResult = {
    estimator: 'WLSMV',
    parameterization,
    n: N,
    groups: stats.groups.map((g) => g.label),
    nPerGroup: stats.groups.map((g) => g.n),
    npar: q,
    fmin: final.f,
    chisq,
    df,
    pvalue,
    chisqGroup,
    chisqScaled: scaled.chisqScaled,
    dfScaled: scaled.dfScaled,
    pvalueScaled: scaled.pvalueScaled,
    chisqScalingFactor: scaled.scalingFactor,
    chisqShiftParameter: scaled.shiftParameter,
    baselineChisq: base.chisq,
    baselineDf: base.df,
    baselinePvalue: basePvalue,
    baselineChisqScaled: baseScaled.chisqScaled,
    baselineDfScaled: baseScaled.dfScaled,
    baselinePvalueScaled: baseScaled.pvalueScaled,
    baselineChisqScalingFactor: baseScaled.scalingFactor,
    cfi: cfiOf(chisq, df, base.chisq, base.df),
    tli: tliOf(chisq, df, base.chisq, base.df),
    cfiScaled: cfiOf(scaled.chisqScaled, df, baseScaled.chisqScaled, base.df),
    tliScaled: tliOf(scaled.chisqScaled, df, baseScaled.chisqScaled, base.df),
    cfiRobust: catml
      ? cfiOf(catml.xx3, df, catml.xx3Null, base.df, catml.cHat, catml.cHatNull)
      : nan,
    tliRobust: catml
      ? tliOf(catml.xx3, df, catml.xx3Null, base.df, catml.cHat, catml.cHatNull)
      : nan,
    rmsea: standard.rmsea,
    rmseaCiLower: standard.ciLower,
    rmseaCiUpper: standard.ciUpper,
    rmseaPvalue: standard.pvalue,
    rmseaNotClosePvalue: standard.notClosePvalue,
    rmseaScaled: scaledRmsea.rmsea,
    rmseaCiLowerScaled: scaledRmsea.ciLower,
    rmseaCiUpperScaled: scaledRmsea.ciUpper,
    rmseaPvalueScaled: scaledRmsea.pvalue,
    rmseaNotClosePvalueScaled: scaledRmsea.notClosePvalue,
    rmseaRobust: robustRmsea.rmsea,
    rmseaCiLowerRobust: robustRmsea.ciLower,
    rmseaCiUpperRobust: robustRmsea.ciUpper,
    rmseaPvalueRobust: robustRmsea.pvalue,
    rmseaNotClosePvalueRobust: robustRmsea.notClosePvalue,
    rmseaCiLavaan: {
      lower: standard.ciLowerLavaan,
      upper: standard.ciUpperLavaan,
      lowerScaled: scaledRmsea.ciLowerLavaan,
      upperScaled: scaledRmsea.ciUpperLavaan,
      lowerRobust: robustRmsea.ciLowerLavaan,
      upperRobust: robustRmsea.ciUpperLavaan,
    },
    srmr,
    srmrGroup,
    converged,
    iterations: opt.iterations,
    maxAbsGradient: opt.maxAbsGradient,
    estimates,
    sampleStatistics: stats,
    warnings,
  };
  internals.set(result, {
    model: om,
    jacobians: jac,
    information: robust.information,
    meat: robust.meat,
  });
  return result;
}

/**
 * A group.partial entry as a parameter key: "x3 | t1" → "x3|t1" (checked against the variable's
 * thresholds), anything else as the continuous table reads it.
 * @throws OrdinalModelError, CfaDataError
 */
function ordinalPartialKey(entry: string, model: CfaModel, stats: OrdinalSampleStatistics): string {
  const text = entry.replace(/\s+/g, '');
  const m = /^(.+)\|t(\d+)$/.exec(text);
  if (m === null) return groupPartialKey(entry, model);
  const a = model.observed.indexOf(m[1]!);
  const t = Number(m[2]);
  if (a < 0 || !(t >= 1 && t <= stats.nThresholds[stats.variables.indexOf(m[1]!)]!)) {
    throw new OrdinalModelError(
      `group.partial: '${entry}' is not a threshold of the model (its variables have thresholds t1 … t(categories − 1))`,
    );
  }
  return text;
}

/** The p×p implied correlation matrix from a group's implied statistics (thresholds first). */
function impliedCorrelation(stats: Float64Array, p: number, nth: number): Float64Array {
  const out = new Float64Array(p * p);
  let k = nth;
  for (let i = 0; i < p; i++) out[i * p + i] = 1;
  for (let j = 0; j < p; j++)
    for (let i = j + 1; i < p; i++) {
      out[i * p + j] = stats[k]!;
      out[j * p + i] = stats[k]!;
      k++;
    }
  return out;
}

/** The model's observed variables, checked against `ordered`. */
export function orderedVariables(
  parsed: CfaModel,
  ordered: 'all' | readonly string[] = 'all',
): string[] {
  if (ordered !== 'all') {
    const notOrdered = parsed.observed.filter((v) => !ordered.includes(v));
    if (notOrdered.length > 0) {
      throw new OrdinalDataError(
        `every indicator must be ordered for WLSMV: ${notOrdered.map((v) => `'${v}'`).join(', ')} ${notOrdered.length === 1 ? 'is' : 'are'} not in 'ordered' (mixing continuous and ordered indicators is not supported)`,
      );
    }
  }
  return [...parsed.observed];
}

/**
 * Fits a CFA with ordered indicators to raw data by WLSMV (listwise deletion; groups from `group` or
 * `groups`, in order of first appearance).
 * @throws see {@link fitOrdinalCfaToStatistics}; EmptyCategoryError when a category is absent in a group.
 */
export function fitOrdinalCfa(
  data: DataSet,
  model: string | CfaModel,
  options: OrdinalCfaOptions = {},
): OrdinalCfaResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  const variables = orderedVariables(parsed, options.ordered);
  const stats = ordinalSampleStatistics(data, variables, {
    group: options.group,
    groups: options.groups,
  });
  return fitOrdinalCfaToStatistics(stats, parsed, options);
}
