/**
 * Scaled test statistics: the part shared by every robust estimator (MLR here; WLSMV's mean- and
 * variance-adjusted test uses the same U·Γ traces).
 *
 * With U = W − W Δ E⁻¹ Δ' W (W the weight / saturated information, Δ the model's moment Jacobian, E the
 * model's information) and Γ the asymptotic covariance of the moments, the ML (or WLS) statistic T is
 * asymptotically Σ λ_j χ²_1 with λ the eigenvalues of UΓ (Satorra & Bentler 1994). The mean-scaled
 * statistic divides T by ĉ = tr(UΓ)/df (Satorra–Bentler; Yuan–Bentler for MLR, where the trace is
 * taken from casewise scores); a mean- and variance-adjusted one also needs tr((UΓ)²) (Asparouhov &
 * Muthén 2010).
 *
 * Multiple groups follow lavaan's convention (lav_test_satorra_bentler_trace, lav_fit_fiml_corrected):
 * block-diagonal W_all = ⊕ f_g W_g and Γ_all = ⊕ Γ_g / f_g with f_g = N_g/N, Δ_all the groups' Δ_g
 * stacked, and E = Σ_g f_g Δ_g' W_g Δ_g (or whatever information the estimator uses) on the free
 * parameters — so U couples the groups only through E⁻¹. The traces are reduced to q×q products
 * (q = number of free parameters) so U itself (G·p* square) is never formed.
 */
import { cholesky, choleskySolve, matMul, transpose } from '../linalg';
import { pchisq } from '../distributions';

/** One group's blocks: W_g and Γ_g (k×k, k = number of moments), Δ_g (k×q), f_g = N_g/N. */
export interface UGammaGroup {
  readonly fg: number;
  readonly k: number;
  readonly W: Float64Array;
  readonly Delta: Float64Array;
}

/** tr(A·B) for n×n matrices. */
export function traceProduct(A: Float64Array, B: Float64Array, n: number): number {
  let t = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t += A[i * n + j]! * B[j * n + i]!;
  return t;
}

/**
 * tr(U Γ) = Σ_g tr(W_g Γ_g) − tr(E⁻¹ Σ_g f_g L_g' Γ_g L_g),  L_g = W_g Δ_g.
 * `Einv` is E⁻¹ (q×q); `gamma[g]` is Γ_g.
 */
export function traceUGamma(
  groups: readonly UGammaGroup[],
  gamma: readonly Float64Array[],
  Einv: Float64Array,
  q: number,
): number {
  let t = 0;
  const A = new Float64Array(q * q);
  groups.forEach((g, i) => {
    const G = gamma[i]!;
    t += traceProduct(g.W, G, g.k);
    const L = matMul(g.W, g.Delta, g.k, g.k, q);
    addScaled(A, quadratic(L, G, g.k, q), g.fg);
  });
  return t - traceProduct(Einv, A, q);
}

/**
 * tr(U Γ₁ U Γ₂) = Σ_g [tr(W_g Γ₁_g W_g Γ₂_g) − f_g tr(E⁻¹ L_g'(Γ₂_g W_g Γ₁_g + Γ₁_g W_g Γ₂_g) L_g)]
 *                 + tr(E⁻¹ A₁ E⁻¹ A₂),   A_r = Σ_g f_g L_g' Γr_g L_g.
 * With Γ₁ = Γ₂ = Γ this is tr((UΓ)²).
 */
export function traceUGammaUGamma(
  groups: readonly UGammaGroup[],
  gamma1: readonly Float64Array[],
  gamma2: readonly Float64Array[],
  Einv: Float64Array,
  q: number,
): number {
  let t = 0;
  const A1 = new Float64Array(q * q);
  const A2 = new Float64Array(q * q);
  const C = new Float64Array(q * q);
  groups.forEach((g, i) => {
    const { k } = g;
    const G1 = gamma1[i]!;
    const G2 = gamma2[i]!;
    const WG1 = matMul(g.W, G1, k, k, k);
    const WG2 = matMul(g.W, G2, k, k, k);
    t += traceProduct(WG1, WG2, k);
    const L = matMul(g.W, g.Delta, k, k, q);
    // Γ₂WΓ₁ + Γ₁WΓ₂ = Γ₂(WΓ₁) + Γ₁(WΓ₂)
    const M = matMul(G2, WG1, k, k, k);
    const M2 = matMul(G1, WG2, k, k, k);
    for (let j = 0; j < k * k; j++) M[j]! += M2[j]!;
    addScaled(C, quadratic(L, M, k, q), g.fg);
    addScaled(A1, quadratic(L, G1, k, q), g.fg);
    addScaled(A2, quadratic(L, G2, k, q), g.fg);
  });
  const EA1 = matMul(Einv, A1, q, q, q);
  const EA2 = matMul(Einv, A2, q, q, q);
  return t - traceProduct(Einv, C, q) + traceProduct(EA1, EA2, q);
}

