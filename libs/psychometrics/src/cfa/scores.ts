/**
 * Casewise scores and the first-order ("meat") information of a fitted CFA:
 *
 *   B0 = (1/N) Σ_i s_i s_i',   s_i = ∂ log φ(y_i,o; μ_o(z), Σ_oo(z)) / ∂z
 *
 * over every row i of every group, each row on the variables it observes, at the model-implied moments
 * (lavaan 0.6-14's lav_model_information_firstorder with h1.information = "structured", i.e.
 * Δ' lav_mvnorm_information_firstorder Δ, or lav_mvnorm_missing_information_firstorder with missing data).
 * Without a mean structure the rows are centred at the sample means, as lavaan does.
 *
 * Per row, with P = Σ_oo⁻¹ (zero-padded) and e = P(y_o − μ_o): −2·log φ has dΣ-derivative G_i = P − ee'
 * and dμ-derivative −2e, so s_i is the ML chain rule (ml.ts chainRule) applied to (G_i, h = e), times −½:
 *   λ_jc: e_j (ΛΨ)_c'e − (PΛΨ)_jc + e_j α_c,  ψ_kl: (Λ_k'e)(Λ_l'e) − (Λ'PΛ)_kl,  θ_jl: e_j e_l − P_jl
 *   (both halved on the diagonal),  ν_j: e_j,  α_k: Λ_k'e.
 * Only P, PΛΨ and Λ'PΛ are per pattern; each row costs O(p_o² + p·m + q²).
 */
import { matMul, transpose } from '../linalg';
import type { GroupCases } from './case-data';
import { padded, patternInverses } from './fiml';
import type { MlProblem } from './ml';

/** The first-order information B0 (nFree×nFree, row-major) at z. */
export function firstOrderInformation(
  problem: MlProblem,
  z: ArrayLike<number>,
  cases: readonly GroupCases[],
): Float64Array {
  const { p, m, nFree: q } = problem;
  const meanStructure = problem.model.meanStructure;
  const implied = problem.implied(z);
  const mats = problem.matrices(z);
  const B = new Float64Array(q * q);
  const s = new Float64Array(q);
  const e = new Float64Array(p);
  const ev = new Float64Array(m);
  const le = new Float64Array(m);
  let N = 0;
  cases.forEach((c, g) => {
    N += c.n;
    const w = mats[g]!;
    const free = problem.free[g]!;
    const mu = meanStructure ? implied[g]!.mu : columnMeans(c);
    const inverses = patternInverses(c, mu, implied[g]!.sigma)!;
    const lp = matMul(w.lambda, w.psi, p, m, m);
    const lt = transpose(w.lambda, p, m);
    c.patterns.forEach((pat, k) => {
      const P = padded(inverses[k]!.Poo, pat.observed, p);
      const plp = matMul(P, lp, p, p, m);
      const ltpl = matMul(lt, matMul(P, w.lambda, p, p, m), m, p, m);
      const o = pat.observed;
      const po = o.length;
      for (const r of pat.rows) {
        // e = P (y − μ) on the observed variables; ev = (ΛΨ)'e, le = Λ'e
        e.fill(0);
        for (let a = 0; a < po; a++) {
          const ia = o[a]! * p;
          let v = 0;
          for (let b = 0; b < po; b++) v += P[ia + o[b]!]! * (c.y[r * p + o[b]!]! - mu[o[b]!]!);
          e[o[a]!] = v;
        }
        ev.fill(0);
        le.fill(0);
        for (let a = 0; a < p; a++) {
          const ea = e[a]!;
          if (ea === 0) continue;
          for (let k2 = 0; k2 < m; k2++) {
            ev[k2]! += ea * lp[a * m + k2]!;
            le[k2]! += ea * w.lambda[a * m + k2]!;
          }
        }
        // s = −½ ∂(log|Σ_oo| + d'Pd)/∂z: the chain rule (ml.ts) with G = P − ee', h = e
        s.fill(0);
        for (const f of free) {
          let v: number;
          switch (f.mat) {
            case 'lambda':
              v = e[f.r]! * ev[f.c]! - plp[f.r * m + f.c]!;
              if (meanStructure) v += e[f.r]! * w.alpha[f.c]!;
              break;
            case 'psi':
              v = (f.r === f.c ? 0.5 : 1) * (le[f.r]! * le[f.c]! - ltpl[f.r * m + f.c]!);
              break;
            case 'theta':
              v = (f.r === f.c ? 0.5 : 1) * (e[f.r]! * e[f.c]! - P[f.r * p + f.c]!);
              break;
            case 'nu':
              v = e[f.r]!;
              break;
            case 'alpha':
              v = le[f.r]!;
              break;
          }
          s[f.z]! += v;
        }
        for (let i = 0; i < q; i++) {
          const si = s[i]!;
          if (si === 0) continue;
          const row = i * q;
          for (let j = i; j < q; j++) B[row + j]! += si * s[j]!;
        }
      }
    });
  });
  for (let i = 0; i < q; i++) {
    for (let j = i; j < q; j++) {
      const v = B[i * q + j]! / N;
      B[i * q + j] = v;
      B[j * q + i] = v;
    }
  }
  return B;
}

/** Means of the group's (complete) rows. */
export function columnMeans(c: GroupCases): Float64Array {
  const { n, p, y } = c;
  const mean = new Float64Array(p);
  for (let r = 0; r < n; r++) for (let a = 0; a < p; a++) mean[a]! += y[r * p + a]!;
  for (let a = 0; a < p; a++) mean[a]! /= n;
  return mean;
}
