/**
 * The FIML objective (lavaan 0.6-14, missing = "ml": estimator.FIML with
 * lav_mvnorm_missing_loglik_samplestats): each row's normal log-likelihood on the variables it observes,
 * summed by missing-data pattern k (n_k rows observing o, with mean ȳ_k and covariance S_k):
 *
 *   D_g(θ) = (1/N_g) Σ_k n_k [log|Σ_oo| + tr(Σ_oo⁻¹ S_k) + (ȳ_k − μ_o)' Σ_oo⁻¹ (ȳ_k − μ_o)]
 *   F(θ)   = Σ_g (N_g/N) · ½ [D_g(θ) − D_g(h1)]
 *
 * so that −2·logl_g = N_g·D_g + (Σ_k n_k p_o)·log 2π and N_g·(D_g(θ) − D_g(h1)) is the group's
 * likelihood-ratio chi-square against the EM saturated model h1. With complete data this is F_ML.
 *
 * The gradient is the ML chain rule with ∂D_g/∂Σ = G = (1/N_g) Σ_k n_k (P − P W_k P) and
 * ∂D_g/∂μ = −2h, h = (1/N_g) Σ_k n_k P d_k (P = Σ_oo⁻¹ zero-padded to p×p, d_k = ȳ_k − μ_o,
 * W_k = S_k + d_k d_k'); the expected information is the patterns' complete-data informations weighted
 * by n_k/N_g (lav_mvnorm_missing_information_expected) — used only to steer Fisher scoring.
 */
import { choleskyInverse, choleskyLogDet, matMul, transpose, tryCholesky } from '../linalg';
import type { GroupCases } from './case-data';
import { observedBlock } from './em-saturated';
import { chainRule, MlProblem, type Evaluation, type GroupStats } from './ml';
import type { CompiledModel } from './partable';

export interface FimlGroup {
  readonly cases: GroupCases;
  /** D_g at the EM saturated moments. */
  readonly h1Deviance: number;
}

/** One pattern's Σ_oo⁻¹ (zero-padded to p×p) and the pattern's contribution to D_g. */
export interface PatternInverse {
  /** p×p: Σ_oo⁻¹ on the observed rows and columns, 0 elsewhere. */
  readonly P: Float64Array;
  /** log|Σ_oo| + tr(Σ_oo⁻¹ S_k) + d'Σ_oo⁻¹d. */
  readonly deviance: number;
  /** Σ_oo⁻¹ d, zero-padded to p. */
  readonly Pd: Float64Array;
}

/** Σ_oo⁻¹ and the deviance of every pattern of a group at (μ, Σ); null when some Σ_oo is not positive definite. */
export function patternInverses(
  cases: GroupCases,
  mu: Float64Array,
  sigma: Float64Array,
): PatternInverse[] | null {
  const { p } = cases;
  const out: PatternInverse[] = [];
  for (const pat of cases.patterns) {
    const o = pat.observed;
    const po = o.length;
    const L = tryCholesky(observedBlock(sigma, p, o), po);
    if (!L) return null;
    const Poo = choleskyInverse(L, po);
    const P = new Float64Array(p * p);
    const Pd = new Float64Array(p);
    let deviance = choleskyLogDet(L, po);
    for (let a = 0; a < po; a++) {
      let pd = 0;
      for (let b = 0; b < po; b++) {
        const v = Poo[a * po + b]!;
        P[o[a]! * p + o[b]!] = v;
        pd += v * (pat.mean[b]! - mu[o[b]!]!);
        deviance += v * pat.cov[b * po + a]!;
      }
      Pd[o[a]!] = pd;
      deviance += pd * (pat.mean[a]! - mu[o[a]!]!);
    }
    out.push({ P, deviance, Pd });
  }
  return out;
}

export class FimlProblem extends MlProblem {
  constructor(
    model: CompiledModel,
    stats: readonly GroupStats[],
    private readonly data: readonly FimlGroup[],
  ) {
    super(model, stats);
  }

  override evaluate(z: ArrayLike<number>, wantGrad = false, wantInfo = false): Evaluation {
    const implied = this.implied(z);
    const { p, m, nFree } = this;
    const grad = wantGrad ? new Float64Array(nFree) : undefined;
    const info = wantInfo ? new Float64Array(nFree * nFree) : undefined;
    const fGroup: number[] = [];
    let f = 0;
    for (let g = 0; g < this.data.length; g++) {
      const { cases, h1Deviance } = this.data[g]!;
      const { sigma, mu } = implied[g]!;
      const inverses = patternInverses(cases, mu, sigma);
      if (!inverses) return { f: Number.POSITIVE_INFINITY, fGroup: [] };
      const Ng = cases.n;
      let D = 0;
      inverses.forEach((inv, k) => (D += (cases.patterns[k]!.n / Ng) * inv.deviance));
      const fg = D - h1Deviance;
      if (!Number.isFinite(fg)) return { f: Number.POSITIVE_INFINITY, fGroup: [] };
      fGroup.push(fg);
      const wg = this.stats[g]!.w;
      f += wg * 0.5 * fg;
      const w = this.work[g]!;
      if (grad) {
        const G = new Float64Array(p * p);
        const h = new Float64Array(p);
        inverses.forEach((inv, k) => addPatternDerivative(cases, k, inv, p, G, h));
        const lp = matMul(w.lambda, w.psi, p, m, m);
        const gl = matMul(G, w.lambda, p, p, m);
        chainRule(
          this.free[g]!,
          w.alpha,
          m,
          {
            glp: matMul(G, lp, p, p, m),
            ltgl: matMul(transpose(w.lambda, p, m), gl, m, p, m),
            gEntry: (i, j) => G[i * p + j]!,
            h: this.model.meanStructure ? h : null,
            lth: this.model.meanStructure ? matMul(h, w.lambda, 1, p, m) : null,
          },
          0.5 * wg,
          grad,
        );
      }
      if (info) {
        inverses.forEach((inv, k) => {
          const nk = cases.patterns[k]!.n;
          this.information(g, (wg * nk) / Ng, w, inv.P, matMul(inv.P, w.lambda, p, p, m), info);
        });
      }
    }
    return { f, fGroup, grad, info };
  }
}

/** Adds (n_k/N_g)(P − P S_k P − (Pd)(Pd)') to G and (n_k/N_g) P d to h for pattern k. */
function addPatternDerivative(
  cases: GroupCases,
  k: number,
  inv: PatternInverse,
  p: number,
  G: Float64Array,
  h: Float64Array,
): void {
  const pat = cases.patterns[k]!;
  const o = pat.observed;
  const po = o.length;
  const wk = pat.n / cases.n;
  // P S_k P on the observed block: (Σ_oo⁻¹ S_k) Σ_oo⁻¹
  const Poo = observedBlock(inv.P, p, o);
  const PSP = matMul(matMul(Poo, pat.cov, po, po, po), Poo, po, po, po);
  for (let a = 0; a < po; a++) {
    const ia = o[a]!;
    h[ia]! += wk * inv.Pd[ia]!;
    for (let b = 0; b < po; b++) {
      const ib = o[b]!;
      G[ia * p + ib]! += wk * (inv.P[ia * p + ib]! - PSP[a * po + b]! - inv.Pd[ia]! * inv.Pd[ib]!);
    }
  }
}
