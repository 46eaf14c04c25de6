/**
 * The instrument's validation report: GET /api/research/validation?instrument={key}&version={n}.
 * Computed over the closed waves of the version, per wave × service and pooled; the invariance
 * verdicts across waves are the ones the LA report uses to decide whether a change may be called one.
 */
import type { ServiceKind } from './survey';
import type { WaveRef } from './waves';

export interface ItemStatistics {
  readonly item: string;
  readonly text: string;
  readonly scale: string;
  readonly reversed: boolean;
  /** Answers given. */
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly missingPercent: number;
  /** Share of answers at the lowest / highest point of the scale, in %. */
  readonly floorPercent: number;
  readonly ceilingPercent: number;
  /** Correlation of the (keyed) item with the rest of its scale (psych r.drop). */
  readonly correctedItemTotal: number;
}

export interface ScaleReliabilityStatistics {
  readonly scale: string;
  readonly title: string;
  readonly n: number;
  readonly alpha: number;
  /** Feldt 95% interval. */
  readonly alphaCi: readonly [number, number];
  /** McDonald's omega total (one-factor ML CFA); null when it could not be fitted. */
  readonly omega: number | null;
  readonly warnings: readonly string[];
}

export interface FitSummary {
  readonly n: number;
  readonly chisq: number;
  readonly df: number;
  readonly pvalue: number;
  readonly cfi: number;
  readonly tli: number;
  readonly rmsea: number;
  readonly rmseaCiLower: number;
  readonly rmseaCiUpper: number;
  readonly srmr: number;
  readonly converged: boolean;
}

/** A factor model's standardised solution (lavaan std.all), whichever estimator fitted it. */
export interface FactorStructure {
  /** Standardised loadings (lavaan std.all). */
  readonly loadings: readonly {
    readonly scale: string;
    readonly item: string;
    readonly std: number;
  }[];
  readonly factorCorrelations: readonly {
    readonly a: string;
    readonly b: string;
    readonly r: number;
  }[];
}

export type CfaSummary =
  | (FitSummary &
      FactorStructure & {
        readonly available: true;
        readonly estimator: 'ML';
        /**
         * The same ML estimates judged robustly (lavaan estimator = "MLR"): the Yuan–Bentler scaled
         * test and the robust CFI, TLI and RMSEA, which do not assume normal answers. Null when they
         * could not be computed.
         */
        readonly robust: {
          readonly chisqScaled: number;
          readonly df: number;
          readonly pvalue: number;
          readonly scalingFactor: number;
          readonly cfi: number;
          readonly tli: number;
          readonly rmsea: number;
          readonly rmseaCiLower: number;
          readonly rmseaCiUpper: number;
        } | null;
        /** Heywood cases, non-positive-definite matrices, non-convergence: shown, never hidden. */
        readonly warnings: readonly string[];
      })
  | { readonly available: false; readonly reason: string };

/**
 * The four-factor model with the items as ordered categories (lavaan `ordered = TRUE, estimator =
 * "WLSMV"`, delta parameterisation): polychoric correlations and thresholds, diagonally weighted least
 * squares, the mean- and variance-adjusted (scaled-shifted) test. The primary analysis for Likert items;
 * the ML fit ({@link CfaSummary}) is kept beside it. Names follow lavaan's fitMeasures() in camelCase.
 */
export type OrdinalCfaSummary =
  | (FactorStructure & {
      readonly available: true;
      readonly estimator: 'WLSMV';
      readonly parameterization: 'delta';
      /** Complete rows used. */
      readonly n: number;
      readonly chisq: number;
      readonly df: number;
      readonly pvalue: number;
      readonly chisqScaled: number;
      readonly dfScaled: number;
      readonly pvalueScaled: number;
      readonly chisqScalingFactor: number;
      readonly chisqShiftParameter: number;
      readonly cfiScaled: number;
      readonly tliScaled: number;
      readonly rmseaScaled: number;
      readonly rmseaCiLowerScaled: number;
      readonly rmseaCiUpperScaled: number;
      /** Robust CFI/TLI/RMSEA as lavaan 0.6-14 reports them (NaN → null in JSON where it reports NA). */
      readonly cfiRobust: number | null;
      readonly tliRobust: number | null;
      readonly rmseaRobust: number | null;
      readonly rmseaCiLowerRobust: number | null;
      readonly rmseaCiUpperRobust: number | null;
      readonly srmr: number;
      readonly converged: boolean;
      readonly warnings: readonly string[];
    })
  | { readonly available: false; readonly reason: string };

export interface ValidationGroup {
  /** e.g. "Health Check 2025 · Children’s services" or "All closed waves, both services". */
  readonly label: string;
  readonly waveId: string | null;
  readonly service: ServiceKind | null;
  readonly n: number;
  readonly items: readonly ItemStatistics[];
  readonly scales: readonly ScaleReliabilityStatistics[];
  /** The four-factor model by ML (with MLR beside it). */
  readonly cfa: CfaSummary;
  /**
   * The four-factor model by WLSMV, the primary analysis when available (when it is not, the report
   * says why and ML is the one to read).
   */
  readonly ordinalCfa: OrdinalCfaSummary;
}

export interface InvarianceStepSummary {
  readonly from: 'configural' | 'metric';
  readonly to: 'metric' | 'scalar';
  readonly deltaCfi: number;
  readonly deltaRmsea: number;
  readonly holds: boolean;
}

/** Whether one scale may be compared across the two groups (scalar invariance of its one-factor model). */
export interface ScaleComparability {
  readonly scale: string;
  readonly title: string;
  readonly holds: boolean;
  readonly steps: readonly InvarianceStepSummary[];
  /** Plain English. */
  readonly verdict: string;
}

export interface InvarianceComparison {
  readonly kind: 'waves' | 'services';
  /** The two groups, earlier wave (or children's) first. */
  readonly groups: readonly [string, string];
  readonly service: ServiceKind | null;
  readonly fromWaveId: string | null;
  readonly toWaveId: string | null;
  readonly n: readonly [number, number];
  /** The four-factor model: configural, metric, scalar fits. */
  readonly fits: {
    readonly configural: FitSummary;
    readonly metric: FitSummary;
    readonly scalar: FitSummary;
  } | null;
  readonly steps: readonly InvarianceStepSummary[];
  readonly holds: boolean;
  /**
   * Where scalar invariance fails: intercepts released one at a time by the largest score test
   * (lavTestScore) until the criteria hold, and whether they then do.
   */
  readonly partial: {
    readonly releasedIntercepts: readonly {
      readonly item: string;
      readonly x2: number;
      readonly pvalue: number;
    }[];
    readonly holds: boolean;
  } | null;
  readonly scales: readonly ScaleComparability[];
  readonly verdict: string;
}

export interface ValidationReport {
  readonly instrument: { readonly key: string; readonly version: number; readonly title: string };
  readonly waves: readonly WaveRef[];
  readonly computedAt: string;
  /** How invariance is judged (Chen 2007 cut-offs) and which estimator, in words. */
  readonly method: string;
  readonly groups: readonly ValidationGroup[];
  readonly invariance: readonly InvarianceComparison[];
}
