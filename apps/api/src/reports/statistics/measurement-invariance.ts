/**
 * Whether a scale measured the same thing in two waves, so that a change in its mean can be read as
 * a change (scalar invariance: equal loadings and equal intercepts across the waves).
 *
 * With thousands of responses per wave the chi-square difference test rejects trivial differences,
 * so the verdict uses the change in fit indices: Chen (2007), "Sensitivity of goodness of fit
 * indexes to lack of measurement invariance", Structural Equation Modeling 14(3):464–504 —
 * for N > 300, non-invariance is indicated by ΔCFI ≤ −0.010 together with ΔRMSEA ≥ 0.015. We are
 * stricter than Chen and require both criteria to hold at both steps (configural → metric and
 * metric → scalar): ΔCFI ≥ −0.01 and ΔRMSEA ≤ 0.015.
 */

export const MAX_CFI_DROP = 0.01;
export const MAX_RMSEA_RISE = 0.015;
/** A step exactly at a limit passes, whatever the last bit of floating point says. */
const TOLERANCE = 1e-9;

export interface FitIndices {
  readonly cfi: number;
  readonly rmsea: number;
  readonly converged: boolean;
}

export interface InvarianceFits {
  readonly configural: FitIndices;
  readonly metric: FitIndices;
  readonly scalar: FitIndices;
}

export interface InvarianceStep {
  readonly from: 'configural' | 'metric';
  readonly to: 'metric' | 'scalar';
  readonly deltaCfi: number;
  readonly deltaRmsea: number;
  readonly holds: boolean;
}

export type InvarianceVerdict =
  | { readonly holds: true; readonly steps: readonly InvarianceStep[] }
  | { readonly holds: false; readonly steps: readonly InvarianceStep[]; readonly why: string };

function step(
  from: 'configural' | 'metric',
  to: 'metric' | 'scalar',
  a: FitIndices,
  b: FitIndices,
): InvarianceStep {
  const deltaCfi = b.cfi - a.cfi;
  const deltaRmsea = b.rmsea - a.rmsea;
  const holds =
    Number.isFinite(deltaCfi) &&
    Number.isFinite(deltaRmsea) &&
    deltaCfi >= -MAX_CFI_DROP - TOLERANCE &&
    deltaRmsea <= MAX_RMSEA_RISE + TOLERANCE;
  return { from, to, deltaCfi, deltaRmsea, holds };
}

/** Chen (2007) criteria applied to the configural, metric and scalar fits of one scale. */
export function invarianceVerdict(fits: InvarianceFits): InvarianceVerdict {
  const steps = [
    step('configural', 'metric', fits.configural, fits.metric),
    step('metric', 'scalar', fits.metric, fits.scalar),
  ];
  if (!fits.configural.converged || !fits.metric.converged || !fits.scalar.converged) {
    return { holds: false, steps, why: 'a model did not converge' };
  }
  const failed = steps.find((s) => !s.holds);
  if (failed) {
    return {
      holds: false,
      steps,
      why: `fit worsened too much from the ${failed.from} to the ${failed.to} model`,
    };
  }
  return { holds: true, steps };
}

/** lavaan-style syntax for a one-factor model of one scale (the first item is the marker). */
export function oneFactorModel(scaleKey: string, items: readonly string[]): string {
  return `${scaleKey} =~ ${items.join(' + ')}`;
}
