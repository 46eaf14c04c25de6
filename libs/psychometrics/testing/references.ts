/**
 * The reference files in libs/psychometrics/fixtures, typed. Each was written by the R script of the
 * same name in fixtures/r/ (R 4.2.2; the package versions are in the script and in the file's `meta`).
 */
import { readFixtureJson } from './fixture-files';

// ---------------------------------------------------------------------------------------------
// test-vectors.json (fixtures/r/test-vectors.R): psych, lavaan, survey, relaimpo, t.test, funnel
// ---------------------------------------------------------------------------------------------

/** psych::alpha entry (`$total`, `$alpha.drop`, `$item.stats`, Feldt and Duhachek CIs). */
export interface AlphaVector {
  code: string;
  total: Record<string, number>;
  alpha_drop: Record<string, (number | 'NA')[]>;
  item_stats: Record<string, number[]>;
  feldt: { lower: number; upper: number };
  duhachek: { lower: number; upper: number };
}

/** survey::rake entry. */
export interface RakeVector {
  code?: string;
  pops?: Record<string, Record<string, string | number>[]> | string;
  n: number;
  sum_w: number;
  first10_w: number[];
  cell_weights: Record<string, number>;
  kish_deff: number;
  mean_A2: number;
  margins: Record<string, Record<string, number>>;
}

export interface WelchVector {
  code: string;
  n1: number;
  n2: number;
  mean1: number;
  mean2: number;
  var1: number;
  var2: number;
  t: number;
  df: number;
  p: number;
  ci95: [number, number];
  sd_pooled: number;
  d: number;
  J: number;
  g: number;
  J_exact: number;
}

export interface FunnelUnitVector {
  age: number;
  n: number;
  mean: number;
  se: number;
  z: number;
  lo95: number;
  hi95: number;
  lo998: number;
  hi998: number;
  z_mult: number;
  z_add: number;
  hi95_mult: number;
  hi95_add: number;
}

/** One lavaan parameterEstimates() row (ops =~, ~~, ~1). */
export interface ParameterRow {
  lhs: string;
  op: string;
  rhs: string;
  group: number;
  est: number;
  se: number;
}

/** A lavaan::cfa entry of test-vectors.json. */
export interface CfaVector {
  code: string;
  /** fitMeasures(fit) at lavaan's own estimates; NA as null. */
  fit: Record<string, number | null>;
  params?: ParameterRow[];
  /** The free parameters Newton-polished to the exact optimum ("lhs op rhs@gG"). */
  polished?: {
    free_params: Record<string, number>;
    fmin: number;
    chisq: number;
    max_abs_gradient: number;
  };
  group_labels?: string[];
  nobs?: number[];
  chisq_group?: number[];
  /** lavInspect(fit, "sampstat")$cov: the sample covariance with divisor N. */
  sample_cov_N?: number[][];
}

export interface OmegaVector {
  code: string;
  lambda: number[];
  theta: number[];
  omega_model: number;
  omega_obsvar: number;
  nobs: number;
  chisq: number;
  df: number;
}

export interface TestVectors {
  alpha_bfi_A: AlphaVector;
  alpha_bfi_C: AlphaVector;
  alpha_bfi_N: AlphaVector;
  alpha_HS_x1_x3: AlphaVector;
  omega_HS_x4_x6: OmegaVector;
  omega_HS_x1_x9: OmegaVector;
  omega_bfi_A_listwise: OmegaVector;
  cfa_HS_3factor: CfaVector;
  cfa_HS_3factor_meanstructure: CfaVector;
  cfa_HS_lowchisq_1: CfaVector;
  cfa_HS_lowchisq_2: CfaVector;
  cfa_bfi_A_listwise: CfaVector;
  mg_HS_school_configural: CfaVector;
  mg_HS_school_metric: CfaVector;
  mg_HS_school_scalar: CfaVector;
  rake_counts_default: RakeVector;
  rake_counts_tight: RakeVector;
  rake_scaled_to_n_default: RakeVector;
  lmg_HS_x9_on_x1_x8: { code: string; R2: number; lmg: Record<string, number> };
  lmg_HS_x9_on_x1_x4_x7_x8: { code: string; R2: number; lmg: Record<string, number> };
  welch_HS_x1_by_school: WelchVector;
  welch_bfi_A2_by_gender: WelchVector;
  funnel_bfi_A2_by_age: {
    target: number;
    sigma: number;
    N: number;
    I: number;
    z95: number;
    z998: number;
    winsor_q10: number;
    winsor_q90: number;
    phi: number;
    tau2: number;
    units: FunnelUnitVector[];
  };
  distributions: {
    pchisq_nc: { x: number; df: number; ncp: number; p: number }[];
    pt: { x: number; df: number; p: number }[];
    qf: { p: number; df1: number; df2: number; q: number }[];
    qnorm: { p975: number; p999: number };
  };
}

