/**
 * The JSON of a CFA fit, the one place that shapes it for `cfa` and `invariance` (and what scripts rely
 * on). Names follow lavaan with `.` → `_`: fit measures as `fitMeasures()` names them, estimates as
 * `parameterEstimates(standardized = TRUE)` rows, `modindices()` and `lavTestScore()`. Fields are added,
 * never renamed. A new statistic is one row in FIT_MEASURES (omitted from the JSON when its accessor
 * gives undefined, e.g. scaled statistics of an estimator that has none) or one field in ESTIMATE_FIELDS;
 * new parameter kinds (thresholds, op "|") are estimates rows like any other.
 */
import type {
  CfaEstimate,
  CfaResult,
  ModificationIndex,
  OrdinalCfaEstimate,
  OrdinalCfaResult,
  ScoreTests,
} from '@swhc/psychometrics';
import { CliError } from '../cli/cli-error';
import type { JsonObject } from './command';

type Accessor<T> = (x: T) => number | boolean | string | undefined;

/** A CFA fit by ML (`cfa`) or by WLSMV (`cfa --ordered`). */
export type FitResult = CfaResult | OrdinalCfaResult;

/** The WLSMV fit, or undefined for an ML/MLR one (its rows then drop out of the JSON). */
const wlsmv = (f: FitResult): OrdinalCfaResult | undefined =>
  f.estimator === 'WLSMV' ? f : undefined;
/** The ML/MLR fit, or undefined for a WLSMV one. */
const ml = (f: FitResult): CfaResult | undefined => (f.estimator === 'WLSMV' ? undefined : f);
/** A statistic both estimators with a scaled test report, each under its own field. */
const byEstimator =
  (
    w: (f: OrdinalCfaResult) => number,
    m: (f: CfaResult) => number | undefined,
  ): Accessor<FitResult> =>
  (f) =>
    f.estimator === 'WLSMV' ? w(f) : m(f);

/**
 * Top-level fit measures in output order. The first eleven are the fields the CLI has always printed
 * (`n` is the number of rows used; `rmsea_ci_lower/upper` are the exact roots, see the library).
 */
