/**
 * The JSON of a CFA fit, the one place that shapes it for `cfa` and `invariance` (and what scripts rely
 * on). Names follow lavaan with `.` → `_`: fit measures as `fitMeasures()` names them, estimates as
 * `parameterEstimates(standardized = TRUE)` rows, `modindices()` and `lavTestScore()`. Fields are added,
 * never renamed. A new statistic is one row in FIT_MEASURES (omitted from the JSON when its accessor
 * gives undefined, e.g. scaled statistics of an estimator that has none) or one field in ESTIMATE_FIELDS;
 * new parameter kinds (thresholds, op "|") are estimates rows like any other.
 */
import type { CfaEstimate, CfaResult, ModificationIndex, ScoreTests } from '@swhc/psychometrics';
import { CliError } from '../cli/cli-error';
import type { JsonObject } from './command';

type Accessor<T> = (x: T) => number | boolean | string | undefined;

/**
 * Top-level fit measures in output order. The first eleven are the fields the CLI has always printed
 * (`n` is the number of rows used; `rmsea_ci_lower/upper` are the exact roots, see the library).
 */
export const FIT_MEASURES: readonly (readonly [string, Accessor<CfaResult>])[] = [
  ['n', (f) => f.n],
  ['chisq', (f) => f.chisq],
  ['df', (f) => f.df],
  ['pvalue', (f) => f.pvalue],
  ['cfi', (f) => f.cfi],
  ['tli', (f) => f.tli],
  ['rmsea', (f) => f.rmsea],
  ['rmsea_ci_lower', (f) => f.rmseaCiLower],
  ['rmsea_ci_upper', (f) => f.rmseaCiUpper],
  ['srmr', (f) => f.srmr],
  ['converged', (f) => f.converged],
  ['npar', (f) => f.npar],
  ['fmin', (f) => f.fmin],
  ['baseline_chisq', (f) => f.baselineChisq],
  ['baseline_df', (f) => f.baselineDf],
  ['baseline_pvalue', (f) => f.baselinePvalue],
  ['logl', (f) => f.logl],
  ['unrestricted_logl', (f) => f.unrestrictedLogl],
  ['aic', (f) => f.aic],
  ['bic', (f) => f.bic],
  ['bic2', (f) => f.bic2],
  ['rmsea_pvalue', (f) => f.rmseaPvalue],
  ['rmsea_notclose_pvalue', (f) => f.rmseaNotClosePvalue],
  // --estimator MLR: the Yuan–Bentler scaled test and the measures built on it
  ['chisq_scaled', (f) => f.scaled?.chisq],
  ['df_scaled', (f) => f.scaled?.df],
  ['pvalue_scaled', (f) => f.scaled?.pvalue],
  ['chisq_scaling_factor', (f) => f.scaled?.scalingFactor],
  ['baseline_chisq_scaled', (f) => f.scaled?.baselineChisq],
  ['baseline_df_scaled', (f) => f.scaled?.baselineDf],
  ['baseline_pvalue_scaled', (f) => f.scaled?.baselinePvalue],
  ['baseline_chisq_scaling_factor', (f) => f.scaled?.baselineScalingFactor],
  ['cfi_scaled', (f) => f.scaled?.cfi],
  ['tli_scaled', (f) => f.scaled?.tli],
  ['rmsea_scaled', (f) => f.scaled?.rmsea],
  ['rmsea_ci_lower_scaled', (f) => f.scaled?.rmseaCiLower],
  ['rmsea_ci_upper_scaled', (f) => f.scaled?.rmseaCiUpper],
  ['rmsea_pvalue_scaled', (f) => f.scaled?.rmseaPvalue],
  ['rmsea_notclose_pvalue_scaled', (f) => f.scaled?.rmseaNotClosePvalue],
  // --estimator MLR or --missing ml: robust CFI/TLI/RMSEA (FIML-corrected under --missing ml)
  ['cfi_robust', (f) => f.robust?.cfi],
  ['tli_robust', (f) => f.robust?.tli],
  ['rmsea_robust', (f) => f.robust?.rmsea],
  ['rmsea_ci_lower_robust', (f) => f.robust?.rmseaCiLower],
  ['rmsea_ci_upper_robust', (f) => f.robust?.rmseaCiUpper],
  ['rmsea_pvalue_robust', (f) => f.robust?.rmseaPvalue],
  ['rmsea_notclose_pvalue_robust', (f) => f.robust?.rmseaNotClosePvalue],
];