/** The keys of the lavaan::cfa entries, and of the omega entries. */
export type CfaVectorKey = {
  [K in keyof TestVectors]: TestVectors[K] extends CfaVector ? K : never;
}[keyof TestVectors];
export type OmegaVectorKey = {
  [K in keyof TestVectors]: TestVectors[K] extends OmegaVector ? K : never;
}[keyof TestVectors];

export function testVectors(): TestVectors {
  return readFixtureJson<TestVectors>('test-vectors.json');
}

// ---------------------------------------------------------------------------------------------
// lavaan-optimum.json (fixtures/r/lavaan-optimum.R): the test-vectors fits at the exact optimum
// ---------------------------------------------------------------------------------------------

export interface OptimumReference {
  readonly fit_at_optimum: Readonly<Record<string, number>>;
  /** RMSEA 90% CI with uniroot(tol = 1e-15). */
  readonly rmsea_ci_exact: readonly [number, number];
  readonly omega_at_optimum: number | null;
  readonly srmr_group: readonly number[] | Record<string, never>;
}

/** Keyed like test-vectors.json (cfa_HS_3factor, mg_HS_school_scalar, omega_*, …). */
export function lavaanOptimum(): Record<string, OptimumReference> {
  return readFixtureJson<Record<string, OptimumReference>>('lavaan-optimum.json');
}

// ---------------------------------------------------------------------------------------------
// lavaan-features.json (fixtures/r/lavaan-features.R): syntax features and defaults on HS
// ---------------------------------------------------------------------------------------------

export interface FeatureCase {
  readonly id: string;
  readonly model: string;
  readonly group?: string;
  readonly 'group.equal'?: string | string[];
  readonly 'std.lv'?: boolean;
  readonly fit: Record<string, number>;
  readonly group_labels: string[];
  readonly params: { lhs: string; op: string; rhs: string; group: number; est: number }[];
}

export function lavaanFeatures(): FeatureCase[] {
  return readFixtureJson<{ cases: FeatureCase[] }>('lavaan-features.json').cases;
}

// ---------------------------------------------------------------------------------------------
// r-distribution-grid.json (fixtures/r/r-distribution-grid.R)
// ---------------------------------------------------------------------------------------------

/**
 * [fn, a, b, c, lower, upper, note?] — pchisq: q, df, ncp; pt: q, df; pf: q, df1, df2; qf: p, df1, df2;
 * qt/qchisq: p, df; pnorm: q; qnorm: p. `note` is 'R warns' where R warned about its own precision.
 */
export type DistributionGridRow = [string, number, number, number, number, number, string?];

export function distributionGrid(): DistributionGridRow[] {
  return readFixtureJson<{ rows: DistributionGridRow[] }>('r-distribution-grid.json').rows;
}

// ---------------------------------------------------------------------------------------------
// sim-reference.json (fixtures/r/sim-reference.R): the simulated staff survey
// ---------------------------------------------------------------------------------------------

/** lavaan fitMeasures, keyed as R names them. */
export type FitMeasures = Readonly<
  Record<
    | 'npar'
    | 'fmin'
    | 'chisq'
    | 'df'
    | 'pvalue'
    | 'baseline.chisq'
    | 'baseline.df'
    | 'cfi'
    | 'tli'
    | 'rmsea'
    | 'rmsea.ci.lower'
    | 'rmsea.ci.upper'
    | 'rmsea.pvalue'
    | 'srmr'
    | 'logl'
    | 'aic'
    | 'bic',
    number
  >
