/**
 * Maximum-likelihood CFA as lavaan 0.6-14 `cfa()` fits it for complete continuous data: marker-variable
 * identification, free factor covariances, N divisor, listwise deletion, groups in order of
 * appearance, group.equal via tied parameters, meanstructure automatic with groups, and
 * fitMeasures()'s chisq/CFI/TLI/RMSEA(+90% CI)/SRMR (lavaan 0.6-14 lavaan(), lav_fit_measures).
 */
import type { DataSet } from '../data/data-set';
import { pchisq } from '../distributions';
import { cholesky, choleskyLogDet, NotPositiveDefiniteError } from '../linalg';
import { CfaDataError, NonConvergenceError, NotIdentifiedError } from './errors';
import {
  cfiOf,
  rmseaCiBoth,
  rmseaCloseFitPvalue,
  rmseaNotCloseFitPvalue,
  rmseaOf,
  srmrGroup,
  tliOf,
} from './fit-measures';
import { MlProblem, type GroupStats } from './ml';
import {
  sampleMoments,
  normaliseMoments,
  type SampleMoments,
  type SampleMomentsInput,
} from './moments';
import { analyseInformation, optimize } from './optimize';
import {
  checkIdentification,
  compileModel,
  GROUP_EQUAL_VALUES,
  momentsPerGroup,
  type GroupEqual,
} from './partable';
import { simpleStartValues, startValues } from './start';
import { parseModel, type CfaModel, type ModelOp } from './syntax';

/** Options shared by {@link fitCfa} and {@link fitCfaToMoments}. */
export interface CfaFitOptions {
  /** lavaan `group.equal`: parameter classes held equal across groups (loadings, intercepts, …). */
  readonly groupEqual?: readonly GroupEqual[];
  /** lavaan `meanstructure`. Default: true with several groups or when the syntax names `~ 1`, else false. */
  readonly meanStructure?: boolean;
  /** lavaan `std.lv`: factor variances fixed to 1 and every loading free (instead of the marker loading = 1). */
  readonly stdLv?: boolean;
  /** Cap on optimiser iterations (default 500). Hitting it leaves `converged: false`. */
  readonly maxIterations?: number;
  /** Throw NonConvergenceError instead of returning `converged: false`. */
  readonly throwOnNonConvergence?: boolean;
}

/** {@link fitCfa}'s options: fitting options plus how to split rows into groups. */
export interface CfaOptions extends CfaFitOptions {
  /** Name of a numeric column holding the group; labels are `String(value)`; NaN = missing. */
  readonly group?: string;
  /** One group label per data row (for string columns such as HS `school`); '', null, undefined = missing. */
  readonly groups?: readonly (string | null | undefined)[];
}

/** One row of lavaan's `parameterEstimates()` (ops `=~`, `~~`, `~1`), group numbered from 1. */
export interface CfaEstimate {
  readonly lhs: string;
  readonly op: ModelOp;
  /** '' for `~1` rows. */
  readonly rhs: string;
  readonly group: number;
  readonly est: number;
  /** Standard error from the expected information (lavaan's default `se = "standard"`); 0 when fixed. */
  readonly se: number;
  readonly free: boolean;
  /** The user's label, or '' (lavaan's automatic .pN. labels are not reproduced). */
  readonly label: string;
}

/**
 * A fitted CFA. Statistics lavaan reports as NA are NaN here (pvalue and rmseaPvalue when df = 0).
 */
