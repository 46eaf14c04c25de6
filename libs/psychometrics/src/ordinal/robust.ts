/**
 * Robust inference for DWLS (lavaan 0.6-14, se = "robust.sem", test = "scaled.shifted"):
 * - sandwich covariance of the estimates (lav_model_nvcov_robust_sem, lav_model_vcov):
 *     vcov = E⁻¹ (Σ_g f_g Δ_g' W_g Γ_g W_g Δ_g) E⁻¹ / (N − G),   E = Σ_g f_g Δ_g' W_g Δ_g,   f_g = N_g/N
 *   (lavaan divides by N − G, not N, for every estimator other than ML);
 * - the traces tr(UΓ) and tr((UΓ)²) of U = V − VΔE⁻¹Δ'V, V = ⊕ f_g W_g, Γ = ⊕ Γ_g/f_g
 *   (lav_test_satorra_bentler_trace_original), expanded so that only q×q and P×q products appear:
 *     tr(UΓ)    = Σ_g tr(W_gΓ_g) − tr(E⁻¹B),  B = Σ_g f_g Δ_g'W_gΓ_gW_gΔ_g
 *     tr(UΓ)²   = Σ_g tr((W_gΓ_g)²) − 2 tr(E⁻¹ Σ_g f_g X_g'W_gX_g) + tr((E⁻¹B)²),  X_g = Γ_gW_gΔ_g;
 * - the mean- and variance-adjusted ("scaled and shifted") statistic (Asparouhov & Muthén 2010, as
 *   lav_test_satorra_bentler): a = √(df / tr(UΓ)²), T* = a·T + (df − a·tr(UΓ)), scaling factor 1/a.
 */
import { pchisq } from '../distributions';
import { inverseSpd } from '../linalg';
import { addWeightedCrossProduct } from './dwls';

export interface RobustGroup {
  readonly n: number;
  readonly weights: Float64Array;
  readonly gamma: Float64Array;
  /** Δ_g, P×q row-major. */
  readonly jacobian: Float64Array;
}

export interface DwlsRobust {
  /** E = Σ_g f_g Δ'WΔ (lavaan's expected information). */
  readonly information: Float64Array;
  readonly informationInverse: Float64Array;
  /** B = Σ_g f_g Δ'WΓWΔ (the sandwich's meat). */
  readonly meat: Float64Array;
  /** Sandwich covariance of the free parameters (q×q). */
  readonly vcov: Float64Array;
  readonly traceUGamma: number;
  readonly traceUGamma2: number;
}

/** M·N for q×q matrices. */
function mulSquare(a: Float64Array, b: Float64Array, q: number): Float64Array {
  const out = new Float64Array(q * q);
  for (let i = 0; i < q; i++)
    for (let k = 0; k < q; k++) {
      const v = a[i * q + k]!;
      if (v === 0) continue;
      for (let j = 0; j < q; j++) out[i * q + j]! += v * b[k * q + j]!;
    }
  return out;
}

/** tr(A·B) for q×q matrices. */
function traceProduct(a: Float64Array, b: Float64Array, q: number): number {
  let s = 0;
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) s += a[i * q + j]! * b[j * q + i]!;
  return s;
}

