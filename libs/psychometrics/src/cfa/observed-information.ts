/**
 * The observed information of the model, E = ∂²F/∂z∂z' with F = −logl/N (lavaan 0.6-14's
 * information = "observed", observed.information = "hessian", which lavaan takes by differencing its
 * analytic gradient; here in closed form):
 *
 *   E = Σ_g (N_g/N) [ Σ_k (n_k/N_g) ∂m'/∂z H_k ∂m/∂z' + ½ tr(G_g ∂²Σ/∂z_i∂z_j) − h_g' ∂²μ/∂z_i∂z_j ]
 *
 * H_k is the Hessian of a row's −log φ in the moments (each pattern k on its observed variables, see
 * h1-information.ts): with P = Σ_oo⁻¹, e = P(ȳ_k − μ_o), Q = P(S_k + dd')P and R = 2Q − P (all padded
 * to p×p), in directions ∂Σ_i, ∂μ_i of parameters i and j
 *   ½ tr(P ∂Σ_i R ∂Σ_j) + ∂μ_i'P∂μ_j + (P∂Σ_i e)'∂μ_j + (P∂Σ_j e)'∂μ_i.
 * Every ∂Σ_i = s_i(a b' + b a') and ∂μ_i = t_i c with a, b, c columns of B = [I | ΛΨ | Λ]
 * (ml.ts momentDirections), so the traces are products of entries of B'PB, B'RB and B'e — O(p²·r + q²)
 * per pattern. G_g, h_g are the first derivatives (d(−logl_g/N_g) = ½ tr(G dΣ) − h'dμ, fiml.ts), and the
 * second derivatives of Σ = ΛΨΛ' + Θ and μ = ν + Λα are nonzero only for
 *   λ_jc, λ_kd:  ψ_cd (E_jk + E_kj)           → ψ_cd G_jk
 *   λ_jc, ψ_kl:  from Λ(E_kl + E_lk)Λ'        → δ_ck (GΛ)_jl + δ_cl (GΛ)_jk   (once for k = l)
 *   λ_jc, α_k:   ∂²μ = δ_ck e_j               → −δ_ck h_j
 * Without a mean structure μ is the sample mean, so h = 0 and only the covariances vary.
 */
import { matMul } from '../linalg';
import type { GroupCases } from './case-data';
import { momentDerivatives, padded, patternInverses, type PatternInverse } from './fiml';
import {
  bPrimeXB,
  momentDirections,
  type FreeEntry,
  type GroupMatrices,
  type MlProblem,
} from './ml';
import { columnMeans } from './scores';

/** E (nFree×nFree) at z; null when some Σ_oo is not positive definite there. */
export function observedInformation(
  problem: MlProblem,
  z: ArrayLike<number>,
  cases: readonly GroupCases[],
): Float64Array | null {
  const { p, m, nFree: q } = problem;
  const ms = problem.model.meanStructure;
  const implied = problem.implied(z);
  const mats = problem.matrices(z);
  const N = cases.reduce((a, c) => a + c.n, 0);
  const E = new Float64Array(q * q);
  for (let g = 0; g < cases.length; g++) {
    const c = cases[g]!;
    const wg = c.n / N;
    const mu = ms ? implied[g]!.mu : columnMeans(c);
    const inverses = patternInverses(c, mu, implied[g]!.sigma);
    if (!inverses) return null;
    const w = mats[g]!;
    const free = problem.free[g]!;
    const dir = momentDirections(free, w.alpha, p, m, ms);
    c.patterns.forEach((pat, k) => {
      addPatternHessian(E, q, free, dir, w, c, k, inverses[k]!, mu, (wg * pat.n) / c.n, p, m);
    });
    const { G, h } = momentDerivatives(c, inverses, mu);
    const GL = matMul(G, w.lambda, p, p, m);
    addSecondOrder(E, free, w.psi, G, GL, ms ? h : null, p, m, q, wg);
  }
  return E;
}

