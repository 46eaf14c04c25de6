/**
 * Information matrices of the saturated model (lavaan's "h1": free means and covariances) of one group,
 * per row (divided by N_g), on the moment layout of moments-layout.ts:
 *
 * - {@link h1ObservedInformation}: the Hessian of −logl/N_g at (μ, Σ) with each row on its observed
 *   variables (lav_mvnorm_missing_information_observed_samplestats). Per pattern k (n_k rows, P = Σ_oo⁻¹,
 *   d = ȳ_k − μ_o, e = P d, Q = P (S_k + dd') P), in directions X, Y of Σ:
 *     μμ: n_k P;   μ_a,Σ[X]: n_k (P X e)_a;   Σ[X],Σ[Y]: ½ n_k [2 tr(P X Q Y) − tr(P X P Y)]
 * - {@link h1FirstOrder}: (1/N_g) Σ_i s_i s_i' with s_i the row's score for (μ, σ)
 *   (lav_mvnorm_missing_information_firstorder): s_μ = e_i, s_σab = (e e' − P)_ab (½ on the diagonal).
 * - {@link h1ExpectedInformation}: complete data, Σ⁻¹ for the means and ½ D'(Σ⁻¹ ⊗ Σ⁻¹) D for the
 *   covariances (lav_mvnorm_h1_information_expected).
 */
import { inverseSpd, matMul, NotPositiveDefiniteError } from '../linalg';
import { patternInverses, type PatternInverse } from './fiml';
import type { GroupCases } from './case-data';
import { momentLayout, type MomentLayout } from './moments-layout';

/** Σ_oo⁻¹ of every pattern at the saturated moments (which are positive definite by construction). */
function saturatedInverses(
  cases: GroupCases,
  mu: Float64Array,
  sigma: Float64Array,
): PatternInverse[] {
  const inverses = patternInverses(cases, mu, sigma);
  if (!inverses) {
    throw new NotPositiveDefiniteError('the covariance matrix of the saturated model', 0);
  }
  return inverses;
}

/** Distinct covariance elements (a ≥ b) of the variables `o`, as index pairs into `o`. */
function pairsOf(po: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < po; a++) for (let b = 0; b <= a; b++) out.push([a, b]);
  return out;
}

/**
 * tr(A X B Y) for symmetric A, B and the directions of σ_ab and σ_cd: X = E_ab + E_ba (E_aa when a = b),
 * Y likewise, so tr(A X B Y) = A_da B_bc + A_ca B_bd + A_db B_ac + A_cb B_ad, halved per diagonal direction.
 */
function traceXY(
  A: Float64Array,
  B: Float64Array,
  n: number,
  a: number,
  b: number,
  c: number,
  d: number,
): number {
  let v =
    A[d * n + a]! * B[b * n + c]! +
    A[c * n + a]! * B[b * n + d]! +
    A[d * n + b]! * B[a * n + c]! +
    A[c * n + b]! * B[a * n + d]!;
  if (a === b) v *= 0.5;
  if (c === d) v *= 0.5;
  return v;
}

/**
 * Observed information of the saturated model at (mu, sigma): the Hessian of −logl/N_g with respect to
 * the means and covariances. Per pattern, ½[2 tr(PXQY) − tr(PXPY)] = ½ tr(P X R Y) with R = 2Q − P.
 */
