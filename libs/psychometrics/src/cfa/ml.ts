/**
 * The ML discrepancy of a CFA, its analytic gradient and its expected (Fisher) information, all as
 * functions of the reduced parameter vector z (lavaan 0.6-14 estimator.ML, lav_model_gradient and
 * lav_model_information_expected; Jöreskog 1969, Psychometrika 34:183).
 *
 *   F(z) = Σ_g (N_g/N) · ½ F_ML,g,   F_ML,g = log|Σ| + tr(S Σ⁻¹) − log|S| − p [+ (m − μ)' Σ⁻¹ (m − μ)]
 *   Σ = Λ Ψ Λ' + Θ,  μ = ν + Λ α   (lavaan's LISREL "all-y" representation)
 *
 * The information uses that every ∂Σ/∂θ_j is a symmetric rank-2 matrix s_j(a b' + b a') whose vectors
 * a, b are columns of B = [I | ΛΨ | Λ], so ½ tr(Σ⁻¹ ∂_jΣ Σ⁻¹ ∂_kΣ) = s_j s_k (M_ac M_bd + M_ad M_bc) with
 * M = B' Σ⁻¹ B — O(p·r²) per evaluation instead of O(q·p³).
 */
import { choleskyInverse, choleskyLogDet, tryCholesky } from '../linalg';
import type { CompiledModel, MatrixKind } from './partable';

export interface GroupStats {
  readonly n: number;
  /** N_g / N */
  readonly w: number;
  readonly S: Float64Array;
  readonly mean: Float64Array;
  readonly logDetS: number;
}

export interface GroupMatrices {
  readonly lambda: Float64Array; // p×m
  readonly psi: Float64Array; // m×m
  readonly theta: Float64Array; // p×p
  readonly nu: Float64Array; // p
  readonly alpha: Float64Array; // m
}

/** A free cell of a group's model matrices and its index in z. */
export interface FreeEntry {
  readonly mat: MatrixKind;
  readonly r: number;
  readonly c: number;
  readonly z: number;
}

export interface Implied {
  readonly sigma: Float64Array;
  readonly mu: Float64Array;
}

export interface Evaluation {
  /** F(z); +Infinity when some Σ_g is not positive definite. */
  readonly f: number;
  /** Per group F_ML,g (not weighted, not halved). */
  readonly fGroup: readonly number[];
  readonly grad?: Float64Array;
  /** Expected information of F in z, nFree×nFree row-major. */
  readonly info?: Float64Array;
}

export class MlProblem {
  readonly p: number;
  readonly m: number;
  readonly nFree: number;
  private readonly base: GroupMatrices[];
  /** The model matrices at the last z given to fill() (or implied(), matrices(), evaluate()). */
  protected readonly work: GroupMatrices[];
  /** Per group: the free cells. */
  readonly free: readonly (readonly FreeEntry[])[];
  /** Per group: Cholesky factor L_S of S (S = L_S L_S'), for diag(Σ⁻¹SΣ⁻¹) in the gradient. */
  private readonly cholS: (Float64Array | null)[];

  constructor(
    readonly model: CompiledModel,
    readonly stats: readonly GroupStats[],
  ) {
    this.p = model.p;
    this.m = model.m;
    this.nFree = model.nFree;
    const { p, m } = this;
    const blank = (): GroupMatrices => ({
      lambda: new Float64Array(p * m),
      psi: new Float64Array(m * m),
      theta: new Float64Array(p * p),
      nu: new Float64Array(p),
      alpha: new Float64Array(m),
    });
    this.base = stats.map(blank);
    this.work = stats.map(blank);
    const free: FreeEntry[][] = stats.map(() => []);
    this.free = free;
    this.cholS = stats.map((st) => tryCholesky(st.S, p));
    for (const row of model.rows) {
      const g = row.group - 1;
      if (row.free >= 0) free[g]!.push({ mat: row.mat, r: row.row, c: row.col, z: row.free });
      else setEntry(this.base[g]!, row.mat, row.row, row.col, row.value, p, m);
    }
  }