/** Fields of each estimate row, in output order (lhs … est as the CLI has always printed them). */
export const ESTIMATE_FIELDS: readonly (readonly [string, Accessor<CfaEstimate>])[] = [
  ['lhs', (e) => e.lhs],
  ['op', (e) => e.op],
  ['rhs', (e) => e.rhs],
  ['group', (e) => e.group],
  ['est', (e) => e.est],
  ['se', (e) => e.se],
  ['z', (e) => e.z],
  ['pvalue', (e) => e.pvalue],
  ['std_lv', (e) => e.stdLv],
  ['std_all', (e) => e.stdAll],
];

function pick<T>(x: T, fields: readonly (readonly [string, Accessor<T>])[]): JsonObject {
  const out: JsonObject = {};
  for (const [name, get] of fields) {
    const value = get(x);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The fit measures of one CFA, named as lavaan's fitMeasures() with `.` → `_`. */
export function fitMeasuresJson(fit: CfaResult): JsonObject {
  return pick(fit, FIT_MEASURES);
}

/** Parameter estimates as lavaan's parameterEstimates(standardized = TRUE) rows (groups numbered from 1). */
export function estimatesJson(fit: CfaResult): JsonObject[] {
  return fit.estimates.map((e) => pick(e, ESTIMATE_FIELDS));
}

/** lavaan's modindices() rows: the χ² drop expected from freeing each parameter, and its expected change. */
export function modIndicesJson(rows: readonly ModificationIndex[]): JsonObject[] {
  return rows.map((m) => ({
    lhs: m.lhs,
    op: m.op,
    rhs: m.rhs,
    group: m.group,
    mi: m.mi,
    epc: m.epc,
  }));
}

/**
 * lavaan's lavTestScore(): the total test of releasing every equality constraint, and one test per
 * constraint, naming the parameter copy it releases and the copy it was held equal to.
 */
export function scoreTestsJson(tests: ScoreTests): JsonObject {
  return {
    total: { x2: tests.total.x2, df: tests.total.df, pvalue: tests.total.pvalue },
    univariate: tests.univariate.map((u) => ({
      lhs: u.right.lhs,
      op: u.right.op,
      rhs: u.right.rhs,
      group: u.right.group,
      equal_to: { lhs: u.left.lhs, op: u.left.op, rhs: u.left.rhs, group: u.left.group },
      constraint: u.constraint,
      x2: u.x2,
      df: u.df,
      pvalue: u.pvalue,
    })),
  };
}

/**
 * One fit as the CLI prints it: fit measures, the group labels (multi-group), the estimates and — when
 * the fit has them — modification indices and score tests. (The runner adds `warnings`.)
 */
export function cfaJson(fit: CfaResult, options: { readonly groups: boolean }): JsonObject {
  const out: JsonObject = { ...fitMeasuresJson(fit) };
  if (options.groups) out['groups'] = fit.groups;
  out['estimates'] = estimatesJson(fit);
  if (fit.modificationIndices) out['modindices'] = modIndicesJson(fit.modificationIndices);
  if (fit.scoreTests) out['score_tests'] = scoreTestsJson(fit.scoreTests);
  return out;
}

/** The warnings of several fits in one list, each prefixed with the fit it comes from. */
export function prefixedWarnings(fits: readonly (readonly [string, CfaResult])[]): string[] {
  return fits.flatMap(([name, fit]) => fit.warnings.map((w) => `${name}: ${w}`));
}

/** A fit that stopped short of the optimum is an error for the CLI, not a result to print. */
export function requireConverged(fit: CfaResult, what: string): void {
  if (!fit.converged) {
    throw new CliError(`${what} did not converge (lavaan's criterion: max |gradient| <= 1e-3)`);
  }
}
