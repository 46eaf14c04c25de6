/**
 * fitMeasures() of a WLSMV fit as lavaan 0.6-14 computes them:
 * - the baseline (independence) model: thresholds free in every group, polychorics 0, so its DWLS statistic
 *   is Σ_g (N_g − 1) Σ_{i<j} w ρ̂_ij², with U keeping only the correlation block (lav_object_independence);
 * - CFI/TLI/RMSEA from the standard and from the scaled-shifted statistics (lav_fit_cfi, lav_fit_tli,
 *   lav_fit_rmsea: the "scaled" versions plug the scaled statistics into the usual formulas);
 * - the "robust" versions of Savalei (2021, "Improving fit indices in structural equation modeling with
 *   categorical data", MBR 56:390–407), lavaan's lav_fit_catml_dwls: the ML discrepancy between the
 *   polychoric matrix R and the implied one at the DWLS estimates, XX3 = Σ_g N_g [log|Σ̂| + tr(RΣ̂⁻¹) −
 *   log|R| − p], corrected by ĉ = tr(WiU' V WiU Γ)/df with WiU = I − Δ E⁻¹ Δ'W (correlation rows only) and
 *   V the normal-theory weight of correlations, V_(ij)(kl) = Σ̂⁻¹_ik Σ̂⁻¹_jl + Σ̂⁻¹_il Σ̂⁻¹_jk;
 *   then CFI/TLI/RMSEA with ĉ (lav_fit_cfi/lav_fit_tli/lav_fit_rmsea with c.hat: cfiOf/tliOf with ĉ, rmseaSet);
 * - SRMR on correlations: per group √(Σ_{i>j} (r_ij − ρ̂_ij)² / (p(p+1)/2)), N_g-weighted (lavaan's
 *   srmr_bentler_nomean, which is its "srmr" for categorical data).
 */
import { rmseaCiBoth, rmseaCloseFitPvalue, rmseaNotCloseFitPvalue } from '../cfa/fit-measures';
import { choleskyInverse, choleskyLogDet, symmetricEigen, tryCholesky } from '../linalg';

/** Baseline DWLS statistic, its df and its UΓ traces. */
export function baselineModel(
  groups: readonly {
    n: number;
    observed: Float64Array;
    weights: Float64Array;
    gamma: Float64Array;
  }[],
  nThresholds: number,
): { chisq: number; df: number; traceUGamma: number; traceUGamma2: number } {
  let chisq = 0;
  let df = 0;
  let tr = 0;
  let tr2 = 0;
  for (const g of groups) {
    const P = g.observed.length;
    let sum = 0;
    for (let k = nThresholds; k < P; k++) {
      const r = g.observed[k]!;
      sum += g.weights[k]! * r * r;
      tr += g.weights[k]! * g.gamma[k * P + k]!;
      for (let l = nThresholds; l < P; l++) {
        const v = g.gamma[k * P + l]!;
        tr2 += g.weights[k]! * g.weights[l]! * v * v;
      }
    }
    chisq += (g.n - 1) * sum;
    df += P - nThresholds;
  }
  return { chisq, df, traceUGamma: tr, traceUGamma2: tr2 };
}

/** RMSEA, its 90% CI (exact roots and lavaan's uniroot ones) and close/not-close p-values, with c.hat. */
export interface RmseaSet {
  readonly rmsea: number;
  readonly ciLower: number;
  readonly ciUpper: number;
  readonly ciLowerLavaan: number;
  readonly ciUpperLavaan: number;
  readonly pvalue: number;
  readonly notClosePvalue: number;
}

/**
 * lav_fit_rmsea(X2, df, N, c.hat, G) = √max(X2/N/df − ĉ/N, 0)·√G for the point estimate (`x2Point`),
 * lav_fit_rmsea_ci and the close-fit p-values on `x2Ci` with c.hat (the CI bounds scale by √ĉ, the
 * non-centralities by 1/ĉ).
 */
export function rmseaSet(
  x2Point: number,
  x2Ci: number,
  df: number,
  n: number,
  nGroups: number,
  c = 1,
): RmseaSet {
  const nan = Number.NaN;
  if (![x2Point, x2Ci, df, c].every(Number.isFinite)) {
    return {
      rmsea: nan,
      ciLower: nan,
      ciUpper: nan,
      ciLowerLavaan: nan,
      ciUpperLavaan: nan,
      pvalue: nan,
      notClosePvalue: nan,
    };
  }
  const rmsea = df > 0 ? Math.sqrt(Math.max(x2Point / n / df - c / n, 0)) * Math.sqrt(nGroups) : 0;
  const { exact, lavaan } = rmseaCiBoth(x2Ci, df, n, nGroups);
  const k = Math.sqrt(c);
  return {
    rmsea,
    ciLower: exact.lower * k,
    ciUpper: exact.upper * k,
    ciLowerLavaan: lavaan.lower * k,
    ciUpperLavaan: lavaan.upper * k,
    pvalue: rmseaCloseFitPvalue(x2Ci, df, n / c, nGroups),
    notClosePvalue: rmseaNotCloseFitPvalue(x2Ci, df, n / c, nGroups),
  };
}

/** One group's SRMR on the correlation matrix (diagonal residuals are 0 but counted). */
export function srmrCorrelation(r: Float64Array, implied: Float64Array, p: number): number {
  let sum = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++) {
      const d = r[i * p + j]! - implied[i * p + j]!;
      sum += d * d;
    }
  return Math.sqrt(sum / ((p * (p + 1)) / 2));
}