  /** The model matrices of every group at z (fresh copies). */
  matrices(z: ArrayLike<number>): GroupMatrices[] {
    this.fill(z);
    return this.work.map((w) => ({
      lambda: w.lambda.slice(),
      psi: w.psi.slice(),
      theta: w.theta.slice(),
      nu: w.nu.slice(),
      alpha: w.alpha.slice(),
    }));
  }

  protected fill(z: ArrayLike<number>): void {
    const { p, m } = this;
    this.stats.forEach((_, g) => {
      const b = this.base[g]!;
      const w = this.work[g]!;
      w.lambda.set(b.lambda);
      w.psi.set(b.psi);
      w.theta.set(b.theta);
      w.nu.set(b.nu);
      w.alpha.set(b.alpha);
      for (const e of this.free[g]!) setEntry(w, e.mat, e.r, e.c, z[e.z]!, p, m);
    });
  }

  /** Model-implied Σ and μ of every group at z. */
  implied(z: ArrayLike<number>): Implied[] {
    this.fill(z);
    return this.work.map((w) => {
      const lp = mul(w.lambda, w.psi, this.p, this.m, this.m);
      return { sigma: sigmaOf(lp, w.lambda, w.theta, this.p, this.m), mu: muOf(w, this.p, this.m) };
    });
  }

  /** Objective, and optionally its gradient and expected information, at z. */
  evaluate(z: ArrayLike<number>, wantGrad = false, wantInfo = false): Evaluation {
    this.fill(z);
    const { p, m, nFree } = this;
    const ms = this.model.meanStructure;
    const grad = wantGrad ? new Float64Array(nFree) : undefined;
    const info = wantInfo ? new Float64Array(nFree * nFree) : undefined;
    const fGroup: number[] = [];
    let f = 0;
    for (let g = 0; g < this.stats.length; g++) {
      const st = this.stats[g]!;
      const w = this.work[g]!;
      const lp = mul(w.lambda, w.psi, p, m, m);
      const sigma = sigmaOf(lp, w.lambda, w.theta, p, m);
      const chol = tryCholesky(sigma, p);
      if (chol === null) return { f: Number.POSITIVE_INFINITY, fGroup: [] };
      const si = choleskyInverse(chol, p);
      const logDet = choleskyLogDet(chol, p);
      let tr = 0;
      for (let i = 0; i < p * p; i++) tr += st.S[i]! * si[i]!;
      let fg = logDet + tr - st.logDetS - p;
      let sid: Float64Array | null = null;
      let d: Float64Array | null = null;
      if (ms) {
        const mu = muOf(w, p, m);
        d = new Float64Array(p);
        for (let i = 0; i < p; i++) d[i] = st.mean[i]! - mu[i]!;
        sid = mulVec(si, d, p);
        let q = 0;
        for (let i = 0; i < p; i++) q += d[i]! * sid[i]!;
        fg += q;
      }
      if (!Number.isFinite(fg)) return { f: Number.POSITIVE_INFINITY, fGroup: [] };
      fGroup.push(fg);
      f += st.w * 0.5 * fg;
      const A = grad || info ? mul(si, w.lambda, p, p, m) : null; // Σ⁻¹Λ, shared
      if (grad) this.gradient(g, st, w, A!, si, d, sid, grad);
      if (info) this.information(g, st.w, w, si, A!, info);
    }
    return { f, fGroup, grad, info };
  }

