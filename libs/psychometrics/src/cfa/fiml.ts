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
import {
  choleskyInverse,
  choleskyLogDet,
  choleskySolve,
  matMul,
  transpose,
  tryCholesky,
} from '../linalg';
import type { GroupCases } from './case-data';
import { observedBlock } from './em-saturated';
import { chainRule, MlProblem, type Evaluation, type GroupStats } from './ml';
import type { CompiledModel } from './partable';

export interface FimlGroup {
  readonly cases: GroupCases;
  /** D_g at the EM saturated moments. */
  readonly h1Deviance: number;
}

/** One pattern's Σ_oo⁻¹ and the pattern's contribution to D_g. */
export interface PatternInverse {
  /** Σ_oo⁻¹, p_o×p_o. */
  readonly Poo: Float64Array;
  /** log|Σ_oo| + tr(Σ_oo⁻¹ S_k) + d'Σ_oo⁻¹d. */
  readonly deviance: number;
  /** Σ_oo⁻¹ d, zero-padded to p. */
  readonly Pd: Float64Array;
}

/**
 * Σ_oo⁻¹ and log|Σ_oo| of one pattern. With few variables missing they come from A = Σ⁻¹ (computed once
 * per group): Σ_oo⁻¹ = A_oo − A_om A_mm⁻¹ A_mo and |Σ_oo| = |Σ|·|A_mm| (the partitioned inverse), which
 * costs p_o²·p_m instead of p_o³; otherwise, or when Σ itself is not positive definite, Σ_oo is
 * factored directly. Null when Σ_oo is not positive definite.
 */
function observedInverse(
  sigma: Float64Array,
  full: { A: Float64Array; logDet: number } | null,
  p: number,
  o: Int32Array,
): { Poo: Float64Array; logDet: number } | null {
  const po = o.length;
  const pm = p - po;
  if (full && pm === 0) return { Poo: full.A.slice(), logDet: full.logDet };
  if (full && pm <= po) {
    const { A } = full;
    const m: number[] = [];
    for (let j = 0, a = 0; j < p; j++) {
      if (a < po && o[a] === j) a++;
      else m.push(j);
    }
    const Amm = new Float64Array(pm * pm);
    for (let k = 0; k < pm; k++)
      for (let l = 0; l < pm; l++) Amm[k * pm + l] = A[m[k]! * p + m[l]!]!;
    const Lm = tryCholesky(Amm, pm);
    if (Lm) {
      // X = A_mm⁻¹ A_mo (pm×po), then Σ_oo⁻¹ = A_oo − A_om X
      const X = new Float64Array(pm * po);
      const col = new Float64Array(pm);
      for (let b = 0; b < po; b++) {
        for (let k = 0; k < pm; k++) col[k] = A[m[k]! * p + o[b]!]!;
        const x = choleskySolve(Lm, pm, col);
        for (let k = 0; k < pm; k++) X[k * po + b] = x[k]!;
      }
      const Poo = observedBlock(A, p, o);
      for (let a = 0; a < po; a++) {
        for (let b = 0; b <= a; b++) {
          let v = 0;
          for (let k = 0; k < pm; k++) v += A[o[a]! * p + m[k]!]! * X[k * po + b]!;
          Poo[a * po + b]! -= v;
          if (a !== b) Poo[b * po + a] = Poo[a * po + b]!;
        }
      }
      return { Poo, logDet: full.logDet + choleskyLogDet(Lm, pm) };
    }
  }
  const L = tryCholesky(observedBlock(sigma, p, o), po);
  return L ? { Poo: choleskyInverse(L, po), logDet: choleskyLogDet(L, po) } : null;
}