/** Sandwich covariance and UΓ traces of a DWLS fit with q free parameters. */
export function dwlsRobust(groups: readonly RobustGroup[], q: number): DwlsRobust {
  const N = groups.reduce((a, g) => a + g.n, 0);
  const E = new Float64Array(q * q);
  const B = new Float64Array(q * q);
  const XWX = new Float64Array(q * q);
  let trWG = 0;
  let trWG2 = 0;
  for (const g of groups) {
    const f = g.n / N;
    const P = g.weights.length;
    const { jacobian: D, weights: w, gamma: G } = g;
    // WΔ, then X = Γ(WΔ) column by column over the nonzero rows of WΔ (a threshold's column has one or
    // a few, a loading's only the correlations)
    const WD = new Float64Array(P * q);
    const rowsOf: number[][] = Array.from({ length: q }, () => []);
    for (let k = 0; k < P; k++)
      for (let a = 0; a < q; a++) {
        const v = w[k]! * D[k * q + a]!;
        WD[k * q + a] = v;
        if (v !== 0) rowsOf[a]!.push(k);
      }
    // Xᵀ (q×P): row a is Γ·(WΔ)[:, a]; Γ is symmetric, so its rows serve as columns
    const Xt = new Float64Array(q * P);
    for (let a = 0; a < q; a++) {
      const o = a * P;
      for (const l of rowsOf[a]!) {
        const v = WD[l * q + a]!;
        const g = l * P;
        for (let k = 0; k < P; k++) Xt[o + k]! += G[g + k]! * v;
      }
    }
    const e = new Float64Array(q * q);
    addWeightedCrossProduct(D, w, P, q, 1, e);
    // B = Δ'WΓWΔ = (WΔ)'X and X'WX, from the rows of Xᵀ
    const b = new Float64Array(q * q);
    const xwx = new Float64Array(q * q);
    for (let a = 0; a < q; a++) {
      for (let c = 0; c < q; c++) {
        let s = 0;
        for (const k of rowsOf[a]!) s += WD[k * q + a]! * Xt[c * P + k]!;
        b[a * q + c] = s;
      }
      const oa = a * P;
      for (let c = 0; c <= a; c++) {
        const oc = c * P;
        let s = 0;
        for (let k = 0; k < P; k++) s += w[k]! * Xt[oa + k]! * Xt[oc + k]!;
        xwx[a * q + c] = s;
        xwx[c * q + a] = s;
      }
    }
    for (let i = 0; i < q * q; i++) {
      E[i]! += f * e[i]!;
      B[i]! += f * b[i]!;
      XWX[i]! += f * xwx[i]!;
    }
    for (let k = 0; k < P; k++) {
      trWG += w[k]! * G[k * P + k]!;
      for (let l = 0; l < P; l++) {
        const v = G[k * P + l]!;
        trWG2 += w[k]! * w[l]! * v * v;
      }
    }
  }
  const Einv = inverseSpd(E, q, 'the information matrix');
  const EB = mulSquare(Einv, B, q);
  const vcov = mulSquare(EB, Einv, q);
  const divisor = N - groups.length;
  for (let i = 0; i < q * q; i++) vcov[i]! /= divisor;
  const traceUGamma = trWG - traceProduct(Einv, B, q);
  const traceUGamma2 = trWG2 - 2 * traceProduct(Einv, XWX, q) + traceProduct(EB, EB, q);
  return { information: E, informationInverse: Einv, meat: B, vcov, traceUGamma, traceUGamma2 };
}

export interface ScaledShiftedTest {
  readonly chisqScaled: number;
  readonly dfScaled: number;
  readonly pvalueScaled: number;
  /** lavaan's chisq.scaling.factor, 1/a. */
  readonly scalingFactor: number;
  /** lavaan's chisq.shift.parameter, df − a·tr(UΓ). */
  readonly shiftParameter: number;
}

/** The scaled-and-shifted statistic; with df = 0 the standard one, factor and shift NaN (as lavaan). */
export function scaledShifted(
  chisq: number,
  df: number,
  traceUGamma: number,
  traceUGamma2: number,
): ScaledShiftedTest {
  if (!(df > 0)) {
    return {
      chisqScaled: chisq,
      dfScaled: df,
      pvalueScaled: Number.NaN,
      scalingFactor: Number.NaN,
      shiftParameter: Number.NaN,
    };
  }
  const a = Math.sqrt(df / traceUGamma2);
  const shift = df - a * traceUGamma;
  const stat = chisq * a + shift;
  return {
    chisqScaled: stat,
    dfScaled: df,
    pvalueScaled: 1 - pchisq(stat, df),
    scalingFactor: 1 / a,
    shiftParameter: shift,
  };
}