  private gradient(
    g: number,
    st: GroupStats,
    w: GroupMatrices,
    A: Float64Array,
    si: Float64Array,
    d: Float64Array | null,
    sid: Float64Array | null,
    grad: Float64Array,
  ): void {
    const { p, m } = this;
    // G = Σ⁻¹ − Σ⁻¹ W Σ⁻¹ with W = S + d d', used only through GΛ and a few entries G_ij, so the p×p
    // product Σ⁻¹WΣ⁻¹ is never formed: GΛ = A − Σ⁻¹(W A) with A = Σ⁻¹Λ, and
    // G_ij = Σ⁻¹_ij − Σ_k (Σ⁻¹S)_ik Σ⁻¹_kj − (Σ⁻¹d)_i (Σ⁻¹d)_j.
    const WA = mul(st.S, A, p, p, m);
    if (d) {
      const dA = mulTVec(A, d, p, m); // A'd
      for (let i = 0; i < p; i++) for (let k = 0; k < m; k++) WA[i * m + k]! += d[i]! * dA[k]!;
    }
    const C = mul(si, WA, p, p, m);
    const gl = new Float64Array(p * m);
    for (let i = 0; i < p * m; i++) gl[i] = A[i]! - C[i]!;
    const glp = mul(gl, w.psi, p, m, m); // G Λ Ψ
    const ltgl = mulTN(w.lambda, gl, p, m, m); // Λ' G Λ
    const needTheta = this.free[g]!.some((e) => e.mat === 'theta');
    // (Σ⁻¹SΣ⁻¹)_ij = Σ_k Y_ik Y_jk with Y = Σ⁻¹L_S (L_S lower triangular: p³/2 instead of p³ for Σ⁻¹S)
    // (S not positive definite — not reached from fitCfa, which rejects such S — uses P = Σ⁻¹S.)
    const Y = needTheta && this.cholS[g] ? this.siTimesCholS(si, g) : null;
    const P = needTheta && !Y ? mul(si, st.S, p, p, p) : null;
    const gEntry = (i: number, j: number): number => {
      let v = si[i * p + j]!;
      if (Y) {
        let q = 0;
        for (let k = 0; k < p; k++) q += Y[i * p + k]! * Y[j * p + k]!;
        v -= q;
      } else if (P) {
        for (let k = 0; k < p; k++) v -= P[i * p + k]! * si[k * p + j]!;
      }
      if (sid) v -= sid[i]! * sid[j]!;
      return v;
    };
    const lth = sid ? mulTVec(w.lambda, sid, p, m) : null;
    chainRule(this.free[g]!, w.alpha, m, { glp, ltgl, gEntry, h: sid, lth }, 0.5 * st.w, grad);
  }

  /** Y = Σ⁻¹ L_S for group g, using that L_S is lower triangular. */
  private siTimesCholS(si: Float64Array, g: number): Float64Array {
    const { p } = this;
    const L = this.cholS[g]!;
    const Y = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      const io = i * p;
      for (let j = 0; j < p; j++) {
        const x = si[io + j]!;
        const jo = j * p;
        for (let k = 0; k <= j; k++) Y[io + k]! += x * L[jo + k]!;
      }
    }
    return Y;
  }

  /**
   * Adds wg × the expected information of one normal likelihood with inverse covariance `si` (and
   * A = si·Λ) to `info`. FIML calls it once per missing-data pattern with si = Σ_oo⁻¹ zero-padded.
   */
  protected information(
    g: number,
    wg: number,
    w: GroupMatrices,
    si: Float64Array,
    A: Float64Array,
    info: Float64Array,
  ): void {
    const { p, m, nFree } = this;
    const r = p + 2 * m;
    const M = bPrimeXB(si, A, w, p, m);
    const entries = this.free[g]!;
    const { ca, cb, cs, mc, mt } = momentDirections(
      entries,
      w.alpha,
      p,
      m,
      this.model.meanStructure,
    );
    const q = entries.length;
    for (let j = 0; j < q; j++) {
      const zj = entries[j]!.z;
      for (let k = 0; k <= j; k++) {
        const zk = entries[k]!.z;
        let h = 0;
        if (ca[j]! >= 0 && ca[k]! >= 0) {
          const a = ca[j]!;
          const b = cb[j]!;
          const c = ca[k]!;
          const dd = cb[k]!;
          h += cs[j]! * cs[k]! * (M[a * r + c]! * M[b * r + dd]! + M[a * r + dd]! * M[b * r + c]!);
        }
        if (mc[j]! >= 0 && mc[k]! >= 0) h += mt[j]! * mt[k]! * M[mc[j]! * r + mc[k]!]!;
        if (h === 0) continue;
        h *= wg;
        info[zj * nFree + zk]! += h;
        if (zj !== zk || j !== k) info[zk * nFree + zj]! += h;
      }
    }
  }
}