export interface CfaResult {
  /** Complete rows used (lavaan `ntotal`). */
  readonly n: number;
  /** Group labels in lavaan's order (first appearance); `['']` without groups. */
  readonly groups: string[];
  readonly nPerGroup: number[];
  readonly chisq: number;
  readonly df: number;
  /** 1 − pchisq(chisq, df) as lavaan computes it (so 0 where the upper tail is below 1e-16). */
  readonly pvalue: number;
  readonly cfi: number;
  readonly tli: number;
  readonly rmsea: number;
  /** 90% CI of RMSEA with the non-central χ² roots solved to full precision. */
  readonly rmseaCiLower: number;
  readonly rmseaCiUpper: number;
  /**
   * The same CI as lavaan prints it: R's uniroot() with its default tolerance (≈1.2e-4 in λ). Usually
   * within 1e-7 of the exact bounds, but up to ≈1e-4 relative for a lower bound near 0; use these to
   * reproduce lavaan's fitMeasures digit for digit.
   */
  readonly rmseaCiLowerLavaan: number;
  readonly rmseaCiUpperLavaan: number;
  /** lavaan "srmr" (= srmr_bentler, with mean residuals under a mean structure, N_g-weighted). */
  readonly srmr: number;
  /** max |gradient| ≤ 1e-3 at the end (lavaan's criterion); the optimiser itself aims at ≈1e-15. */
  readonly converged: boolean;
  readonly iterations: number;
  /** Minimised objective Σ_g (N_g/N)·½F_ML,g = chisq / (2N). */
  readonly fmin: number;
  readonly maxAbsGradient: number;
  readonly estimates: CfaEstimate[];
  /** Free parameters after equality constraints (lavaan `npar`). */
  readonly npar: number;
  /** Per-group contributions N_g·F_ML,g to chisq. */
  readonly chisqGroup: number[];
  readonly baselineChisq: number;
  readonly baselineDf: number;
  /** lavaan rmsea.pvalue: P(RMSEA ≤ .05). */
  readonly rmseaPvalue: number;
  /** lavaan rmsea.notclose.pvalue: P(RMSEA ≥ .08). */
  readonly rmseaNotClosePvalue: number;
  /** SRMR per group (the overall value is their N_g-weighted mean). */
  readonly srmrGroup: number[];
  readonly logl: number;
  readonly unrestrictedLogl: number;
  readonly aic: number;
  readonly bic: number;
  readonly meanStructure: boolean;
  /** Non-fatal problems (e.g. a negative variance estimate). */
  readonly warnings: string[];
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Fits a CFA to per-group sample moments (covariance with divisor N_g, means, N_g): the cost does not
 * depend on N once the moments exist.
 * @throws ModelSyntaxError, CfaDataError, NotPositiveDefiniteError (sample covariance), NotIdentifiedError,
 *   NonConvergenceError (only with `throwOnNonConvergence`).
 */
export function fitCfaToMoments(
  moments: SampleMoments | SampleMomentsInput,
  model: string | CfaModel,
  options: CfaFitOptions = {},
): CfaResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  const mom = normaliseMoments(moments);
  const G = mom.groups.length;
  for (const ge of options.groupEqual ?? []) {
    if (!GROUP_EQUAL_VALUES.includes(ge)) {
      throw new CfaDataError(
        `unknown groupEqual value '${String(ge)}' (expected one of ${GROUP_EQUAL_VALUES.join(', ')})`,
      );
    }
  }
  const meanStructure = (options.meanStructure ?? G > 1) || parsed.hasMeans;
  const cm = compileModel(parsed, {
    nGroups: G,
    meanStructure,
    stdLv: options.stdLv ?? false,
    groupEqual: G > 1 ? (options.groupEqual ?? []) : [],
  });
  checkIdentification(cm, parsed);
  const { p, ov } = cm;
  const pick = ov.map((v) => {
    const j = mom.variables.indexOf(v);
    if (j < 0)
      throw new CfaDataError(
        `the model variable '${v}' is not among the sample moments' variables`,
      );
    return j;
  });
  const P = mom.variables.length;
  const N = mom.nPerGroup.reduce((a, b) => a + b, 0);
  const stats: GroupStats[] = mom.groups.map((label, g) => {
    const full = mom.cov[g]!;
    const S = new Float64Array(p * p);
    const mean = new Float64Array(p);
    for (let a = 0; a < p; a++) {
      mean[a] = mom.mean[g]![pick[a]!]!;
      for (let b = 0; b < p; b++) S[a * p + b] = full[pick[a]! * P + pick[b]!]!;
    }
    if (meanStructure && mean.some((v) => !Number.isFinite(v))) {
      throw new CfaDataError('the model has a mean structure but the sample moments have no means');
    }
    let logDetS: number;
    try {
      logDetS = choleskyLogDet(cholesky(S, p, 'S', { relativeTolerance: 1e-12 }), p);
    } catch (e) {
      if (e instanceof NotPositiveDefiniteError) {
        const where = G > 1 ? ` of group '${label}'` : '';
        throw new NotPositiveDefiniteError(
          `the sample covariance matrix${where} (variable '${ov[e.pivot]!}' has zero variance or is a linear combination of earlier ones)`,
          e.pivot,
        );
      }
      throw e;
    }
    const n = mom.nPerGroup[g]!;
    return { n, w: n / N, S, mean, logDetS };
  });

  const problem = new MlProblem(cm, stats);
  const starts = [startValues(cm, stats), simpleStartValues(cm, stats)];
  const opt = optimize(problem, starts, { maxIterations: options.maxIterations });
  if (!opt.startOk) {
    throw new NonConvergenceError(0, Number.POSITIVE_INFINITY);
  }
  const final = problem.evaluate(opt.z, true, true);
  const info = final.info!;
  const q = cm.nFree;
  const analysis = analyseInformation(info, q);
  if (analysis.unidentified !== null) {
    const names = analysis.unidentified.map((k) => cm.zNames[k]!.replace(/@g1$/, ''));
    throw new NotIdentifiedError(
      `the information matrix is singular at the estimates; these parameters cannot be told apart: ${names.join(', ')}`,
      names,
    );
  }
  const converged = Number.isFinite(opt.maxAbsGradient) && opt.maxAbsGradient <= 1e-3;
  if (!converged && options.throwOnNonConvergence) {
    throw new NonConvergenceError(opt.iterations, opt.maxAbsGradient);
  }

  // standard errors: vcov = I⁻¹ / N (expected information)
  const se = analysis.inverseDiagonal.map((v) => Math.sqrt(v / N));