/** Adds wk × pattern k's moment Hessian, contracted with the parameters' directions (module comment). */
function addPatternHessian(
  E: Float64Array,
  q: number,
  free: readonly FreeEntry[],
  dir: ReturnType<typeof momentDirections>,
  w: GroupMatrices,
  cases: GroupCases,
  k: number,
  inv: PatternInverse,
  mu: Float64Array,
  wk: number,
  p: number,
  m: number,
): void {
  const pat = cases.patterns[k]!;
  const o = pat.observed;
  const po = o.length;
  const P = padded(inv.Poo, o, p);
  // R = 2Q − P, Q = P(S_k + dd')P = (1/n_k) Σ_rows e_r e_r' (e_r = P(y_r − μ_o)) or P S_k P + ee'
  const R = new Float64Array(p * p);
  const Poo = inv.Poo;
  if (pat.n < po) {
    const er = new Float64Array(po);
    for (const row of pat.rows) {
      for (let a = 0; a < po; a++) {
        let v = 0;
        for (let b = 0; b < po; b++)
          v += Poo[a * po + b]! * (cases.y[row * p + o[b]!]! - mu[o[b]!]!);
        er[a] = v;
      }
      for (let a = 0; a < po; a++) {
        for (let b = 0; b < po; b++) R[o[a]! * p + o[b]!]! += (2 / pat.n) * er[a]! * er[b]!;
      }
    }
  } else {
    const PSP = matMul(matMul(Poo, pat.cov, po, po, po), Poo, po, po, po);
    for (let a = 0; a < po; a++) {
      for (let b = 0; b < po; b++) {
        R[o[a]! * p + o[b]!] = 2 * (PSP[a * po + b]! + inv.Pd[o[a]!]! * inv.Pd[o[b]!]!);
      }
    }
  }
  for (let i = 0; i < p * p; i++) R[i]! -= P[i]!;
  const r = p + 2 * m;
  const MP = bPrimeXB(P, matMul(P, w.lambda, p, p, m), w, p, m);
  const MR = bPrimeXB(R, matMul(R, w.lambda, p, p, m), w, p, m);
  // Be = B'e with B = [I | ΛΨ | Λ]
  const e = inv.Pd;
  const Be = new Float64Array(r);
  const lp = matMul(w.lambda, w.psi, p, m, m);
  for (let a = 0; a < p; a++) {
    Be[a] = e[a]!;
    for (let c = 0; c < m; c++) {
      Be[p + c]! += lp[a * m + c]! * e[a]!;
      Be[p + m + c]! += w.lambda[a * m + c]! * e[a]!;
    }
  }
  const { ca, cb, cs, mc, mt } = dir;
  const n = free.length;
  for (let i = 0; i < n; i++) {
    const zi = free[i]!.z;
    for (let j = 0; j <= i; j++) {
      const zj = free[j]!.z;
      let v = 0;
      if (ca[i]! >= 0 && ca[j]! >= 0) {
        const [a, b, c, d] = [ca[i]!, cb[i]!, ca[j]!, cb[j]!];
        // ½ tr(P(ab' + ba')R(cd' + dc'))
        v +=
          0.5 *
          cs[i]! *
          cs[j]! *
          (MR[b * r + c]! * MP[d * r + a]! +
            MR[b * r + d]! * MP[c * r + a]! +
            MR[a * r + c]! * MP[d * r + b]! +
            MR[a * r + d]! * MP[c * r + b]!);
      }
      if (mc[i]! >= 0 && mc[j]! >= 0) v += mt[i]! * mt[j]! * MP[mc[i]! * r + mc[j]!]!;
      // (P ∂Σ_i e)'∂μ_j = s_i t_j [(b'e)(c'Pa) + (a'e)(c'Pb)], and the same with i and j swapped
      if (ca[i]! >= 0 && mc[j]! >= 0) {
        const [a, b, c] = [ca[i]!, cb[i]!, mc[j]!];
        v += cs[i]! * mt[j]! * (Be[b]! * MP[c * r + a]! + Be[a]! * MP[c * r + b]!);
      }
      if (ca[j]! >= 0 && mc[i]! >= 0) {
        const [a, b, c] = [ca[j]!, cb[j]!, mc[i]!];
        v += cs[j]! * mt[i]! * (Be[b]! * MP[c * r + a]! + Be[a]! * MP[c * r + b]!);
      }
      if (v === 0) continue;
      E[zi * q + zj]! += wk * v;
      if (zi !== zj || i !== j) E[zj * q + zi]! += wk * v;
    }
  }
}

/** Adds w × the second-order terms (module comment) for every pair of free cells of one group. */
function addSecondOrder(
  E: Float64Array,
  free: readonly FreeEntry[],
  psi: Float64Array,
  G: Float64Array,
  GL: Float64Array,
  h: Float64Array | null,
  p: number,
  m: number,
  q: number,
  w: number,
): void {
  const add = (a: FreeEntry, b: FreeEntry, v: number): void => {
    if (v === 0) return;
    E[a.z * q + b.z]! += w * v;
    E[b.z * q + a.z]! += w * v;
  };
  free.forEach((a, i) => {
    if (a.mat !== 'lambda') return;
    const j = a.r;
    const c = a.c;
    free.forEach((b, k2) => {
      switch (b.mat) {
        case 'lambda':
          // each unordered pair once; the pair of a loading with itself adds its one term once
          if (k2 < i) return;
          if (k2 === i) {
            E[a.z * q + a.z]! += w * psi[c * m + c]! * G[j * p + j]!;
            return;
          }
          add(a, b, psi[c * m + b.c]! * G[j * p + b.r]!);
          return;
        case 'psi': {
          const [k, l] = [b.r, b.c];
          let v = 0;
          if (k === l) v = c === k ? GL[j * m + k]! : 0;
          else v = (c === k ? GL[j * m + l]! : 0) + (c === l ? GL[j * m + k]! : 0);
          add(a, b, v);
          return;
        }
        case 'alpha':
          if (h && b.r === c) add(a, b, -h[j]!);
          return;
        default:
          return;
      }
    });
  });
}