>;

export interface CfaReference {
  readonly code: string;
  readonly nobs: readonly number[];
  readonly group_labels: readonly string[];
  readonly converged: boolean;
  /** fitMeasures at lavaan's own estimate. */
  readonly fit: FitMeasures;
  /** fitMeasures re-evaluated at the polished optimum (SRMR included). */
  readonly fit_at_optimum: FitMeasures;
  /** lavaan's RMSEA 90% CI formula with uniroot(tol = 1e-15): lavaan's own roots are ~1e-4 loose near 0. */
  readonly rmsea_ci_precise: readonly [number, number];
  readonly polished: {
    readonly free_params: Readonly<Record<string, number>>;
    readonly fmin: number;
    readonly chisq: number;
    readonly max_abs_gradient: number;
  };
}

/** psych::alpha's whole-scale statistics for `items` (keys = `reverse`), as the reference scripts write them. */
export interface PsychAlphaTotals {
  readonly items: readonly string[];
  readonly reverse: readonly string[];
  readonly n: number;
  readonly raw_alpha: number;
  readonly std_alpha: number;
  readonly g6: number;
  readonly average_r: number;
}

export interface AlphaReference extends PsychAlphaTotals {
  readonly code: string;
  readonly feldt: readonly [number, number];
  readonly r_drop: readonly number[];
  readonly alpha_if_dropped: readonly number[];
}

export interface OmegaReference {
  readonly code: string;
  readonly items: readonly string[];
  readonly reverse: readonly string[];
  readonly nobs: number;
  readonly omega_polished: number;
  readonly omega_lavaan: number;
  readonly loadings_polished: Readonly<Record<string, number>>;
}

export interface SimReference {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly alpha: Readonly<Record<string, AlphaReference>>;
  readonly omega: Readonly<Record<string, OmegaReference>>;
  readonly cfa_four_factor: CfaReference;
  readonly invariance: {
    readonly configural: CfaReference;
    readonly metric: CfaReference;
    readonly scalar: CfaReference;
    readonly lrt: {
      readonly chisq_diff: number[];
      readonly df_diff: number[];
      readonly p: number[];
    };
  };
  readonly rake: {
    readonly margins: Readonly<Record<string, Readonly<Record<string, number>>>>;
    readonly n: number;
    readonly sum_w: number;
    readonly weights: readonly number[];
    readonly deff_kish: number;
    readonly weighted_mean_overall: number;
  };
  readonly drivers: {
    readonly outcome: string;
    readonly predictors: readonly string[];
    readonly n: number;
    readonly r2: number;
    readonly shapley: Readonly<Record<string, number>>;
  };
  readonly compare: {
    readonly groups: readonly [string, string];
    readonly n1: number;
    readonly n2: number;
    readonly mean1: number;
    readonly mean2: number;
    readonly welch_t: number;
    readonly df: number;
    readonly p: number;
    readonly hedges_g: number;
  };
  readonly funnel: {
    readonly target: number;
    readonly sigma: number;
    readonly units: readonly {
      readonly unit: string;
      readonly n: number;
      readonly mean: number;
      readonly z: number;
      readonly outside95: boolean;
      readonly outside998: boolean;
    }[];
  };
}

export function simReference(): SimReference {
  return readFixtureJson<SimReference>('sim-reference.json');
}

/** A free-parameter key of the reference JSON ("support=~q08@g2", "q01~1@g1") split into lavaan's columns. */
export function parseParameterKey(key: string): {
  lhs: string;
  op: string;
  rhs: string;
  group: number;
} {
  const at = key.lastIndexOf('@g');
  const body = key.slice(0, at);
  const group = Number(key.slice(at + 2));
  for (const op of ['=~', '~~', '~1']) {
    const i = body.indexOf(op);
    if (i > 0) return { lhs: body.slice(0, i), op, rhs: body.slice(i + op.length), group };
  }
  throw new Error(`cannot read parameter key ${key}`);
}

