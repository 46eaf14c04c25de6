/**
 * Maximum-likelihood CFA as lavaan 0.6-14 `cfa()` fits it for complete continuous data: marker-variable
 * identification, free factor covariances, N divisor, listwise deletion, groups in order of
 * appearance, group.equal via tied parameters, meanstructure automatic with groups, and
 * fitMeasures()'s chisq/CFI/TLI/RMSEA(+90% CI)/SRMR (lavaan 0.6-14 lavaan(), lav_fit_measures).
 * The fit to the rows, and the casewise estimators (MLR, FIML) that hook into this one, are in fit-data.ts.
 */
import { pchisq, pnorm } from '../distributions';
import { cholesky, choleskyLogDet, NotPositiveDefiniteError } from '../linalg';
import { CfaDataError } from './errors';
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
import type { MissingPolicy } from './case-data';
import type { EmOptions } from './em-saturated';
import { modificationIndices, type ModificationIndex } from './modification-indices';
import { normaliseMoments, type SampleMoments, type SampleMomentsInput } from './moments';
import { optimizeChecked } from './optimize';
import {
  checkIdentification,
  compileModel,
  GROUP_EQUAL_VALUES,
  momentsPerGroup,
  type CompiledModel,
  type GroupEqual,
} from './partable';
import { postCheckWarnings } from './post-check';
import type { RobustFit, ScaledFit } from './robust-fit';
import { scoreTests, type ScoreTests } from './score-tests';
import { standardize } from './standardized';
import { simpleStartValues, startValues } from './start';
import { parameterName, parseModel, type CfaModel, type ModelOp } from './syntax';

/** Options shared by {@link fitCfa} and {@link fitCfaToMoments}. */
export interface CfaFitOptions {
  /** lavaan `group.equal`: parameter classes held equal across groups (loadings, intercepts, …). */
  readonly groupEqual?: readonly GroupEqual[];
  /**
   * lavaan `group.partial`: parameters exempt from `groupEqual`, written as lavaan writes them
   * ("x3~1", "visual=~x2", "x1~~x2"; spaces allowed).
   */
  readonly groupPartial?: readonly string[];
  /** lavaan `meanstructure`. Default: true with several groups or when the syntax names `~ 1`, else false. */
  readonly meanStructure?: boolean;
  /** lavaan `std.lv`: factor variances fixed to 1 and every loading free (instead of the marker loading = 1). */
  readonly stdLv?: boolean;
  /** Cap on optimiser iterations (default 500). Hitting it leaves `converged: false`. */
  readonly maxIterations?: number;
  /** Throw NonConvergenceError instead of returning `converged: false`. */
  readonly throwOnNonConvergence?: boolean;
  /** Also compute lavaan's `modindices()` (`modificationIndices` in the result). */
  readonly modificationIndices?: boolean;
  /** Also compute lavaan's `lavTestScore()` when the model has equality constraints (`scoreTests`). */
  readonly scoreTests?: boolean;
  /**
   * lavaan `estimator`: 'ML' (default) or 'MLR' — ML estimates with Huber–White standard errors, the
   * Yuan–Bentler scaled test and the scaled and robust fit measures. MLR needs the rows: fitCfa only.
   */
  readonly estimator?: CfaEstimator;
  /** lavaan `missing`: 'listwise' (default) or 'ml' (FIML against the EM saturated model; fitCfa only). */
  readonly missing?: MissingPolicy;
  /** The EM algorithm for the saturated model under missing = 'ml'. */
  readonly em?: EmOptions;
}

/** lavaan's `estimator` for continuous data. */
export type CfaEstimator = 'ML' | 'MLR';

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
  /**
   * Standard error as lavaan's default for the estimator: from the expected information (ML, listwise),
   * the observed information (ML with missing = 'ml') or the Huber–White sandwich (MLR); 0 when fixed.
   */
  readonly se: number;
  /** est / se; NaN (R's NA) for a fixed parameter. */
  readonly z: number;
  /** Two-sided p-value of z, computed as lavaan does: 2·(1 − pnorm(|z|)); NaN when fixed. */
  readonly pvalue: number;
  /** lavaan's `std.lv`: the factors standardised (see standardized.ts). */
  readonly stdLv: number;
  /** lavaan's `std.all` (= `standardizedSolution()`): factors and observed variables standardised. */
  readonly stdAll: number;
  readonly free: boolean;
  /** The user's label, or '' (lavaan's automatic .pN. labels are not reproduced). */
  readonly label: string;
}

/**
 * A fitted CFA. Statistics lavaan reports as NA are NaN here (pvalue and rmseaPvalue when df = 0).
 */