export const FIT_MEASURES: readonly (readonly [string, Accessor<FitResult>])[] = [
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
  ['logl', (f) => ml(f)?.logl],
  ['unrestricted_logl', (f) => ml(f)?.unrestrictedLogl],
  ['aic', (f) => ml(f)?.aic],
  ['bic', (f) => ml(f)?.bic],
  ['bic2', (f) => ml(f)?.bic2],
  ['rmsea_pvalue', (f) => f.rmseaPvalue],
  ['rmsea_notclose_pvalue', (f) => f.rmseaNotClosePvalue],
  // WLSMV (--ordered): lavaan's estimator and parameterization
  ['estimator', (f) => wlsmv(f)?.estimator],
  ['parameterization', (f) => wlsmv(f)?.parameterization],
  // --estimator MLR (the Yuan–Bentler scaled test) or --ordered (WLSMV's scaled-shifted test): the scaled
  // test and the measures built on it
  [
    'chisq_scaled',
    byEstimator(
      (w) => w.chisqScaled,
      (m) => m.scaled?.chisq,
    ),
  ],
  [
    'df_scaled',
    byEstimator(
      (w) => w.dfScaled,
      (m) => m.scaled?.df,
    ),
  ],
  [
    'pvalue_scaled',
    byEstimator(
      (w) => w.pvalueScaled,
      (m) => m.scaled?.pvalue,
    ),
  ],
  [
    'chisq_scaling_factor',
    byEstimator(
      (w) => w.chisqScalingFactor,
      (m) => m.scaled?.scalingFactor,
    ),
  ],
  ['chisq_shift_parameter', (f) => wlsmv(f)?.chisqShiftParameter],
  [
    'baseline_chisq_scaled',
    byEstimator(
      (w) => w.baselineChisqScaled,
      (m) => m.scaled?.baselineChisq,
    ),
  ],
  [
    'baseline_df_scaled',
    byEstimator(
      (w) => w.baselineDfScaled,
      (m) => m.scaled?.baselineDf,
    ),
  ],
  [
    'baseline_pvalue_scaled',
    byEstimator(
      (w) => w.baselinePvalueScaled,
      (m) => m.scaled?.baselinePvalue,
    ),
  ],
  [
    'baseline_chisq_scaling_factor',
    byEstimator(
      (w) => w.baselineChisqScalingFactor,
      (m) => m.scaled?.baselineScalingFactor,
    ),
  ],
  [
    'cfi_scaled',
    byEstimator(
      (w) => w.cfiScaled,
      (m) => m.scaled?.cfi,
    ),
  ],
  [
    'tli_scaled',
    byEstimator(
      (w) => w.tliScaled,
      (m) => m.scaled?.tli,
    ),
  ],
  [
    'rmsea_scaled',
    byEstimator(
      (w) => w.rmseaScaled,
      (m) => m.scaled?.rmsea,
    ),
  ],
  [
    'rmsea_ci_lower_scaled',
    byEstimator(
      (w) => w.rmseaCiLowerScaled,
      (m) => m.scaled?.rmseaCiLower,
    ),
  ],
  [
    'rmsea_ci_upper_scaled',
    byEstimator(
      (w) => w.rmseaCiUpperScaled,
      (m) => m.scaled?.rmseaCiUpper,
    ),
  ],
  [
    'rmsea_pvalue_scaled',
    byEstimator(
      (w) => w.rmseaPvalueScaled,
      (m) => m.scaled?.rmseaPvalue,
    ),
  ],
  [
    'rmsea_notclose_pvalue_scaled',
    byEstimator(
      (w) => w.rmseaNotClosePvalueScaled,
      (m) => m.scaled?.rmseaNotClosePvalue,
    ),
  ],
  // --estimator MLR, --missing ml (FIML-corrected) or --ordered: robust CFI/TLI/RMSEA
  [
    'cfi_robust',
    byEstimator(
      (w) => w.cfiRobust,
      (m) => m.robust?.cfi,
    ),
  ],
  [
    'tli_robust',
    byEstimator(
      (w) => w.tliRobust,
      (m) => m.robust?.tli,
    ),
  ],
  [
    'rmsea_robust',
    byEstimator(
      (w) => w.rmseaRobust,
      (m) => m.robust?.rmsea,
    ),
  ],
  [
    'rmsea_ci_lower_robust',
    byEstimator(
      (w) => w.rmseaCiLowerRobust,
      (m) => m.robust?.rmseaCiLower,
    ),
  ],
  [
    'rmsea_ci_upper_robust',
    byEstimator(
      (w) => w.rmseaCiUpperRobust,
      (m) => m.robust?.rmseaCiUpper,
    ),
  ],
  [
    'rmsea_pvalue_robust',
    byEstimator(
      (w) => w.rmseaPvalueRobust,
      (m) => m.robust?.rmseaPvalue,
    ),
  ],
  [
    'rmsea_notclose_pvalue_robust',
    byEstimator(
      (w) => w.rmseaNotClosePvalueRobust,
      (m) => m.robust?.rmseaNotClosePvalue,
    ),
  ],
];

/** Fields of each estimate row, in output order (lhs … est as the CLI has always printed them). */
export const ESTIMATE_FIELDS: readonly (readonly [
  string,
  Accessor<CfaEstimate | OrdinalCfaEstimate>,
])[] = [
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
export function fitMeasuresJson(fit: FitResult): JsonObject {
  return pick(fit, FIT_MEASURES);
}

/** Parameter estimates as lavaan's parameterEstimates(standardized = TRUE) rows (groups numbered from 1). */
export function estimatesJson(fit: FitResult): JsonObject[] {
  return fit.estimates.map((e: CfaEstimate | OrdinalCfaEstimate) => pick(e, ESTIMATE_FIELDS));
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
export function cfaJson(fit: FitResult, options: { readonly groups: boolean }): JsonObject {
  const out: JsonObject = { ...fitMeasuresJson(fit) };
  if (options.groups) out['groups'] = fit.groups;
  out['estimates'] = estimatesJson(fit);
  const mlFit = ml(fit);
  if (mlFit?.modificationIndices) out['modindices'] = modIndicesJson(mlFit.modificationIndices);
  if (mlFit?.scoreTests) out['score_tests'] = scoreTestsJson(mlFit.scoreTests);
  return out;
}

/** The warnings of several fits in one list, each prefixed with the fit it comes from. */
export function prefixedWarnings(fits: readonly (readonly [string, FitResult])[]): string[] {
  return fits.flatMap(([name, fit]) => fit.warnings.map((w) => `${name}: ${w}`));
}

/** A fit that stopped short of the optimum is an error for the CLI, not a result to print. */
export function requireConverged(fit: FitResult, what: string): void {
  if (!fit.converged) {
    throw new CliError(`${what} did not converge (lavaan's criterion: max |gradient| <= 1e-3)`);
  }
}