// ---------------------------------------------------------------------------------------------
// lavaan-output.json (fixtures/r/lavaan-output.R): fit measures, estimates with SEs and the
// standardised solution, modification indices and score tests, at the exact optimum
// ---------------------------------------------------------------------------------------------

export interface OutputParameterRef {
  readonly lhs: string;
  readonly op: string;
  readonly rhs: string;
  readonly group: number;
}

export interface OutputCase {
  readonly id: string;
  /** Fixture data set: 'hs', 'bfi' or 'political-democracy' (<name>.csv, hs = holzinger-swineford-1939). */
  readonly data: 'hs' | 'bfi' | 'political-democracy';
  readonly model: string;
  readonly options: {
    readonly group?: string;
    readonly 'group.equal'?: string | string[];
    readonly 'group.partial'?: string | string[];
    readonly 'std.lv'?: boolean;
    readonly meanstructure?: boolean;
  };
  readonly group_labels: string[];
  readonly nobs: number[];
  readonly max_abs_gradient: number;
  /** fitMeasures() at the optimum; NA as null. */
  readonly fit: Record<string, number | null>;
  /** lavaan's RMSEA 90% CI formula solved with uniroot(tol = 1e-15). */
  readonly rmsea_ci_exact: [number, number];
  readonly params: (OutputParameterRef & {
    /** null in a single-group fit (lavaan has no label column there). */
    readonly label: string | null;
    readonly est: number;
    readonly se: number;
    readonly z: number | null;
    readonly pvalue: number | null;
    readonly std_lv: number | null;
    readonly std_all: number | null;
  })[];
  readonly modindices: (OutputParameterRef & { readonly mi: number; readonly epc: number })[];
  readonly score_test?: {
    readonly total: { readonly x2: number; readonly df: number; readonly pvalue: number };
    readonly univariate: {
      readonly constraint: string;
      readonly left: OutputParameterRef;
      readonly right: OutputParameterRef;
      readonly x2: number;
      readonly df: number;
      readonly pvalue: number;
    }[];
  };
  /** What lavaan warned when it fitted the model with its defaults. */
  readonly lavaan_warnings: string[];
}

export function lavaanOutput(): OutputCase[] {
  return readFixtureJson<{ cases: OutputCase[] }>('lavaan-output.json').cases;
}

// ---------------------------------------------------------------------------------------------
// psych-output.json (fixtures/r/psych-output.R): psych::alpha's warnings and G6 of a singular R
// ---------------------------------------------------------------------------------------------

export interface PsychAlphaCase extends PsychAlphaTotals {
  readonly id: string;
  readonly drop_g6: number[];
  readonly drop_raw_alpha: number[];
  /** Items with a negative loading on the first principal component (what psych names when it warns). */
  readonly negative_first_component: string[];
  readonly psych_warnings: string[];
}

export function psychOutput(): PsychAlphaCase[] {
  return readFixtureJson<{ cases: PsychAlphaCase[] }>('psych-output.json').cases;
}

// ---------------------------------------------------------------------------------------------
// lavaan-ordinal.json (fixtures/r/lavaan-ordinal.R): thresholds, polychorics, Gamma and WLSMV fits
// (lavaan 0.6-14, cfa(..., ordered = ..., estimator = "WLSMV")) at the exact optimum
// ---------------------------------------------------------------------------------------------

/** One group's sample statistics as lavInspect(fit, "sampstat") / "gamma" / "zero.cell.tables" give them. */
export interface OrdinalSampleReference {
  readonly nobs: number;
  readonly th: readonly number[];
  /** Polychorics below the diagonal, column by column (lavaan's WLS.obs order). */
  readonly cor: readonly number[];
  readonly gamma_diag: readonly number[];
  /** The whole Gamma (NACOV), or a sample of it: the rows/columns `index` (0-based). */
  readonly gamma?: readonly (readonly number[])[];
  readonly gamma_sample?: {
    readonly index: readonly number[];
    readonly values: readonly (readonly number[])[];
  };
  /** Pairs "a_b" whose bivariate table has an empty cell. */
  readonly zero_cell_pairs: readonly string[];
}

