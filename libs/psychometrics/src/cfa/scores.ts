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
 * and dμ-derivative −2e, so s_i is the ML chain rule (ml.ts) applied to (G_i, h = e), times −½. Only
 * P, PΛΨ and Λ'PΛ are per pattern; each row costs O(p·m + q²).
 */
import { matMul, transpose } from '../linalg';
import type { GroupCases } from './case-data';
import { padded, patternInverses } from './fiml';
import { chainRule, type MlProblem } from './ml';

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
  const glp = new Float64Array(p * m);
  const ltgl = new Float64Array(m * m);
  const ev = new Float64Array(m);
  const le = new Float64Array(m);
  let N = 0;
  cases.forEach((c, g) => {
    N += c.n;
    const w = mats[g]!;
    const mu = meanStructure ? implied[g]!.mu : columnMeans(c);
    const inverses = patternInverses(c, mu, implied[g]!.sigma)!;
    const lp = matMul(w.lambda, w.psi, p, m, m);
    const lt = transpose(w.lambda, p, m);
    c.patterns.forEach((pat, k) => {
      const P = padded(inverses[k]!.Poo, pat.observed, p);
      const plp = matMul(P, lp, p, p, m);
      const ltpl = matMul(lt, matMul(P, w.lambda, p, p, m), m, p, m);
      const o = pat.observed;
      for (const r of pat.rows) {
        // e = P (y − μ) on the observed variables
        e.fill(0);
        for (const a of o) {
          let v = 0;
          for (const b of o) v += P[a * p + b]! * (c.y[r * p + b]! - mu[b]!);
          e[a] = v;
        }
        ev.fill(0);
        le.fill(0);
        for (const a of o) {
          for (let k2 = 0; k2 < m; k2++) {
            ev[k2]! += e[a]! * lp[a * m + k2]!;
            le[k2]! += e[a]! * w.lambda[a * m + k2]!;
          }
        }
        for (let a = 0; a < p; a++) {
          for (let k2 = 0; k2 < m; k2++) glp[a * m + k2] = plp[a * m + k2]! - e[a]! * ev[k2]!;
        }
        for (let k1 = 0; k1 < m; k1++) {
          for (let k2 = 0; k2 < m; k2++) ltgl[k1 * m + k2] = ltpl[k1 * m + k2]! - le[k1]! * le[k2]!;
        }
        s.fill(0);
        chainRule(
          problem.free[g]!,
          w.alpha,
          m,
          {
            glp,
            ltgl,
            gEntry: (i, j) => P[i * p + j]! - e[i]! * e[j]!,
            h: meanStructure ? e : null,
            lth: meanStructure ? le : null,
          },
          -0.5,
          s,
        );
        for (let i = 0; i < q; i++) {
          const si = s[i]!;
          if (si === 0) continue;
          for (let j = i; j < q; j++) B[i * q + j]! += si * s[j]!;
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
