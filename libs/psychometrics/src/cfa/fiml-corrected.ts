/**
 * lavaan 0.6-14's robust CFI/TLI/RMSEA under missing = "ml" (lav_fit_fiml_corrected, after Zhang &
 * Savalei's FIML-corrected indices): the complete-data ML statistic T₃ of the model at the FIML
 * estimates against the EM saturated moments (as if they were the sample moments), with a scaling
 * factor ĉ₃ = k/df from the saturated model's informations —
 *
 *   W_m = observed information with missing data (h1-information.ts), J_m = its first-order version,
 *   W_c = complete-data information, all at the EM moments; E = Σ_g f_g Δ_g' W_m Δ_g;
 *   U = W_m − W_m Δ E⁻¹ Δ' W_m (block form with f_g weights, scaled-test.ts);
 *   V6 (estimator ML):  k = tr(U · W_m⁻¹ W_c W_m⁻¹)
 *   V3 (estimator MLR): k = tr(U · W_m⁻¹ W_c W_m⁻¹ · U · W_m⁻¹ J_m W_m⁻¹)
 *
 * — and the same for the baseline (independence) model, whose FIML estimates are each variable's
 * observed mean and variance and whose Δ selects the means and variances.
 */
import { inverse, logDetSpd, matMul, transpose } from '../linalg';
import type { GroupCases } from './case-data';
import type { IndependenceMoments } from './baseline';
import type { SaturatedMoments } from './em-saturated';
import { h1ExpectedInformation } from './h1-information';
import { momentJacobian } from './moment-jacobian';
import { momentLayout } from './moments-layout';
import type { MlProblem } from './ml';
import { sandwichUGammaTraces, type UGammaGroup } from './scaled-test';

export interface FimlCorrectedInput {
  /** The complete-data ML objective of the model on the EM moments (fGroup = F_ML,g at z). */
  readonly completeData: MlProblem;
  readonly z: Float64Array;
  readonly cases: readonly GroupCases[];
  readonly h1: readonly SaturatedMoments[];
  readonly independence: readonly IndependenceMoments[];
  /** Per group: W_m (observed saturated information) and, for V3, J_m (first-order). */
  readonly Wm: readonly Float64Array[];
  readonly Jm: readonly Float64Array[] | null;
  readonly df: number;
  readonly baselineDf: number;
}

export interface FimlCorrected {
  /** T₃, ĉ₃ and T₃/ĉ₃ of the model and the baseline. */
  readonly chisq: number;
  readonly scalingFactor: number;
  readonly chisqScaled: number;
  readonly baselineChisq: number;
  readonly baselineScalingFactor: number;
}

export function fimlCorrected(input: FimlCorrectedInput): FimlCorrected {
  const { completeData: problem, z, cases, h1 } = input;
  const p = problem.p;
  const layout = momentLayout(p, true);
  const K = layout.size;
  const N = cases.reduce((a, c) => a + c.n, 0);
  const fg = cases.map((c) => c.n / N);
  const Wc = h1.map((m) => h1ExpectedInformation(m.cov, layout));
  const k = (Delta: readonly Float64Array[], q: number): number => {
    const groups: UGammaGroup[] = cases.map((_, g) => ({
      fg: fg[g]!,
      k: K,
      W: input.Wm[g]!,
      Delta: Delta[g]!,
    }));
    const E = new Float64Array(q * q);
    groups.forEach((gr) => {
      const DtWD = matMul(transpose(gr.Delta, K, q), matMul(gr.W, gr.Delta, K, K, q), q, K, q);
      for (let i = 0; i < q * q; i++) E[i]! += gr.fg * DtWD[i]!;
    });
    const Einv = inverse(E, q, 'the FIML-corrected information');
    // V6: tr(U Γ₁), V3: tr(U Γ₁ U Γ₂) with Γ₁ = W_m⁻¹ W_c W_m⁻¹, Γ₂ = W_m⁻¹ J_m W_m⁻¹
    const t = sandwichUGammaTraces(groups, Wc, input.Jm, Einv, q);
    return input.Jm ? t.traceProduct : t.trace;
  };

  const fGroup = problem.evaluate(z).fGroup;
  const chisq = cases.reduce((a, c, g) => a + c.n * Math.max(fGroup[g]!, 0), 0);
  const c3 = k(momentJacobian(problem, z), problem.nFree) / input.df;

  // baseline: per group 2p parameters (variances, means) selected from the moments
  const G = cases.length;
  const qB = G * 2 * p;
  const DeltaB = cases.map((_, g) => {
    const D = new Float64Array(K * qB);
    for (let a = 0; a < p; a++) {
      D[layout.cov(a, a) * qB + g * 2 * p + a] = 1;
      D[layout.mean(a) * qB + g * 2 * p + p + a] = 1;
    }
    return D;
  });
  let baselineChisq = 0;
  cases.forEach((c, g) => {
    const { mean, cov } = h1[g]!;
    const im = input.independence[g]!;
    let f = -logDetSpd(cov, p, 'the saturated covariance') - p;
    for (let a = 0; a < p; a++) {
      const v = im.variance[a]!;
      f += Math.log(v) + (cov[a * p + a]! + (mean[a]! - im.mean[a]!) ** 2) / v;
    }
    baselineChisq += c.n * f;
  });
  const c3null = k(DeltaB, qB) / input.baselineDf;
  return {
    chisq,
    scalingFactor: c3,
    chisqScaled: chisq / c3,
    baselineChisq,
    baselineScalingFactor: c3null,
  };
}