/** A parameterEstimates() row with standardizedSolution() std.lv and std.all. */
export interface OrdinalEstimateReference {
  readonly lhs: string;
  readonly op: string;
  readonly rhs: string;
  readonly group: number;
  readonly est: number;
  readonly se: number;
  readonly std_lv: number | null;
  readonly std_all: number | null;
}

export interface WlsmvReference {
  readonly code: string;
  /** How the exact optimum was reached: lavaan's GN, or Newton steps on lavaan's gradient. */
  readonly optimum: 'GN' | 'Newton';
  readonly max_abs_gradient: number;
  readonly group_labels: readonly string[];
  readonly sample: readonly OrdinalSampleReference[];
  /** fitMeasures() at the optimum (NA as null). */
  readonly fit: Readonly<Record<string, number | null>>;
  readonly shift_parameter: number | null;
  /** The three RMSEA 90% CIs with uniroot(tol = 1e-15) (lavaan's own roots are ~1e-8 loose). */
  readonly rmsea_ci_precise: {
    readonly standard: readonly (number | null)[];
    readonly scaled: readonly (number | null)[];
    readonly robust: readonly (number | null)[];
  };
  readonly estimates: readonly OrdinalEstimateReference[];
  /** lavaan's default (nlminb) fit, to show how far from the optimum it stops. */
  readonly lavaan_default: {
    readonly chisq: number;
    readonly chisq_scaled: number;
    readonly max_rel_param_diff: number;
  };
}

/** lavTestLRT(m1, m0, method = "satorra.2000") (scaled and shifted). */
export interface SatorraReference {
  readonly code: string;
  readonly chisq_diff: number;
  readonly df_diff: number;
  readonly pvalue: number;
  readonly scale: number;
  readonly shift: number;
  readonly chisq_diff_unscaled: number;
}

export type OrdinalInvarianceStep = 'configural' | 'thresholds' | 'thresholds_loadings';

export type LavaanOrdinal = {
  readonly meta: {
    readonly lavaan: string;
    readonly sim_model: string;
    readonly two_group_model: string;
    readonly bfi_model: string;
    readonly binary_model: string;
  };
  readonly pbivnorm: {
    readonly h: readonly number[];
    readonly k: readonly number[];
    readonly rho: readonly number[];
    readonly p: readonly number[];
  };
  readonly sim_delta: WlsmvReference;
  readonly sim_theta: WlsmvReference;
  readonly bfi: WlsmvReference;
  /** group.equal = c("thresholds", "loadings"), group.partial = c("x3|t1", "f1=~x2"). */
  readonly two_group_partial_delta: WlsmvReference;
  /** std.lv = TRUE, group.equal = c("thresholds", "loadings"), and a residual covariance x1 ~~ x2. */
  readonly two_group_std_lv_delta: WlsmvReference;
  readonly binary: WlsmvReference & {
    readonly lavaan_options: {
      readonly 'zero.add': readonly number[];
      readonly 'zero.keep.margins': boolean;
    };
  };
  /** A loading fixed at 3: x2's derived residual variance is negative and lavaan warns. */
  readonly heywood: {
    readonly model: string;
    readonly warning: string;
    readonly x2_residual_variance: number;
  };
  readonly empty_category: {
    readonly error: string;
    readonly data_change: {
      readonly variable: string;
      readonly group: string;
      readonly from: number;
      readonly to: number;
    };
  };
} & {
  readonly [K in `two_group_${OrdinalInvarianceStep}_${'delta' | 'theta'}`]: WlsmvReference;
} & {
  readonly [K in `two_group_lrt_${'delta' | 'theta'}`]: Readonly<
    Record<
      | 'thresholds_vs_configural'
      | 'thresholds_loadings_vs_thresholds'
      | 'thresholds_loadings_vs_configural',
      SatorraReference
    >
  >;
};

export function lavaanOrdinal(): LavaanOrdinal {
  return readFixtureJson<LavaanOrdinal>('lavaan-ordinal.json');
}

// ---------------------------------------------------------------------------------------------
// lavaan-robust-fiml.json (fixtures/r/lavaan-robust-fiml.R): estimator = "MLR" and missing = "ml",
// at the exact optimum (EM to 1e-13, Newton-polished estimates)
// ---------------------------------------------------------------------------------------------