/**
 * M = B' X B for B = [I | ΛΨ | Λ] (p×r, r = p + 2m) and a symmetric p×p X, assembled blockwise from X,
 * A = XΛ (p×m) and H = Λ'A (m×m) — O(p·m²) on top of A instead of two dense O(p²·r) products:
 *   M = [ X      AΨ    A  ]
 *       [ ΨA'   ΨHΨ   ΨH  ]
 *       [ A'     HΨ    H  ]
 */
export function bPrimeXB(
  X: Float64Array,
  A: Float64Array,
  w: GroupMatrices,
  p: number,
  m: number,
): Float64Array {
  const r = p + 2 * m;
  const psi = w.psi;
  const AP = mul(A, psi, p, m, m);
  const H = mulTN(w.lambda, A, p, m, m);
  const HP = mul(H, psi, m, m, m);
  const PHP = mul(psi, HP, m, m, m);
  const M = new Float64Array(r * r);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) M[i * r + j] = X[i * p + j]!;
    for (let k = 0; k < m; k++) {
      const ap = AP[i * m + k]!;
      const a = A[i * m + k]!;
      M[i * r + p + k] = ap;
      M[i * r + p + m + k] = a;
      M[(p + k) * r + i] = ap;
      M[(p + m + k) * r + i] = a;
    }
  }
  for (let k = 0; k < m; k++) {
    for (let l = 0; l < m; l++) {
      M[(p + k) * r + p + l] = PHP[k * m + l]!;
      M[(p + k) * r + p + m + l] = HP[l * m + k]!; // ΨH = (HΨ)' (H, Ψ symmetric)
      M[(p + m + k) * r + p + l] = HP[k * m + l]!;
      M[(p + m + k) * r + p + m + l] = H[k * m + l]!;
    }
  }
  return M;
}

/**
 * Each free cell's moment derivatives as columns of B = [I | ΛΨ | Λ]: ∂Σ = cs·(b_ca b_cb' + b_cb b_ca')
 * (ca = −1: none) and ∂μ = mt·b_mc (mc = −1: none). λ_jc: e_j and (ΛΨ)_c, ∂μ = α_c e_j; ψ_kl: Λ_k, Λ_l
 * (halved for k = l); θ_jl: e_j, e_l (halved for j = l); ν_j: ∂μ = e_j; α_k: ∂μ = Λ_k.
 */
export function momentDirections(
  entries: readonly FreeEntry[],
  alpha: Float64Array,
  p: number,
  m: number,
  meanStructure: boolean,
): { ca: Int32Array; cb: Int32Array; cs: Float64Array; mc: Int32Array; mt: Float64Array } {
  const q = entries.length;
  const ca = new Int32Array(q).fill(-1);
  const cb = new Int32Array(q);
  const cs = new Float64Array(q);
  const mc = new Int32Array(q).fill(-1);
  const mt = new Float64Array(q);
  entries.forEach((e, j) => {
    switch (e.mat) {
      case 'lambda':
        ca[j] = e.r;
        cb[j] = p + e.c;
        cs[j] = 1;
        if (meanStructure) {
          mc[j] = e.r;
          mt[j] = alpha[e.c]!;
        }
        break;
      case 'psi':
        ca[j] = p + m + e.r;
        cb[j] = p + m + e.c;
        cs[j] = e.r === e.c ? 0.5 : 1;
        break;
      case 'theta':
        ca[j] = e.r;
        cb[j] = e.c;
        cs[j] = e.r === e.c ? 0.5 : 1;
        break;
      case 'nu':
        mc[j] = e.r;
        mt[j] = 1;
        break;
      case 'alpha':
        mc[j] = p + m + e.r;
        mt[j] = 1;
        break;
    }
  });
  return { ca, cb, cs, mc, mt };
}

/**
 * The derivatives of a discrepancy f(Σ, μ) with df = tr(G·dΣ) − 2·h'dμ, in the products the chain rule
 * to the free parameters needs (G symmetric p×p, h = ∂f/∂μ·(−½)). For F_ML, G = Σ⁻¹ − Σ⁻¹WΣ⁻¹ and
 * h = Σ⁻¹(m − μ); FIML and casewise scores supply their own G and h.
 */