export function h1ObservedInformation(
  cases: GroupCases,
  mu: Float64Array,
  sigma: Float64Array,
): Float64Array {
  const { p, n: N, y } = cases;
  const layout = momentLayout(p, true);
  const K = layout.size;
  const H = new Float64Array(K * K);
  const inverses = saturatedInverses(cases, mu, sigma);
  cases.patterns.forEach((pat, k) => {
    const o = pat.observed;
    const po = o.length;
    const P = inverses[k]!.Poo;
    const e = new Float64Array(po);
    for (let a = 0; a < po; a++) e[a] = inverses[k]!.Pd[o[a]!]!;
    // Q = P (S_k + dd') P: from the rows when they are fewer than the variables
    const Q = new Float64Array(po * po);
    if (pat.n < po) {
      const er = new Float64Array(po);
      for (const r of pat.rows) {
        for (let a = 0; a < po; a++) {
          let v = 0;
          for (let b = 0; b < po; b++) v += P[a * po + b]! * (y[r * p + o[b]!]! - mu[o[b]!]!);
          er[a] = v / Math.sqrt(pat.n);
        }
        for (let a = 0; a < po; a++) for (let b = 0; b < po; b++) Q[a * po + b]! += er[a]! * er[b]!;
      }
    } else {
      const PSP = matMul(matMul(P, pat.cov, po, po, po), P, po, po, po);
      for (let a = 0; a < po; a++) {
        for (let b = 0; b < po; b++) Q[a * po + b] = PSP[a * po + b]! + e[a]! * e[b]!;
      }
    }
    const R = new Float64Array(po * po);
    for (let i = 0; i < po * po; i++) R[i] = 2 * Q[i]! - P[i]!;
    const w = pat.n / N;
    for (let a = 0; a < po; a++) {
      const ia = layout.mean(o[a]!) * K;
      for (let b = 0; b < po; b++) H[ia + layout.mean(o[b]!)]! += w * P[a * po + b]!;
      // μ_a with σ_cd: (P X e)_a = P_ac e_d + P_ad e_c (halved when c = d)
      for (let c = 0; c < po; c++) {
        for (let d = 0; d <= c; d++) {
          let v = P[a * po + c]! * e[d]! + P[a * po + d]! * e[c]!;
          if (c === d) v *= 0.5;
          const jc = layout.cov(o[c]!, o[d]!);
          H[ia + jc]! += w * v;
          H[jc * K + layout.mean(o[a]!)]! += w * v;
        }
      }
    }
    // σ_ab with σ_cd: ½ tr(P X R Y) = ½ (P_ad R_bc + P_ac R_bd + P_bd R_ac + P_bc R_ad), halved per
    // diagonal direction
    for (let a = 0; a < po; a++) {
      const pa = a * po;
      for (let b = 0; b <= a; b++) {
        const pb = b * po;
        const row = layout.cov(o[a]!, o[b]!) * K;
        const sab = a === b ? 0.25 * w : 0.5 * w;
        for (let c = 0; c < po; c++) {
          const Pac = P[pa + c]!;
          const Pbc = P[pb + c]!;
          const Rac = R[pa + c]!;
          const Rbc = R[pb + c]!;
          for (let d = 0; d <= c; d++) {
            let v = P[pa + d]! * Rbc + Pac * R[pb + d]! + P[pb + d]! * Rac + Pbc * R[pa + d]!;
            if (c === d) v *= 0.5;
            H[row + layout.cov(o[c]!, o[d]!)]! += sab * v;
          }
        }
      }
    }
  });
  return H;
}

/** First-order information of the saturated model at (mu, sigma): (1/N_g) Σ_i s_i s_i'. */
export function h1FirstOrder(
  cases: GroupCases,
  mu: Float64Array,
  sigma: Float64Array,
): Float64Array {
  const { p, n: N, y } = cases;
  const layout = momentLayout(p, true);
  const K = layout.size;
  const B = new Float64Array(K * K);
  const idx = new Int32Array(K);
  const val = new Float64Array(K);
  const inverses = saturatedInverses(cases, mu, sigma);
  cases.patterns.forEach((pat, k) => {
    const o = pat.observed;
    const po = o.length;
    const P = inverses[k]!.Poo;
    const e = new Float64Array(po);
    for (const r of pat.rows) {
      e.fill(0);
      for (let a = 0; a < po; a++) {
        for (let b = 0; b < po; b++) e[a]! += P[a * po + b]! * (y[r * p + o[b]!]! - mu[o[b]!]!);
      }
      // the row's nonzero scores: means, then σ_ab (a ≥ b) of the observed variables
      let nz = 0;
      for (let a = 0; a < po; a++) {
        idx[nz] = layout.mean(o[a]!);
        val[nz++] = e[a]!;
      }
      for (let a = 0; a < po; a++) {
        for (let b = 0; b <= a; b++) {
          idx[nz] = layout.cov(o[a]!, o[b]!);
          const v = e[a]! * e[b]! - P[a * po + b]!;
          val[nz++] = a === b ? 0.5 * v : v;
        }
      }
      for (let i = 0; i < nz; i++) {
        const vi = val[i]! / N;
        const ri = idx[i]! * K;
        for (let j = 0; j < nz; j++) B[ri + idx[j]!]! += vi * val[j]!;
      }
    }
  });
  return B;
}

/** Complete-data (expected) information of the saturated model at Σ, with or without the means. */
export function h1ExpectedInformation(sigma: Float64Array, layout: MomentLayout): Float64Array {
  const { p, size: K } = layout;
  const P = inverseSpd(sigma, p, 'the saturated covariance');
  const H = new Float64Array(K * K);
  if (layout.meanStructure) {
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) H[layout.mean(a) * K + layout.mean(b)] = P[a * p + b]!;
    }
  }
  const pairs = pairsOf(p);
  for (let i = 0; i < pairs.length; i++) {
    const [a, b] = pairs[i]!;
    for (let j = 0; j <= i; j++) {
      const [c, d] = pairs[j]!;
      const v = 0.5 * traceXY(P, P, p, a, b, c, d);
      H[layout.cov(a, b) * K + layout.cov(c, d)] = v;
      H[layout.cov(c, d) * K + layout.cov(a, b)] = v;
    }
  }
  return H;
}
