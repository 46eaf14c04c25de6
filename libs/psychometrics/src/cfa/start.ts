/**
 * Starting values as lavaan 0.6-14 computes them (`lav_start()`, start = "default", mimic = "lavaan"),
 * so that the optimiser begins where lavaan's does and, on a likelihood with several local
 * optima, ends in the same one:
 * - loadings: per factor and group, `lav_cfa_1fac_fabin(S_ff, method = "fabin3", lambda.only = TRUE)` on
 *   the covariance of its indicators — the 3-indicator closed form below 4 indicators (2 indicators are
 *   padded to 3 as lavaan does), FABIN3 instrumental variables otherwise (Hägglund 1982), clamped to
 *   ±sqrt(S_ii / (0.1·S_11)); with std.lv, rescaled by sqrt|ψ|; a negative triad falls back to 1 (0.7);
 * - residual variances ½·S_ii; factor variances 0.05; all covariances 0;
 * - intercepts at the sample means; latent means 0; fixed parameters at their values.
 * Tied parameters start at the mean of their per-group values (lavaan projects x onto the constraint
 * space with an orthonormal basis, which averages the copies).
 */
import { solve } from '../linalg';
import type { GroupStats } from './ml';
import type { CompiledModel } from './partable';

interface FabinResult {
  readonly lambda: number[];
  readonly negTriad: boolean;
}

/** lav_cfa_1fac_3ind: closed-form one-factor solution for up to 3 indicators (bounds = TRUE). */
function oneFactor3(cov: number[][], stdLv: boolean): FabinResult {
  const nvar = cov.length;
  let c = cov;
  if (nvar === 1) {
    c = [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ];
  } else if (nvar === 2) {
    const mean2 = (c[0]![0]! + c[1]![1]!) / 2;
    const maxVar = Math.max(c[0]![0]!, c[1]![1]!);
    const s21 = c[1]![0]!;
    c = [
      [c[0]![0]!, c[0]![1]!, mean2],
      [c[1]![0]!, c[1]![1]!, s21],
      [mean2, s21, maxVar],
    ];
  }
  const s11 = c[0]![0]!;
  const s22 = c[1]![1]!;
  const s33 = c[2]![2]!;
  const s21 = c[1]![0]!;
  const s31 = c[2]![0]!;
  const s32 = c[2]![1]!;
  const negTriad = s21 * s31 * s32 < 0;
  let psi = (s21 * s31) / s32;
  let l2 = s32 / s31;
  let l3 = s32 / s21;
  const lowerPsi = s11 - 0.9 * s11;
  psi = Math.min(Math.max(psi, lowerPsi), s11);
  const l2b = Math.sqrt(s22 / lowerPsi);
  l2 = Math.min(Math.max(-l2b, l2), l2b);
  const l3b = Math.sqrt(s33 / lowerPsi);
  l3 = Math.min(Math.max(-l3b, l3), l3b);
  let lambda = [1, l2, l3];
  if (stdLv) lambda = lambda.map((l) => l * Math.sign(psi) * Math.sqrt(Math.abs(psi)));
  return { lambda: lambda.slice(0, nvar), negTriad };
}

/** lav_cfa_1fac_fabin(S, method = "fabin3", lambda.only = !std.lv, bounds = TRUE). */
function fabin3(cov: number[][], stdLv: boolean): FabinResult {
  const nvar = cov.length;
  if (nvar < 4) return oneFactor3(cov, stdLv);
  const lambda = new Array<number>(nvar).fill(0);
  lambda[0] = 1;
  for (let i = 1; i < nvar; i++) {
    const idx3: number[] = [];
    for (let j = 1; j < nvar; j++) if (j !== i) idx3.push(j);
    const n3 = idx3.length;
    const s23 = idx3.map((j) => cov[i]![j]!);
    const s31 = idx3.map((j) => cov[j]![0]!);
    const S33 = new Float64Array(n3 * n3);
    idx3.forEach((a, r) => idx3.forEach((b, q) => (S33[r * n3 + q] = cov[a]![b]!)));
    let value: number;
    try {
      const tmp = solve(S33, n3, s31);
      let num = 0;
      let den = 0;
      for (let k = 0; k < n3; k++) {
        num += s23[k]! * tmp[k]!;
        den += s31[k]! * tmp[k]!;
      }
      value = num / den;
    } catch {
      let num = 0;
      let den = 0;
      for (let k = 0; k < n3; k++) {
        num += s23[k]! * s31[k]!;
        den += s31[k]! * s31[k]!;
      }
      value = num / den;
    }
    lambda[i] = value;
  }
  const s11 = cov[0]![0]!;
  const lowerPsi = s11 - 0.9 * s11;
  for (let i = 1; i < nvar; i++) {
    const b = Math.sqrt(cov[i]![i]! / lowerPsi);
    lambda[i] = Math.min(Math.max(-b, lambda[i]!), b);
  }
  if (!stdLv) return { lambda, negTriad: false };
  // std.lv: ψ from the one-factor fit, then λ·sign(ψ)·sqrt|ψ|
  const l2 = lambda.reduce((a, l) => a + l * l, 0);
  const D = lambda.map((a) => lambda.map((b) => (a * b) / l2));
  // θ = solve(I − D∘D, diag(S − D S D))
  const DS = D.map((row) =>
    cov[0]!.map((_, j) => row.reduce((acc, d, k) => acc + d * cov[k]![j]!, 0)),
  );
  const DSD = DS.map((row) =>
    D[0]!.map((_, j) => row.reduce((acc, v, k) => acc + v * D[k]![j]!, 0)),
  );
  const A = new Float64Array(nvar * nvar);
  const rhs = new Float64Array(nvar);
  for (let i = 0; i < nvar; i++) {
    rhs[i] = cov[i]![i]! - DSD[i]![i]!;
    for (let j = 0; j < nvar; j++) A[i * nvar + j] = (i === j ? 1 : 0) - D[i]![j]! * D[i]![j]!;
  }
  let theta: Float64Array;
  try {
    theta = solve(A, nvar, rhs);
  } catch {
    theta = new Float64Array(nvar).fill(Number.NaN);
  }
  let psiNum = 0;
  for (let j = 0; j < nvar; j++) {
    let col = 0;
    for (let i = 0; i < nvar; i++) col += lambda[i]! * (cov[i]![j]! - (i === j ? theta[i]! : 0));
    psiNum += col * lambda[j]!;
  }
  const psi = psiNum / (l2 * l2);
  return {
    lambda: lambda.map((l) => l * Math.sign(psi) * Math.sqrt(Math.abs(psi))),
    negTriad: false,
  };
}