export interface MomentDerivatives {
  /** G Λ Ψ (p×m). */
  readonly glp: Float64Array;
  /** Λ' G Λ (m×m). */
  readonly ltgl: Float64Array;
  /** G_ij. */
  readonly gEntry: (i: number, j: number) => number;
  /** h (p), or null without a mean structure. */
  readonly h: Float64Array | null;
  /** Λ'h (m), or null without a mean structure. */
  readonly lth: Float64Array | null;
}

/**
 * Adds scale·∂f/∂z to `out` (as lavaan 0.6-14's lav_model_gradient): ∂f/∂Λ = 2GΛΨ − 2hα',
 * ∂f/∂Ψ = Λ'GΛ, ∂f/∂Θ = G, ∂f/∂ν = −2h, ∂f/∂α = −2Λ'h, an off-diagonal ψ or θ counting both cells.
 */
export function chainRule(
  free: readonly FreeEntry[],
  alpha: Float64Array,
  m: number,
  d: MomentDerivatives,
  scale: number,
  out: Float64Array,
): void {
  for (const e of free) {
    let v: number;
    switch (e.mat) {
      case 'lambda':
        v = 2 * d.glp[e.r * m + e.c]!;
        if (d.h) v -= 2 * d.h[e.r]! * alpha[e.c]!;
        break;
      case 'psi':
        v = (e.r === e.c ? 1 : 2) * d.ltgl[e.r * m + e.c]!;
        break;
      case 'theta':
        v = (e.r === e.c ? 1 : 2) * d.gEntry(e.r, e.c);
        break;
      case 'nu':
        v = d.h ? -2 * d.h[e.r]! : 0;
        break;
      case 'alpha':
        v = d.lth ? -2 * d.lth[e.r]! : 0;
        break;
    }
    out[e.z]! += scale * v;
  }
}

function setEntry(
  w: GroupMatrices,
  mat: MatrixKind,
  r: number,
  c: number,
  v: number,
  p: number,
  m: number,
): void {
  switch (mat) {
    case 'lambda':
      w.lambda[r * m + c] = v;
      break;
    case 'psi':
      w.psi[r * m + c] = v;
      w.psi[c * m + r] = v;
      break;
    case 'theta':
      w.theta[r * p + c] = v;
      w.theta[c * p + r] = v;
      break;
    case 'nu':
      w.nu[r] = v;
      break;
    case 'alpha':
      w.alpha[r] = v;
      break;
  }
}

/** A·B with A r×k, B k×c (row-major). */
function mul(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let t = 0; t < k; t++) {
      const x = a[i * k + t]!;
      if (x === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j]! += x * b[t * c + j]!;
    }
  }
  return out;
}

/** Aᵀ·B with A k×r, B k×c. */
function mulTN(a: Float64Array, b: Float64Array, k: number, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let t = 0; t < k; t++) {
    for (let i = 0; i < r; i++) {
      const x = a[t * r + i]!;
      if (x === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j]! += x * b[t * c + j]!;
    }
  }
  return out;
}

function mulVec(a: Float64Array, x: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

/** Aᵀ·x with A k×r. */
function mulTVec(a: Float64Array, x: Float64Array, k: number, r: number): Float64Array {
  const out = new Float64Array(r);
  for (let t = 0; t < k; t++) for (let i = 0; i < r; i++) out[i]! += a[t * r + i]! * x[t]!;
  return out;
}

/** Σ = (ΛΨ) Λ' + Θ, exactly symmetric. */
function sigmaOf(
  lp: Float64Array,
  lambda: Float64Array,
  theta: Float64Array,
  p: number,
  m: number,
): Float64Array {
  const s = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let v = theta[i * p + j]!;
      for (let k = 0; k < m; k++) v += lp[i * m + k]! * lambda[j * m + k]!;
      s[i * p + j] = v;
      s[j * p + i] = v;
    }
  }
  return s;
}

function muOf(w: GroupMatrices, p: number, m: number): Float64Array {
  const mu = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let v = w.nu[i]!;
    for (let k = 0; k < m; k++) v += w.lambda[i * m + k]! * w.alpha[k]!;
    mu[i] = v;
  }
  return mu;
}
