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
import { inverseSpd } from '../linalg';
import type { GroupCases } from './case-data';
import { observedBlock } from './em-saturated';
import { momentLayout, type MomentLayout } from './moments-layout';

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

/** Observed information of the saturated model at (mu, sigma), size×size for a mean structure. */
export function h1ObservedInformation(
  cases: GroupCases,
  mu: Float64Array,
  sigma: Float64Array,
): Float64Array {
  const { p, n: N } = cases;
  const layout = momentLayout(p, true);
  const K = layout.size;
  const H = new Float64Array(K * K);
  for (const pat of cases.patterns) {
    const o = pat.observed;
    const po = o.length;
    const P = inverseSpd(observedBlock(sigma, p, o), po, 'the saturated covariance');
    const d = new Float64Array(po);
    for (let a = 0; a < po; a++) d[a] = pat.mean[a]! - mu[o[a]!]!;
    const e = new Float64Array(po);
    for (let a = 0; a < po; a++) for (let b = 0; b < po; b++) e[a]! += P[a * po + b]! * d[b]!;
    // Q = P (S_k + dd') P
    const PW = new Float64Array(po * po);
    for (let a = 0; a < po; a++) {
      for (let b = 0; b < po; b++) {
        let v = e[a]! * d[b]!;
        for (let t = 0; t < po; t++) v += P[a * po + t]! * pat.cov[t * po + b]!;
        PW[a * po + b] = v;
      }
    }
    const Q = new Float64Array(po * po);
    for (let a = 0; a < po; a++) {
      for (let b = 0; b < po; b++) {
        let v = 0;
        for (let t = 0; t < po; t++) v += PW[a * po + t]! * P[t * po + b]!;
        Q[a * po + b] = v;
      }
    }
    const w = pat.n / N;
    const pairs = pairsOf(po);
    const idx = pairs.map(([a, b]) => layout.cov(o[a]!, o[b]!));
    for (let a = 0; a < po; a++) {
      for (let b = 0; b < po; b++)
        H[layout.mean(o[a]!) * K + layout.mean(o[b]!)]! += w * P[a * po + b]!;
      // μ_a with σ_cd: (P X e)_a = P_ac e_d + P_ad e_c (halved when c = d)
      pairs.forEach(([c, dd], j) => {
        let v = P[a * po + c]! * e[dd]! + P[a * po + dd]! * e[c]!;
        if (c === dd) v *= 0.5;
        const i1 = layout.mean(o[a]!);
        H[i1 * K + idx[j]!]! += w * v;
        H[idx[j]! * K + i1]! += w * v;
      });
    }
    // ½[2 tr(PXQY) − tr(PXPY)] = ½ tr(PX(2Q − P)Y)
    const R = new Float64Array(po * po);
    for (let i = 0; i < po * po; i++) R[i] = 2 * Q[i]! - P[i]!;
    for (let i = 0; i < pairs.length; i++) {
      const [a, b] = pairs[i]!;
      for (let j = 0; j <= i; j++) {
        const [c, dd] = pairs[j]!;
        const v = 0.5 * w * traceXY(P, R, po, a, b, c, dd);
        H[idx[i]! * K + idx[j]!]! += v;
        if (i !== j) H[idx[j]! * K + idx[i]!]! += v;
      }
    }
  }
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
  for (const pat of cases.patterns) {
    const o = pat.observed;
    const po = o.length;
    const P = inverseSpd(observedBlock(sigma, p, o), po, 'the saturated covariance');
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
  }
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