/** Σ_oo⁻¹ and the deviance of every pattern of a group at (μ, Σ); null when some Σ_oo is not positive definite. */
export function patternInverses(
  cases: GroupCases,
  mu: Float64Array,
  sigma: Float64Array,
): PatternInverse[] | null {
  const { p } = cases;
  const Lfull = tryCholesky(sigma, p);
  const full = Lfull ? { A: choleskyInverse(Lfull, p), logDet: choleskyLogDet(Lfull, p) } : null;
  const out: PatternInverse[] = [];
  for (const pat of cases.patterns) {
    const o = pat.observed;
    const po = o.length;
    const inv = observedInverse(sigma, full, p, o);
    if (!inv) return null;
    const { Poo } = inv;
    const Pd = new Float64Array(p);
    let deviance = inv.logDet;
    for (let a = 0; a < po; a++) {
      let pd = 0;
      for (let b = 0; b < po; b++) {
        const v = Poo[a * po + b]!;
        pd += v * (pat.mean[b]! - mu[o[b]!]!);
        deviance += v * pat.cov[b * po + a]!;
      }
      Pd[o[a]!] = pd;
      deviance += pd * (pat.mean[a]! - mu[o[a]!]!);
    }
    out.push({ Poo, deviance, Pd });
  }
  return out;
}

/** Σ_oo⁻¹ zero-padded to p×p (observed rows and columns of pattern `o`). */
export function padded(Poo: Float64Array, o: Int32Array, p: number): Float64Array {
  const po = o.length;
  const P = new Float64Array(p * p);
  for (let a = 0; a < po; a++) for (let b = 0; b < po; b++) P[o[a]! * p + o[b]!] = Poo[a * po + b]!;
  return P;
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
        const { G, h } = momentDerivatives(cases, inverses, mu);
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
          const P = padded(inv.Poo, cases.patterns[k]!.observed, p);
          this.information(g, (wg * nk) / Ng, w, P, matMul(P, w.lambda, p, p, m), info);
        });
      }
    }
    return { f, fGroup, grad, info };
  }
}

/**
 * ∂D_g/∂Σ = G = (1/N_g) Σ_k n_k (P − P W_k P) and h = (1/N_g) Σ_k n_k P d_k (∂D_g/∂μ = −2h) at the moments
 * the inverses were taken at (see the module comment).
 */
export function momentDerivatives(
  cases: GroupCases,
  inverses: readonly PatternInverse[],
  mu: Float64Array,
): { G: Float64Array; h: Float64Array } {
  const { p } = cases;
  const G = new Float64Array(p * p);
  const h = new Float64Array(p);
  inverses.forEach((inv, k) => addPatternDerivative(cases, k, inv, mu, G, h));
  return { G, h };
}

/**
 * Adds (n_k/N_g)(P − P W_k P) to G and (n_k/N_g) P d to h for pattern k, W_k = S_k + dd'. As
 * n_k·W_k = Σ_rows (y − μ_o)(y − μ_o)', a pattern with fewer rows than variables takes P W_k P from its
 * rows (e_r = P(y_r − μ_o), p_o² each) instead of the p_o³ product P S_k P.
 */
function addPatternDerivative(
  cases: GroupCases,
  k: number,
  inv: PatternInverse,
  mu: Float64Array,
  G: Float64Array,
  h: Float64Array,
): void {
  const { p, y } = cases;
  const pat = cases.patterns[k]!;
  const o = pat.observed;
  const po = o.length;
  const wk = pat.n / cases.n;
  const { Poo } = inv;
  for (let a = 0; a < po; a++) {
    const ia = o[a]!;
    h[ia]! += wk * inv.Pd[ia]!;
    for (let b = 0; b < po; b++) G[ia * p + o[b]!]! += wk * Poo[a * po + b]!;
  }
  if (pat.n < po) {
    const d = new Float64Array(po);
    const e = new Float64Array(po);
    for (const r of pat.rows) {
      for (let a = 0; a < po; a++) d[a] = y[r * p + o[a]!]! - mu[o[a]!]!;
      for (let a = 0; a < po; a++) {
        let v = 0;
        for (let b = 0; b < po; b++) v += Poo[a * po + b]! * d[b]!;
        e[a] = v;
      }
      for (let a = 0; a < po; a++) {
        const ea = e[a]! / cases.n;
        for (let b = 0; b < po; b++) G[o[a]! * p + o[b]!]! -= ea * e[b]!;
      }
    }
    return;
  }
  const PSP = matMul(matMul(Poo, pat.cov, po, po, po), Poo, po, po, po);
  for (let a = 0; a < po; a++) {
    const ia = o[a]!;
    for (let b = 0; b < po; b++) {
      const ib = o[b]!;
      G[ia * p + ib]! -= wk * (PSP[a * po + b]! + inv.Pd[ia]! * inv.Pd[ib]!);
    }
  }
}
