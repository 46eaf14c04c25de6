/**
 * The scaled difference test lavaan 0.6-14 uses for nested WLSMV models, lavTestLRT(m1, m0, method =
 * "satorra.2000") with scaled.shifted = TRUE (lav_test_diff_Satorra2000 with A.method = "delta"; Satorra
 * 2000, "Scaled and adjusted restricted tests in multi-sample analysis of moment structures"):
 *   U = V Δ₁ Q Δ₁' V with Q = P⁻¹A'(AP⁻¹A')⁻¹AP⁻¹, where P is m1's information, Δ₁ its Jacobian and the rows
 *   of A span the constraints that turn m1 into m0 (the complement of H = Δ₁⁺Δ₀). Since
 *   P⁻¹ = H(H'PH)⁺H' + P⁻¹A'(AP⁻¹A')⁻¹AP⁻¹, Q = P⁻¹ − H(H'PH)⁺H', and with B = Σ_g f_g Δ₁'WΓWΔ₁:
 *   tr(UΓ) = tr(QB), tr((UΓ)²) = tr((QB)²);  a = √(m / tr(UΓ)²), b = m − a·tr(UΓ),
 *   T = (T₀ − T₁)·a + b on m = df₀ − df₁ degrees of freedom.
 */
import { pchisq } from '../distributions';
import { inverseSpd, symmetricEigen } from '../linalg';
import { OrdinalModelError } from './errors';
import { ordinalFitInternals, type OrdinalCfaResult } from './fit';

export interface ScaledDifferenceTest {
  readonly method: 'satorra.2000';
  /** T₀ − T₁ of the standard (unscaled) statistics, lavaan's "Chisq diff" before scaling. */
  readonly chisqDiffUnscaled: number;
  /** The scaled-and-shifted difference statistic (lavaan's "Chisq diff"). */
  readonly chisqDiff: number;
  readonly dfDiff: number;
  readonly pvalue: number;
  /** a and b of T = (T₀ − T₁)·a + b (lavaan's attributes "scale" and "shift"). */
  readonly scale: number;
  readonly shift: number;
}

/** Stacked Δ (all groups' statistics × q). */
function stack(jacobians: readonly Float64Array[], q: number): { d: Float64Array; rows: number } {
  const rows = jacobians.reduce((a, j) => a + j.length / q, 0);
  const d = new Float64Array(rows * q);
  let o = 0;
  for (const j of jacobians) {
    d.set(j, o);
    o += j.length;
  }
  return { d, rows };
}

/** Moore–Penrose inverse of a symmetric positive semidefinite matrix (eigenvalues below tol·max dropped). */
function pseudoInverse(a: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(a, n);
  const max = Math.max(...Array.from(values, Math.abs));
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const v = values[k]!;
    if (!(Math.abs(v) > 1e-10 * max)) continue;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        out[i * n + j]! += (vectors[i * n + k]! * vectors[j * n + k]!) / v;
  }
  return out;
}

/**
 * Satorra's (2000) scaled-and-shifted difference test of two nested WLSMV fits to the same data. The fits
 * may be given in either order; the one with fewer degrees of freedom is m1.
 * @throws OrdinalModelError when the fits are not from fitOrdinalCfa* on the same data or have the same df.
 */