/** Starting z (see the module comment). */
export function startValues(cm: CompiledModel, stats: readonly GroupStats[]): Float64Array {
  const { p, ov, lv } = cm;
  const start = new Float64Array(cm.rows.length);
  for (let g = 1; g <= stats.length; g++) {
    const st = stats[g - 1]!;
    const inGroup = (i: number): boolean => cm.rows[i]!.group === g;
    for (const f of lv) {
      const lambdaRows: number[] = [];
      let stdLv = false;
      cm.rows.forEach((r, i) => {
        if (!inGroup(i)) return;
        if (r.op === '=~' && r.lhs === f) lambdaRows.push(i);
        if (r.op === '~~' && r.lhs === f && r.rhs === f && r.free < 0 && r.value === 1)
          stdLv = true;
      });
      const idx = lambdaRows.map((i) => ov.indexOf(cm.rows[i]!.rhs));
      const cov = idx.map((a) => idx.map((b) => st.S[a * p + b]!));
      const fab = fabin3(cov, stdLv);
      let lambda = fab.lambda.map((l) => (Number.isFinite(l) ? l : 1));
      if (fab.negTriad) lambda = lambda.map(() => (stdLv ? 0.7 : 1));
      lambdaRows.forEach((i, k) => (start[i] = lambda[k]!));
    }
    cm.rows.forEach((r, i) => {
      if (!inGroup(i)) return;
      if (r.op === '~~' && r.lhs === r.rhs) {
        start[i] = lv.includes(r.lhs) ? 0.05 : 0.5 * st.S[ov.indexOf(r.lhs) * (p + 1)]!;
      } else if (r.op === '~1' && !lv.includes(r.lhs)) {
        start[i] = st.mean[ov.indexOf(r.lhs)]!;
      }
    });
  }
  const sums = new Float64Array(cm.nFree);
  const counts = new Float64Array(cm.nFree);
  cm.rows.forEach((r, i) => {
    if (r.free < 0) return;
    sums[r.free]! += start[i]!;
    counts[r.free]! += 1;
  });
  const z = new Float64Array(cm.nFree);
  for (let k = 0; k < cm.nFree; k++) z[k] = counts[k]! > 0 ? sums[k]! / counts[k]! : 0;
  return z;
}

/**
 * lavaan's start = "simple" (its fallback when the default start does not converge): loadings 1,
 * variances 1, covariances and latent means 0; intercepts at the sample means (lavaan uses 0; the
 * intercepts are linear parameters, so this only saves an iteration).
 */
export function simpleStartValues(cm: CompiledModel, stats: readonly GroupStats[]): Float64Array {
  const { ov, lv } = cm;
  const sums = new Float64Array(cm.nFree);
  const counts = new Float64Array(cm.nFree);
  cm.rows.forEach((r) => {
    if (r.free < 0) return;
    let v = 0;
    if (r.op === '=~') v = 1;
    else if (r.op === '~~' && r.lhs === r.rhs) v = 1;
    else if (r.op === '~1' && !lv.includes(r.lhs)) v = stats[r.group - 1]!.mean[ov.indexOf(r.lhs)]!;
    sums[r.free]! += v;
    counts[r.free]! += 1;
  });
  return sums.map((s, k) => (counts[k]! > 0 ? s / counts[k]! : 0));
}
