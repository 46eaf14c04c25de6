/**
 * Starting values in the spirit of lavaan's `start = "default"` (SPEC §3.10): loadings by FABIN3 per
 * factor on its own indicators (Hägglund 1982; lavaan's `lav_cfa_fabin3`), residual variances
 * ½·S_ii, intercepts at the sample means, latent means 0. Factor variances and covariances start at
 * least-squares fits to the indicators' covariances (lavaan starts them at 0.05 and 0; the optimum is
 * the same, this start is simply closer), shrunk if needed to keep Ψ positive definite.
 * Tied parameters start at the mean of their per-group values.
 */
import { solveSpd, tryCholesky } from '../linalg';
import type { CompiledModel } from './partable';
import type { CfaModel } from './syntax';
import type { GroupStats } from './ml';

/** Relative loadings (marker = 1) of one factor's indicators by FABIN3. */
function fabin3(S: Float64Array, p: number, idx: readonly number[]): number[] {
  const k = idx.length;
  const out = new Array<number>(k).fill(1);
  if (k < 2) return out;
  const s = (a: number, b: number): number => S[idx[a]! * p + idx[b]!]!;
  if (k === 2) {
    const r = s(1, 0) / s(0, 0);
    out[1] = Number.isFinite(r) && r !== 0 ? r : 1;
    return out;
  }
  for (let i = 1; i < k; i++) {
    const inst: number[] = [];
    for (let j = 1; j < k; j++) if (j !== i) inst.push(j);
    const n = inst.length;
    const S33 = new Float64Array(n * n);
    const s31 = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      s31[a] = s(inst[a]!, 0);
      for (let b = 0; b < n; b++) S33[a * n + b] = s(inst[a]!, inst[b]!);
    }
    let r = Number.NaN;
    try {
      const v = solveSpd(S33, n, s31); // S33⁻¹ s31
      let num = 0;
      let den = 0;
      for (let a = 0; a < n; a++) {
        num += s(i, inst[a]!) * v[a]!;
        den += s31[a]! * v[a]!;
      }
      r = num / den;
    } catch {
      r = Number.NaN;
    }
    out[i] = Number.isFinite(r) && r !== 0 ? r : 1;
  }
  return out;
}

/** Starting z. */
export function startValues(
  cm: CompiledModel,
  model: CfaModel,
  stats: readonly GroupStats[],
): Float64Array {
  const { p, m, ov, lv } = cm;
  const sums = new Float64Array(cm.nFree);
  const counts = new Float64Array(cm.nFree);
  stats.forEach((st, g) => {
    const rows = cm.rows.filter((r) => r.group === g + 1);
    const value = new Map<string, number>(); // start value per row key
    const fixedOrNull = (lhs: string, op: string, rhs: string): number | null => {
      const r = rows.find((x) => x.lhs === lhs && x.op === op && x.rhs === rhs);
      return r && r.free < 0 ? r.value : null;
    };
    const S = st.S;
    const lambda = new Float64Array(p * m);
    for (let f = 0; f < m; f++) {
      const name = lv[f]!;
      const ind = model.indicators[name]!;
      const idx = ind.map((x) => ov.indexOf(x));
      const rel = fabin3(S, p, idx);
      // factor variance on the marker scale: least squares on the off-diagonal covariances
      let num = 0;
      let den = 0;
      for (let a = 0; a < idx.length; a++) {
        for (let b = 0; b < a; b++) {
          const lab = rel[a]! * rel[b]!;
          num += S[idx[a]! * p + idx[b]!]! * lab;
          den += lab * lab;
        }
      }
      let psiRel = den > 0 ? num / den : Number.NaN;
      if (!(psiRel > 0) || !Number.isFinite(psiRel)) psiRel = 0.05;
      const markerFixed = fixedOrNull(name, '=~', ind[0]!);
      const psiFixed = fixedOrNull(name, '~~', name);
      let scale: number; // loading = rel × scale
      let psi: number;
      if (psiFixed !== null && psiFixed > 0) {
        scale = Math.sqrt(psiRel / psiFixed);
        psi = psiFixed;
      } else {
        scale = markerFixed !== null && markerFixed !== 0 ? markerFixed : 1;
        psi = psiRel / (scale * scale);
      }
      idx.forEach((i, a) => {
        const fixed = fixedOrNull(name, '=~', ind[a]!);
        const v = fixed !== null ? fixed : rel[a]! * scale;
        lambda[i * m + f] = v;
        value.set(`${name}=~${ind[a]!}`, v);
      });
      value.set(`${name}~~${name}`, psi);
    }
    // factor covariances: least squares on cross-factor indicator covariances, then shrink to PD
    const psiM = new Float64Array(m * m);
    for (let f = 0; f < m; f++) psiM[f * m + f] = value.get(`${lv[f]!}~~${lv[f]!}`)!;
    for (let f = 0; f < m; f++) {
      for (let h = 0; h < f; h++) {
        let num = 0;
        let den = 0;
        for (let i = 0; i < p; i++) {
          const li = lambda[i * m + f]!;
          if (li === 0) continue;
          for (let j = 0; j < p; j++) {
            const lj = lambda[j * m + h]!;
            if (lj === 0 || i === j) continue;
            num += S[i * p + j]! * li * lj;
            den += li * li * lj * lj;
          }
        }
        const v = den > 0 ? num / den : 0;
        psiM[f * m + h] = Number.isFinite(v) ? v : 0;
        psiM[h * m + f] = psiM[f * m + h]!;
      }
    }
    for (let shrink = 0; shrink < 30 && m > 1 && tryCholesky(psiM, m) === null; shrink++) {
      for (let f = 0; f < m; f++) for (let h = 0; h < m; h++) if (f !== h) psiM[f * m + h]! *= 0.5;
    }
    if (m > 1 && tryCholesky(psiM, m) === null) {
      for (let f = 0; f < m; f++) for (let h = 0; h < m; h++) if (f !== h) psiM[f * m + h] = 0;
    }
    for (let f = 0; f < m; f++)
      for (let h = 0; h < f; h++) value.set(`${lv[h]!}~~${lv[f]!}`, psiM[f * m + h]!);
    for (let i = 0; i < p; i++) {
      value.set(`${ov[i]!}~~${ov[i]!}`, 0.5 * S[i * p + i]!);
      value.set(`${ov[i]!}~1`, st.mean[i]!);
    }
    for (const r of rows) {
      if (r.free < 0) continue;
      let v = value.get(`${r.lhs}${r.op}${r.rhs}`);
      if (v === undefined || !Number.isFinite(v)) v = 0; // residual covariances, latent means
      sums[r.free]! += v;
      counts[r.free]! += 1;
    }
  });
  const z = new Float64Array(cm.nFree);
  for (let k = 0; k < cm.nFree; k++) z[k] = counts[k]! > 0 ? sums[k]! / counts[k]! : 0;
  return z;
}