export interface RobustFimlCase {
  readonly code: string;
  /** max |gradient| after the Newton polish. */
  readonly max_abs_gradient: number;
  readonly ntotal: number;
  readonly nobs: readonly number[];
  readonly group_labels: readonly string[];
  /** Every fitMeasures() value; NA as null. */
  readonly fit: Readonly<Record<string, number | null>>;
  /** parameterEstimates(): est and the estimator's default se. */
  readonly params: readonly ParameterRow[];
  readonly warnings: readonly string[];
  /** The RMSEA 90% CIs by lavaan's formulas with uniroot(tol = 1e-15). */
  readonly rmsea_ci_exact: readonly [number, number];
  readonly rmsea_ci_scaled_exact?: readonly [number | null, number | null];
  readonly rmsea_ci_robust_exact?: readonly [number | null, number | null];
  /** tr(UΓ) of the Yuan–Bentler (Mplus) test (MLR). */
  readonly trace_ugamma?: number;
  /** Missing = "ml": the EM saturated moments per group. */
  readonly h1?: readonly {
    readonly cov: readonly (readonly number[])[];
    readonly mean: readonly number[];
  }[];
  /** Missing = "ml": lavaan:::lav_fit_fiml_corrected (V3 with MLR, V6 with ML). */
  readonly fiml_corrected?: Readonly<Record<string, number | null>>;
}

export type RobustFimlKey =
  | 'mlr_HS_3factor'
  | 'mlr_HS_3factor_meanstructure'
  | 'mlr_HS_school_configural'
  | 'mlr_HS_school_scalar'
  | 'mlr_PD'
  | 'mlr_bfi_AC_listwise'
  | 'mlr_HS_df0'
  | 'fiml_sim_mcar'
  | 'fiml_bfi_5factor'
  | 'fiml_bfi_AC_gender'
  | 'fiml_HS_empty_rows'
  | 'fiml_HS_sparse_x3'
  | 'mlrfiml_sim_mcar'
  | 'mlrfiml_bfi_AC_gender'
  | 'mlrfiml_staff'
  | 'mlrfiml_two_group_metric';

export function lavaanRobustFiml(): Readonly<Record<RobustFimlKey, RobustFimlCase>> {
  return readFixtureJson<Record<RobustFimlKey, RobustFimlCase>>('lavaan-robust-fiml.json');
}

// ---------------------------------------------------------------------------------------------
// weighted-proportion.json (fixtures/r/weighted-proportion.R): prop.test and survey::rake/svymean
// ---------------------------------------------------------------------------------------------

/** A proportion with its Wilson interval: unweighted (prop.test) and raked (Kish effective n). */
export interface WeightedProportionReference {
  margins: { region: Record<string, number>; role: Record<string, number> };
  unweighted: { estimate: number; lower: number; upper: number };
  raked: { estimate: number; lower: number; upper: number; deff: number; first_weights: number[] };
}

export const weightedProportionReference = (): WeightedProportionReference =>
  readFixtureJson<WeightedProportionReference>('weighted-proportion.json');

// ---------------------------------------------------------------------------------------------
// weighted-mean-interval.json (fixtures/r/weighted-mean-interval.R): survey::rake, svymean, confint
// ---------------------------------------------------------------------------------------------

/** svymean's estimate and SE, confint(df = degf), Kish deff and effective n. */
export interface WeightedMeanIntervalVector {
  n: number;
  mean: number;
  se: number;
  lower: number;
  upper: number;
  deff: number;
  effective_n: number;
}

export interface WeightedMeanIntervalReference {
  margins: { region: Record<string, number>; role: Record<string, number> };
  first_weights: number[];
  unweighted: WeightedMeanIntervalVector;
  raked: WeightedMeanIntervalVector;
  london_raked: WeightedMeanIntervalVector;
}

export const weightedMeanIntervalReference = (): WeightedMeanIntervalReference =>
  readFixtureJson<WeightedMeanIntervalReference>('weighted-mean-interval.json');
