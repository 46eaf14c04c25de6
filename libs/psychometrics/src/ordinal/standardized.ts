/**
 * lavaan 0.6-14's standardizedSolution() for ordered indicators (lav_standardize_lv, lav_standardize_all
 * with cov.std = TRUE): std.lv divides by the factor SDs √ψ_ff; std.all also by the SD of the latent
 * response y*_i, √Var(y*_i) with Var(y*) = diag(ΛΨΛ' + Θ) — 1/Δ² in the delta parameterisation.
 * Covariances become correlations of their own variances (ψ_fh/√|ψ_ff ψ_hh|, θ_ij/√|θ_ii θ_jj|), as in
 * cfa/standardized.ts. Thresholds and intercepts are divided by SD(y*) in std.all; a scaling factor
 * becomes Δ_i·SD(y*_i) (= 1).
 */
import type { OrdinalMatrices } from './implied';
import type { OrdinalModel, OrdinalParRow } from './model';

export interface StandardizedValue {
  readonly stdLv: number;
  readonly stdAll: number;
}

/** Standardised values of every row, given each row's estimate and the groups' matrices. */
export function standardizedSolution(
  model: OrdinalModel,
  rows: readonly OrdinalParRow[],
  est: readonly number[],
  matrices: readonly OrdinalMatrices[],
): StandardizedValue[] {
  const { p, m, ov, lv } = model;
  const delta = model.parameterization === 'delta';
  const sds = matrices.map((w) => {
    const lvSd = new Float64Array(m);
    for (let f = 0; f < m; f++) lvSd[f] = Math.sqrt(w.psi[f * m + f]!);
    const lvVar = (f: number): number => w.psi[f * m + f]!;
    const ovVar = (i: number): number => w.theta[i * p + i]!;
    const ovSd = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      if (delta) ovSd[i] = 1 / Math.abs(w.delta[i]!);
      else {
        let v = w.theta[i * p + i]!;
        for (let f = 0; f < m; f++)
          for (let h = 0; h < m; h++)
            v += w.lambda[i * m + f]! * w.psi[f * m + h]! * w.lambda[i * m + h]!;
        ovSd[i] = Math.sqrt(v);
      }
    }
    return { lvSd, ovSd, lvVar, ovVar };
  });
  return rows.map((r, k) => {
    const x = est[k]!;
    const { lvSd, ovSd, lvVar, ovVar } = sds[r.group - 1]!;
    const ovOf = (v: string): number => ovSd[ov.indexOf(v)]!;
    const lvOf = (v: string): number => lvSd[lv.indexOf(v)]!;
    switch (r.op) {
      case '=~': {
        const l = x * lvOf(r.lhs);
        return { stdLv: l, stdAll: l / ovOf(r.rhs) };
      }
      case '~~': {
        if (lv.includes(r.lhs)) {
          const a = lv.indexOf(r.lhs);
          const b = lv.indexOf(r.rhs);
          const v = a === b ? x / lvVar(a) : x / Math.sqrt(Math.abs(lvVar(a) * lvVar(b)));
          return { stdLv: v, stdAll: v };
        }
        if (r.lhs === r.rhs) return { stdLv: x, stdAll: x / (ovOf(r.lhs) * ovOf(r.rhs)) };
        const i = ov.indexOf(r.lhs);
        const j = ov.indexOf(r.rhs);
        return { stdLv: x, stdAll: x / Math.sqrt(Math.abs(ovVar(i) * ovVar(j))) };
      }
      case '~1': {
        if (lv.includes(r.lhs)) {
          const v = x / lvOf(r.lhs);
          return { stdLv: v, stdAll: v };
        }
        return { stdLv: x, stdAll: x / ovOf(r.lhs) };
      }
      case '|':
        return { stdLv: x, stdAll: x / ovOf(r.lhs) };
      case '~*~':
        return { stdLv: x, stdAll: x * ovOf(r.lhs) };
    }
  });
}