export interface CfaResult {
  /** Rows used (lavaan `ntotal`): the complete rows, or with missing = 'ml' every row with a value. */
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
  /** 1 − pchisq(baselineChisq, baselineDf). */
  readonly baselinePvalue: number;
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
  /** Sample-size adjusted BIC (lavaan's bic2): −2·logl + npar·log((N + 2)/24). */
  readonly bic2: number;
  readonly meanStructure: boolean;
  readonly estimator: CfaEstimator;
  readonly missing: MissingPolicy;
  /** lavaan's `*.scaled` fit measures (estimator MLR), else null. */
  readonly scaled: ScaledFit | null;
  /** lavaan's `*.robust` fit measures (estimator MLR, or missing = 'ml'), else null. */
  readonly robust: RobustFit | null;
  /**
   * Non-fatal problems, as lavaan's post-fit checks warn: negative variances (Heywood cases), a factor or
   * residual covariance matrix that is not positive definite, non-convergence.
   */
  readonly warnings: string[];
  /** lavaan's `modindices()`, when asked for with the `modificationIndices` option. */
  readonly modificationIndices?: ModificationIndex[];
  /** lavaan's `lavTestScore()`, when asked for with `scoreTests` and the model has equality constraints. */
  readonly scoreTests?: ScoreTests | null;
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Fits a CFA to per-group sample moments (covariance with divisor N_g, means, N_g): the cost does not
 * depend on N once the moments exist. ML with complete data only (estimator MLR and missing = 'ml' need
 * the rows: {@link fitCfa}).
 * @throws ModelSyntaxError, CfaDataError, NotPositiveDefiniteError (sample covariance), NotIdentifiedError,
 *   NonConvergenceError (only with `throwOnNonConvergence`).
 */
export function fitCfaToMoments(
  moments: SampleMoments | SampleMomentsInput,
  model: string | CfaModel,
  options: CfaFitOptions = {},
): CfaResult {
  if ((options.estimator ?? 'ML') !== 'ML' || (options.missing ?? 'listwise') !== 'listwise') {
    throw new CfaDataError(
      "estimator 'MLR' and missing 'ml' need the data rows, not only their moments: use fitCfa",
    );
  }
  return fitMomentsWith(
    moments,
    typeof model === 'string' ? parseModel(model) : model,
    options,
    {},
  );
}

/**
 * What a casewise estimator (fit-data.ts: FIML, MLR) changes in the moment-based ML fit. The moments it
 * passes are the EM saturated moments under FIML, so start values and SRMR come from them.
 */
export interface EstimatorHooks {
  /** The objective; default the complete-data ML discrepancy on the moments. */
  readonly problem?: (cm: CompiledModel, stats: readonly GroupStats[]) => MlProblem;
  /** Per group, the saturated model's log-likelihood; default the normal one at the sample moments. */
  readonly h1Logl?: readonly number[];
  /** The baseline model's χ²; default the closed form from the sample covariances. */
  readonly baselineChisq?: number;
  /** Replaces the expected-information standard errors and adds the scaled and robust measures. */
  readonly finish?: (fitted: FittedCfa) => EstimatorResult;
}

/** The fitted model as the hooks' finish() sees it. */
export interface FittedCfa {
  readonly cm: CompiledModel;
  readonly problem: MlProblem;
  readonly stats: readonly GroupStats[];
  readonly z: Float64Array;
  readonly chisq: number;
  readonly df: number;
  readonly baselineChisq: number;
  readonly baselineDf: number;
}

export interface EstimatorResult {
  /** Per free parameter (z). */
  readonly se: Float64Array;
  readonly scaled: ScaledFit | null;
  readonly robust: RobustFit | null;
  readonly estimator: CfaEstimator;
  readonly missing: MissingPolicy;
  readonly warnings: readonly string[];
}

/** {@link fitCfaToMoments} with an estimator's hooks. */
export function fitMomentsWith(
  moments: SampleMoments | SampleMomentsInput,
  parsed: CfaModel,
  options: CfaFitOptions,
  hooks: EstimatorHooks,
): CfaResult {
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
    groupPartial: (options.groupPartial ?? []).map((entry) => groupPartialKey(entry, parsed)),
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
    const n = mom.nPerGroup[g]!;
    if (n <= p) {
      // N rows span at most N − 1 dimensions around their mean: S is singular whatever the data
      throw new CfaDataError(
        `${G > 1 ? `group '${label}' has` : 'the data have'} ${n} complete row(s) for ${p} observed variables: a covariance matrix of ${p} variables needs more rows than variables (at least ${p + 1})`,
      );
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
    return { n, w: n / N, S, mean, logDetS };
  });

  const problem = hooks.problem ? hooks.problem(cm, stats) : new MlProblem(cm, stats);
  const starts = [startValues(cm, stats), simpleStartValues(cm, stats)];
  const { opt, final, analysis, converged } = optimizeChecked(problem, starts, cm.zNames, options);
  const q = cm.nFree;