  // test statistic
  // F_ML,g is a difference of O(p) terms of order 1 (log|Σ|, tr(SΣ⁻¹), log|S|, p), so at the optimum of
  // a saturated model it is rounding noise of either sign. lavaan sets negative values to 0; values
  // within that noise are 0 here too, so a perfect fit has chisq exactly 0 whatever the last iterate.
  const fGroup = final.fGroup.map((f, g) => {
    const noise = 32 * Number.EPSILON * (2 * Math.abs(stats[g]!.logDetS) + 2 * p);
    return f > noise ? f : 0;
  });
  const chisqGroup = stats.map((st, g) => st.n * fGroup[g]!);
  const chisq = chisqGroup.reduce((a, b) => a + b, 0);
  const fmin = stats.reduce((acc, st, g) => acc + st.w * 0.5 * fGroup[g]!, 0);
  const df = G * momentsPerGroup(p, meanStructure) - q;
  const pvalue = df > 0 ? 1 - pchisq(chisq, df) : Number.NaN;
  const baselineChisq = stats.reduce((acc, st) => {
    let sumLog = 0;
    for (let i = 0; i < p; i++) sumLog += Math.log(st.S[i * p + i]!);
    return acc + st.n * (sumLog - st.logDetS);
  }, 0);
  const baselineDf = (G * p * (p - 1)) / 2;
  const { exact: ci, lavaan: ciLavaan } = rmseaCiBoth(chisq, df, N, G);
  const implied = problem.implied(opt.z);
  const srmrG = stats.map((st, g) =>
    srmrGroup(
      st.S,
      implied[g]!.sigma,
      meanStructure ? st.mean : null,
      meanStructure ? implied[g]!.mu : null,
      p,
    ),
  );
  const srmr = stats.reduce((acc, st, g) => acc + st.w * srmrG[g]!, 0);
  let logl = 0;
  let unrestrictedLogl = 0;
  stats.forEach((st, g) => {
    // F_ML,g = log|Σ| + tr(SΣ⁻¹) + d'Σ⁻¹d − log|S| − p
    logl += (-st.n / 2) * (p * LOG_2PI + final.fGroup[g]! + st.logDetS + p);
    unrestrictedLogl += (-st.n / 2) * (p * LOG_2PI + st.logDetS + p);
  });

  // parameter estimates in lavaan's order
  const estimates: CfaEstimate[] = cm.rows.map((r) => ({
    lhs: r.lhs,
    op: r.op,
    rhs: r.rhs,
    group: r.group,
    est: r.free >= 0 ? opt.z[r.free]! : r.value,
    se: r.free >= 0 ? se[r.free]! : 0,
    free: r.free >= 0,
    label: r.label,
  }));
  const warnings: string[] = [];
  for (const e of estimates) {
    if (e.op === '~~' && e.lhs === e.rhs && e.est < 0) {
      warnings.push(
        `negative variance estimate: ${e.lhs} ~~ ${e.rhs} = ${e.est}${G > 1 ? ` (group ${e.group})` : ''}`,
      );
    }
  }
  if (!converged) {
    warnings.push(
      `did not converge: max |gradient| = ${opt.maxAbsGradient} after ${opt.iterations} iterations`,
    );
  }
  return {
    n: N,
    groups: [...mom.groups],
    nPerGroup: [...mom.nPerGroup],
    chisq,
    df,
    pvalue,
    cfi: cfiOf(chisq, df, baselineChisq, baselineDf),
    tli: tliOf(chisq, df, baselineChisq, baselineDf),
    rmsea: rmseaOf(chisq, df, N, G),
    rmseaCiLower: ci.lower,
    rmseaCiUpper: ci.upper,
    rmseaCiLowerLavaan: ciLavaan.lower,
    rmseaCiUpperLavaan: ciLavaan.upper,
    srmr,
    converged,
    iterations: opt.iterations,
    fmin,
    maxAbsGradient: opt.maxAbsGradient,
    estimates,
    npar: q,
    chisqGroup,
    baselineChisq,
    baselineDf,
    rmseaPvalue: rmseaCloseFitPvalue(chisq, df, N, G),
    rmseaNotClosePvalue: rmseaNotCloseFitPvalue(chisq, df, N, G),
    srmrGroup: srmrG,
    logl,
    unrestrictedLogl,
    aic: -2 * logl + 2 * q,
    bic: -2 * logl + q * Math.log(N),
    meanStructure,
    warnings,
  };
}

/**
 * Fits a CFA by ML to raw data (listwise deletion on the model variables and the group label).
 * Groups come from `options.group` (a numeric column) or `options.groups` (one string label per row).
 * @throws see {@link fitCfaToMoments}
 */
export function fitCfa(
  data: DataSet,
  model: string | CfaModel,
  options: CfaOptions = {},
): CfaResult {
  const parsed = typeof model === 'string' ? parseModel(model) : model;
  const moments = sampleMoments(data, parsed.observed, {
    group: options.group,
    groups: options.groups,
  });
  return fitCfaToMoments(moments, parsed, options);
}