export interface CatmlGroup {
  readonly n: number;
  /** Polychoric matrix (p×p). */
  readonly r: Float64Array;
  /** Implied correlation matrix at the DWLS estimates (p×p, unit diagonal). */
  readonly implied: Float64Array;
  /** DWLS weights and Γ of the correlations only (pstar and pstar×pstar). */
  readonly weights: Float64Array;
  readonly gamma: Float64Array;
  /** Rows of the DWLS Jacobian for the correlations (pstar×q). */
  readonly jacobian: Float64Array;
}

export interface CatmlRobust {
  readonly xx3: number;
  readonly cHat: number;
  readonly xx3Null: number;
  readonly cHatNull: number;
}

/**
 * lav_fit_catml_dwls for ordered indicators only. Returns null when lavaan reports NA: a polychoric matrix
 * with an eigenvalue below √ε (lavaan then refits a smoothed matrix by ML; not reproduced) or an implied
 * matrix that is not positive definite.
 */
export function catmlRobust(
  groups: readonly CatmlGroup[],
  p: number,
  df: number,
  eInverse: Float64Array,
  q: number,
): CatmlRobust | null {
  const N = groups.reduce((a, g) => a + g.n, 0);
  const pstar = (p * (p - 1)) / 2;
  let xx3 = 0;
  let xx3Null = 0;
  let kbs = 0;
  let trVG = 0;
  let cross = 0;
  const used = new Uint8Array(q);
  for (const g of groups)
    for (let k = 0; k < g.jacobian.length; k++) if (g.jacobian[k] !== 0) used[k % q] = 1;
  const S: number[] = [];
  for (let c = 0; c < q; c++) if (used[c]) S.push(c);
  const ns = S.length;
  const n2 = new Float64Array(ns * ns);
  const m2 = new Float64Array(ns * ns);
  for (const g of groups) {
    const f = g.n / N;
    const ev = symmetricEigen(g.r, p).values;
    if (ev[0]! < Math.sqrt(Number.EPSILON)) return null;
    const lr = tryCholesky(g.r, p);
    const ls = tryCholesky(g.implied, p);
    if (!lr || !ls) return null;
    const logDetR = choleskyLogDet(lr, p);
    const si = choleskyInverse(ls, p);
    let tr = 0;
    for (let i = 0; i < p * p; i++) tr += g.r[i]! * si[i]!;
    xx3 += g.n * (choleskyLogDet(ls, p) + tr - logDetR - p);
    xx3Null += g.n * -logDetR;
    // pairs in vech order (column j, rows i > j)
    const pi: number[] = [];
    const pj: number[] = [];
    for (let j = 0; j < p; j++)
      for (let i = j + 1; i < p; i++) {
        pi.push(i);
        pj.push(j);
      }
    // WiU = I − A Bᵀ over all groups' correlation rows (A = Δ E⁻¹, B = ⊕ f_g W_g · Δ), so that
    // tr(WiU' V WiU Γ) = tr(VΓ) − 2 tr((ΓB)'(VA)) + tr((A'VA)(B'ΓB)); V and Γ are block-diagonal.
    const V = new Float64Array(pstar * pstar);
    for (let a = 0; a < pstar; a++)
      for (let b = 0; b < pstar; b++) {
        const i = pi[a]!;
        const j = pj[a]!;
        const k = pi[b]!;
        const l = pj[b]!;
        V[a * pstar + b] = f * (si[i * p + k]! * si[j * p + l]! + si[i * p + l]! * si[j * p + k]!);
      }
    // only the parameters that move correlations (loadings, factor (co)variances, …) enter: Δ's
    // correlation rows are 0 in the threshold columns, so A and B are taken on the columns S
    const D = g.jacobian;
    const A = new Float64Array(pstar * ns);
    const B = new Float64Array(pstar * ns);
    for (let a = 0; a < pstar; a++)
      for (let x = 0; x < ns; x++) {
        const v = D[a * q + S[x]!]!;
        B[a * ns + x] = f * g.weights[a]! * v;
        if (v === 0) continue;
        for (let y = 0; y < ns; y++) A[a * ns + y]! += v * eInverse[S[x]! * q + S[y]!]!;
      }
    const VA = new Float64Array(pstar * ns);
    const GB = new Float64Array(pstar * ns);
    for (let a = 0; a < pstar; a++)
      for (let b = 0; b < pstar; b++) {
        const v = V[a * pstar + b]!;
        const gm = g.gamma[a * pstar + b]! / f;
        trVG += v * gm;
        for (let k = 0; k < ns; k++) {
          VA[a * ns + k]! += v * A[b * ns + k]!;
          GB[a * ns + k]! += gm * B[b * ns + k]!;
        }
      }
    for (let i = 0; i < pstar * ns; i++) cross += GB[i]! * VA[i]!;
    for (let a = 0; a < pstar; a++)
      for (let k = 0; k < ns; k++) {
        const av = A[a * ns + k]!;
        const bv = B[a * ns + k]!;
        for (let l = 0; l < ns; l++) {
          n2[k * ns + l]! += av * VA[a * ns + l]!;
          m2[k * ns + l]! += bv * GB[a * ns + l]!;
        }
      }
    for (let a = 0; a < pstar; a++) kbs += g.gamma[a * pstar + a]! / f;
  }
  let trNM = 0;
  for (let k = 0; k < ns; k++)
    for (let l = 0; l < ns; l++) trNM += n2[k * ns + l]! * m2[l * ns + k]!;
  const ks = trVG - 2 * cross + trNM;
  const dfNull = groups.length * pstar;
  return { xx3, cHat: ks / df, xx3Null, cHatNull: kbs / dfNull };
}