export function scaledDifferenceTest(
  a: OrdinalCfaResult,
  b: OrdinalCfaResult,
): ScaledDifferenceTest {
  const [m1, m0] = a.df <= b.df ? [a, b] : [b, a];
  const i1 = ordinalFitInternals(m1);
  const i0 = ordinalFitInternals(m0);
  if (!i1 || !i0)
    throw new OrdinalModelError('the difference test needs two fits made by fitOrdinalCfa');
  if (m1.n !== m0.n || m1.groups.join('\u0000') !== m0.groups.join('\u0000')) {
    throw new OrdinalModelError(
      'the two fits are not of the same data (different groups or numbers of rows)',
    );
  }
  const m = m0.df - m1.df;
  const diff = m0.chisq - m1.chisq;
  if (m === 0) {
    return {
      method: 'satorra.2000',
      chisqDiffUnscaled: diff,
      chisqDiff: diff,
      dfDiff: 0,
      pvalue: Number.NaN,
      scale: Number.NaN,
      shift: Number.NaN,
    };
  }
  const q1 = i1.model.nFree;
  const q0 = i0.model.nFree;
  const d1 = stack(i1.jacobians, q1);
  const d0 = stack(i0.jacobians, q0);
  if (d1.rows !== d0.rows)
    throw new OrdinalModelError('the two fits have different sample statistics');
  const R = d1.rows;
  // H = (Δ₁'Δ₁)⁻¹Δ₁'Δ₀ (q1×q0), lavaan's ginv(Δ₁)Δ₀ for a Δ₁ of full column rank
  const dtd = new Float64Array(q1 * q1);
  const dt0 = new Float64Array(q1 * q0);
  for (let r = 0; r < R; r++) {
    for (let i = 0; i < q1; i++) {
      const v = d1.d[r * q1 + i]!;
      if (v === 0) continue;
      for (let j = 0; j < q1; j++) dtd[i * q1 + j]! += v * d1.d[r * q1 + j]!;
      for (let j = 0; j < q0; j++) dt0[i * q0 + j]! += v * d0.d[r * q0 + j]!;
    }
  }
  const dtdInv = inverseSpd(dtd, q1, "m1's Jacobian cross-product");
  const H = new Float64Array(q1 * q0);
  for (let i = 0; i < q1; i++)
    for (let k = 0; k < q1; k++) {
      const v = dtdInv[i * q1 + k]!;
      for (let j = 0; j < q0; j++) H[i * q0 + j]! += v * dt0[k * q0 + j]!;
    }
  const P = i1.information;
  const Pinv = inverseSpd(P, q1, "m1's information matrix");
  // H'PH (q0×q0) and its pseudo-inverse
  const PH = new Float64Array(q1 * q0);
  for (let i = 0; i < q1; i++)
    for (let k = 0; k < q1; k++) {
      const v = P[i * q1 + k]!;
      if (v === 0) continue;
      for (let j = 0; j < q0; j++) PH[i * q0 + j]! += v * H[k * q0 + j]!;
    }
  const HPH = new Float64Array(q0 * q0);
  for (let k = 0; k < q1; k++)
    for (let i = 0; i < q0; i++) {
      const v = H[k * q0 + i]!;
      if (v === 0) continue;
      for (let j = 0; j < q0; j++) HPH[i * q0 + j]! += v * PH[k * q0 + j]!;
    }
  const HPHinv = pseudoInverse(HPH, q0);
  // Q = P⁻¹ − H (H'PH)⁺ H'
  const Q = Pinv.slice();
  const T = new Float64Array(q1 * q0);
  for (let i = 0; i < q1; i++)
    for (let k = 0; k < q0; k++) {
      const v = H[i * q0 + k]!;
      if (v === 0) continue;
      for (let j = 0; j < q0; j++) T[i * q0 + j]! += v * HPHinv[k * q0 + j]!;
    }
  for (let i = 0; i < q1; i++)
    for (let j = 0; j < q1; j++) {
      let s = 0;
      for (let k = 0; k < q0; k++) s += T[i * q0 + k]! * H[j * q0 + k]!;
      Q[i * q1 + j]! -= s;
    }
  // QB, its trace and the trace of its square
  const B = i1.meat;
  const QB = new Float64Array(q1 * q1);
  for (let i = 0; i < q1; i++)
    for (let k = 0; k < q1; k++) {
      const v = Q[i * q1 + k]!;
      if (v === 0) continue;
      for (let j = 0; j < q1; j++) QB[i * q1 + j]! += v * B[k * q1 + j]!;
    }
  let tr = 0;
  let tr2 = 0;
  for (let i = 0; i < q1; i++) {
    tr += QB[i * q1 + i]!;
    for (let j = 0; j < q1; j++) tr2 += QB[i * q1 + j]! * QB[j * q1 + i]!;
  }
  const scale = Math.sqrt(m / tr2);
  const shift = m - scale * tr;
  const stat = diff * scale + shift;
  return {
    method: 'satorra.2000',
    chisqDiffUnscaled: diff,
    chisqDiff: stat,
    dfDiff: m,
    pvalue: pchisq(stat, m, 0, false),
    scale,
    shift,
  };
}