  // standard errors: vcov = I⁻¹ / N (expected information)
  const seExpected = analysis.inverseDiagonal.map((v) => Math.sqrt(v / N));

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
  const baselineChisq =
    hooks.baselineChisq ??
    stats.reduce((acc, st) => {
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
    // logl_g = logl_h1,g − N_g·F_g/2: for complete data F_ML,g = log|Σ| + tr(SΣ⁻¹) + d'Σ⁻¹d − log|S| − p
    // and logl_h1,g = −N_g/2·(p log 2π + log|S| + p)
    const h1 = hooks.h1Logl?.[g] ?? (-st.n / 2) * (p * LOG_2PI + st.logDetS + p);
    logl += h1 - (st.n / 2) * final.fGroup[g]!;
    unrestrictedLogl += h1;
  });
  const extra = hooks.finish?.({
    cm,
    problem,
    stats,
    z: opt.z,
    chisq,
    df,
    baselineChisq,
    baselineDf,
  });
  const se = extra?.se ?? seExpected;

  // parameter estimates in lavaan's order, with z, p and the standardised solution
  const est = cm.rows.map((r) => (r.free >= 0 ? opt.z[r.free]! : r.value));
  const matrices = problem.matrices(opt.z);
  const std = standardize(cm.rows, est, matrices, implied, p, cm.m);
  const estimates: CfaEstimate[] = cm.rows.map((r, i) => {
    const free = r.free >= 0;
    const s = free ? se[r.free]! : 0;
    const z = free && s > 0 ? est[i]! / s : Number.NaN;
    return {
      lhs: r.lhs,
      op: r.op,
      rhs: r.rhs,
      group: r.group,
      est: est[i]!,
      se: s,
      z,
      // as lavaan writes it (so a p below 1e-16 is 0, as lavaan prints it)
      pvalue: 2 * (1 - pnorm(Math.abs(z))),
      stdLv: std[i]!.stdLv,
      stdAll: std[i]!.stdAll,
      free,
      label: r.label,
    };
  });
  const warnings = postCheckWarnings(cm.rows, est, matrices, mom.groups, p, cm.m);
  if (!converged) {
    warnings.push(
      `did not converge: max |gradient| = ${opt.maxAbsGradient} after ${opt.iterations} iterations`,
    );
  }
  if (extra) warnings.push(...extra.warnings);
  const extras: Pick<CfaResult, 'modificationIndices' | 'scoreTests'> = {
    ...(options.modificationIndices
      ? { modificationIndices: modificationIndices(cm, stats, opt.z) }
      : {}),
    ...(options.scoreTests ? { scoreTests: scoreTests(cm, stats, opt.z) } : {}),
  };
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
    baselinePvalue: baselineDf > 0 ? 1 - pchisq(baselineChisq, baselineDf) : Number.NaN,
    rmseaPvalue: rmseaCloseFitPvalue(chisq, df, N, G),
    rmseaNotClosePvalue: rmseaNotCloseFitPvalue(chisq, df, N, G),
    srmrGroup: srmrG,
    logl,
    unrestrictedLogl,
    aic: -2 * logl + 2 * q,
    bic: -2 * logl + q * Math.log(N),
    bic2: -2 * logl + q * Math.log((N + 2) / 24),
    meanStructure,
    estimator: extra?.estimator ?? 'ML',
    missing: extra?.missing ?? 'listwise',
    scaled: extra?.scaled ?? null,
    robust: extra?.robust ?? null,
    warnings,
    ...extras,
  };
}

/**
 * A lavaan `group.partial` entry ("x3 ~ 1", "visual=~x2", "x2 ~~ x1") as the parameter key the table
 * uses, covariances written with the earlier variable first as the parser writes them.
 * @throws CfaDataError for an entry that is not `lhs op rhs` with a variable of the model on each side
 */
export function groupPartialKey(entry: string, model: CfaModel): string {
  const text = entry.replace(/\s+/g, '');
  const m = /^([A-Za-z_.][A-Za-z0-9_.]*)(=~|~~|~)([A-Za-z0-9_.]+)$/.exec(text);
  const known = (v: string): boolean => model.latent.includes(v) || model.observed.includes(v);
  if (m === null || !known(m[1]!) || (m[2] === '~' ? m[3] !== '1' : !known(m[3]!))) {
    throw new CfaDataError(
      `group.partial: '${entry}' is not a parameter of the model (write it as lavaan does, e.g. 'x3 ~ 1' or 'visual =~ x2')`,
    );
  }
  const [, lhs, op, rhs] = m as unknown as [string, string, string, string];
  if (op === '~') return parameterName(lhs, '~1', '');
  if (op === '~~') {
    const order = (v: string): number =>
      model.latent.includes(v) ? model.latent.indexOf(v) : model.observed.indexOf(v);
    return order(rhs) < order(lhs) ? parameterName(rhs, op, lhs) : parameterName(lhs, op, rhs);
  }
  return parameterName(lhs, op, rhs);
}