/**
 * The traces of {@link traceUGamma} and {@link traceUGammaUGamma} when every Γ has the sandwich form
 * Γr_g = W_g⁻¹ Mr_g W_g⁻¹ (lavaan's FIML-corrected indices, with M = W_c or J_m). With X_g = W_g⁻¹ M1_g
 * and Y_g = W_g⁻¹ M2_g they reduce to
 *   tr(UΓ₁) = Σ_g tr(X_g) − tr(E⁻¹ A₁),   A_r = Σ_g f_g Δ_g' Mr_g Δ_g
 *   tr(UΓ₁UΓ₂) = Σ_g [tr(X_g Y_g) − f_g tr(E⁻¹ Δ_g'(M2_g X_g + M1_g Y_g) Δ_g)] + tr(E⁻¹ A₁ E⁻¹ A₂)
 * — two k³ solves per group instead of about ten k³ products. `M2` null: only tr(UΓ₁).
 */
export function sandwichUGammaTraces(
  groups: readonly UGammaGroup[],
  M1: readonly Float64Array[],
  M2: readonly Float64Array[] | null,
  Einv: Float64Array,
  q: number,
): { trace: number; traceProduct: number } {
  let t1 = 0;
  let t12 = 0;
  const A1 = new Float64Array(q * q);
  const A2 = new Float64Array(q * q);
  const C = new Float64Array(q * q);
  groups.forEach((g, i) => {
    const { k, Delta } = g;
    const L = cholesky(g.W, k, 'W');
    const X = solveColumns(L, k, M1[i]!);
    for (let j = 0; j < k; j++) t1 += X[j * k + j]!;
    const Dt = transpose(Delta, k, q);
    addScaled(A1, matMul(Dt, matMul(M1[i]!, Delta, k, k, q), q, k, q), g.fg);
    if (!M2) return;
    const Y = solveColumns(L, k, M2[i]!);
    t12 += traceProduct(X, Y, k);
    addScaled(A2, matMul(Dt, matMul(M2[i]!, Delta, k, k, q), q, k, q), g.fg);
    const inner = matMul(M2[i]!, matMul(X, Delta, k, k, q), k, k, q);
    const other = matMul(M1[i]!, matMul(Y, Delta, k, k, q), k, k, q);
    for (let j = 0; j < k * q; j++) inner[j]! += other[j]!;
    addScaled(C, matMul(Dt, inner, q, k, q), g.fg);
  });
  const trace = t1 - traceProduct(Einv, A1, q);
  if (!M2) return { trace, traceProduct: Number.NaN };
  const EA1 = matMul(Einv, A1, q, q, q);
  const EA2 = matMul(Einv, A2, q, q, q);
  return { trace, traceProduct: t12 - traceProduct(Einv, C, q) + traceProduct(EA1, EA2, q) };
}

/** W⁻¹ M for W = L L' (k×k), M k×k: k solves. */
function solveColumns(L: Float64Array, k: number, M: Float64Array): Float64Array {
  const out = new Float64Array(k * k);
  const col = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) col[i] = M[i * k + j]!;
    const x = choleskySolve(L, k, col);
    for (let i = 0; i < k; i++) out[i * k + j] = x[i]!;
  }
  return out;
}

/** L' M L for L k×q, M k×k. */
function quadratic(L: Float64Array, M: Float64Array, k: number, q: number): Float64Array {
  return matMul(transpose(L, k, q), matMul(M, L, k, k, q), q, k, q);
}

function addScaled(target: Float64Array, x: Float64Array, s: number): void {
  for (let i = 0; i < target.length; i++) target[i]! += s * x[i]!;
}

/** A mean-scaled test: T/ĉ with ĉ = tr(UΓ)/df, referred to χ²(df). */
export interface ScaledStatistic {
  readonly chisq: number;
  readonly df: number;
  readonly pvalue: number;
  /** ĉ; NaN when df = 0 or the trace is negative (lavaan's NA). */
  readonly scalingFactor: number;
  readonly traceUGamma: number;
}

/**
 * lav_test_yuan_bentler (lavaan 0.6-14), final step: ĉ = tr(UΓ)/df (NA when negative), T/ĉ and its
 * p-value. With df = 0 lavaan keeps T and computes no trace (ĉ and tr(UΓ) are NA).
 */
export function scaledStatistic(chisq: number, df: number, traceUGamma: number): ScaledStatistic {
  if (!(df > 0)) {
    return { chisq, df, pvalue: Number.NaN, scalingFactor: Number.NaN, traceUGamma: Number.NaN };
  }
  const c = traceUGamma / df;
  const scalingFactor = c < 0 ? Number.NaN : c;
  const scaled = chisq / scalingFactor;
  return { chisq: scaled, df, pvalue: 1 - pchisq(scaled, df), scalingFactor, traceUGamma };
}
