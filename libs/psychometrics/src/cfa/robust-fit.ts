/**
 * The scaled and robust fit measures lavaan 0.6-14's fitMeasures() reports next to the standard ones
 * (lav_fit_cfi_lavobject, lav_fit_rmsea_lavobject):
 *
 * - "scaled": the standard formulas on the scaled statistics — CFI/TLI from T/ĉ and T_null/ĉ_null; the
 *   RMSEA (and its CI and close-fit p) from T with df replaced by tr(UΓ) (= ĉ·df), so RMSEA_scaled =
 *   sqrt(max(T/(N·tr UΓ) − 1/N, 0))·√G.
 * - "robust": the population-corrected versions (Brosseau-Liard, Savalei & Li 2012 for the RMSEA;
 *   Brosseau-Liard & Savalei 2014 for CFI/TLI): T with df multiplied by ĉ, e.g.
 *   RMSEA_robust = sqrt(max(T/(N·df) − ĉ/N, 0))·√G, CFI_robust = 1 − max(T − ĉ·df, 0) /
 *   max(T − ĉ·df, T_null − ĉ_null·df_null, 0); the CI from T/ĉ with λ scaled back by ĉ. Under FIML, T,
 *   ĉ and their baseline counterparts are lavaan's FIML-corrected ones (fiml-corrected.ts).
 */
import {
  cfiOf,
  rmseaCiBoth,
  rmseaCloseFitPvalue,
  rmseaNotCloseFitPvalue,
  rmseaOf,
  tliOf,
} from './fit-measures';
import { scaledStatistic, type ScaledStatistic } from './scaled-test';

/** CFI, TLI and RMSEA with its 90% CI and close-fit p-values, in one of lavaan's versions. */
export interface FitIndices {
  readonly cfi: number;
  readonly tli: number;
  readonly rmsea: number;
  readonly rmseaCiLower: number;
  readonly rmseaCiUpper: number;
  readonly rmseaPvalue: number;
  readonly rmseaNotClosePvalue: number;
}

/** lavaan's `*.scaled` fit measures: the scaled test, its baseline, and the indices built on them. */
export interface ScaledFit extends FitIndices {
  /** chisq.scaled = chisq / chisq.scaling.factor. */
  readonly chisq: number;
  readonly df: number;
  readonly pvalue: number;
  /** chisq.scaling.factor ĉ = tr(UΓ)/df. */
  readonly scalingFactor: number;
  /** tr(UΓ): the df that the scaled RMSEA uses. */
  readonly traceUGamma: number;
  readonly baselineChisq: number;
  readonly baselineDf: number;
  readonly baselinePvalue: number;
  readonly baselineScalingFactor: number;
}

/** lavaan's `*.robust` fit measures. */
export type RobustFit = FitIndices;

export interface ScaledFitInput {
  readonly chisq: number;
  readonly df: number;
  readonly traceUGamma: number;
  readonly baselineChisq: number;
  readonly baselineDf: number;
  readonly baselineTraceUGamma: number;
  /** Total N and the number of groups. */
  readonly n: number;
  readonly nGroups: number;
}

/** The scaled test of the model and the baseline, and the fit measures built on them. */
export function scaledFit(input: ScaledFitInput): {
  fit: ScaledFit;
  model: ScaledStatistic;
  baseline: ScaledStatistic;
} {
  const { n, nGroups: G } = input;
  const model = scaledStatistic(input.chisq, input.df, input.traceUGamma);
  const baseline = scaledStatistic(
    input.baselineChisq,
    input.baselineDf,
    input.baselineTraceUGamma,
  );
  // lav_fit_rmsea_lavobject: df2 = tr(UΓ), NA when not finite or 0
  const df2 =
    Number.isFinite(model.traceUGamma) && model.traceUGamma !== 0 ? model.traceUGamma : Number.NaN;
  const ci = rmseaCiBoth(input.chisq, df2, n, G).exact;
  return {
    model,
    baseline,
    fit: {
      chisq: model.chisq,
      df: input.df,
      pvalue: model.pvalue,
      scalingFactor: model.scalingFactor,
      traceUGamma: model.traceUGamma,
      baselineChisq: baseline.chisq,
      baselineDf: input.baselineDf,
      baselinePvalue: baseline.pvalue,
      baselineScalingFactor: baseline.scalingFactor,
      cfi: cfiOf(model.chisq, input.df, baseline.chisq, input.baselineDf),
      tli: tliOf(model.chisq, input.df, baseline.chisq, input.baselineDf),
      rmsea: rmseaOf(input.chisq, df2, n, G),
      rmseaCiLower: ci.lower,
      rmseaCiUpper: ci.upper,
      rmseaPvalue: rmseaCloseFitPvalue(input.chisq, df2, n, G),
      rmseaNotClosePvalue: rmseaNotCloseFitPvalue(input.chisq, df2, n, G),
    },
  };
}

export interface RobustFitInput {
  /** The statistic T, its df and scaling factor ĉ, and T/ĉ. */
  readonly chisq: number;
  readonly df: number;
  readonly scalingFactor: number;
  readonly chisqScaled: number;
  readonly baselineChisq: number;
  readonly baselineDf: number;
  readonly baselineScalingFactor: number;
  readonly n: number;
  readonly nGroups: number;
}

/** Robust CFI, TLI, RMSEA with its CI and close-fit p-values. */
export function robustFit(input: RobustFitInput): RobustFit {
  const { chisq, df, scalingFactor: c, n, nGroups: G } = input;
  const cNull = input.baselineScalingFactor;
  const ci = rmseaCiBoth(input.chisqScaled, df, n, G, c).exact;
  return {
    cfi: cfiOf(chisq, df, input.baselineChisq, input.baselineDf, c, cNull),
    tli: tliOf(chisq, df, input.baselineChisq, input.baselineDf, c, cNull),
    rmsea: rmseaOf(chisq, df, n, G, c),
    rmseaCiLower: ci.lower,
    rmseaCiUpper: ci.upper,
    rmseaPvalue: rmseaCloseFitPvalue(input.chisqScaled, df, n, G, 0.05, c),
    rmseaNotClosePvalue: rmseaNotCloseFitPvalue(input.chisqScaled, df, n, G, 0.08, c),
  };
}
