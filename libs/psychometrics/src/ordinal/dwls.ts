/**
 * The DWLS discrepancy of lavaan 0.6-14 (estimator.DWLS, lav_model_objective) as a function of the free
 * parameters, with its gradient and Gauss–Newton curvature:
 *   F(z) = Σ_g (N_g/N) · ½ (N_g − 1)/N_g · Σ_k w_gk (s_gk − σ_gk(z))²,
 * s = sample thresholds and polychorics, σ = implied ones, w = 1/diag(Γ). The GN matrix
 * Σ_g (N_g/N)(N_g − 1)/N_g Δ_g' W_g Δ_g is what lavaan's optim.method = "GN" steps with.
 */
import type { Evaluation } from '../cfa/ml';
import type { ObjectiveProblem } from '../cfa/optimize';
import {
  groupJacobian,
  impliedStatistics,
  modelMatrices,
  type OrdinalImplied,
  type OrdinalMatrices,
} from './implied';
import type { OrdinalModel } from './model';

/** What DWLS needs from one group's sample statistics. */
export interface DwlsGroupInput {
  readonly n: number;
  readonly observed: Float64Array;
  readonly weights: Float64Array;
}

export interface DwlsState {
  readonly matrices: OrdinalMatrices[];
  readonly implied: OrdinalImplied[];
}

export class DwlsProblem implements ObjectiveProblem {
  readonly nFree: number;
  readonly p: number;
  private readonly nTotal: number;

  constructor(
    readonly model: OrdinalModel,
    readonly groups: readonly DwlsGroupInput[],
  ) {
    this.nFree = model.nFree;
    this.p = model.p;
    this.nTotal = groups.reduce((a, g) => a + g.n, 0);
  }

  /** Matrices and implied statistics at z; null when a latent response variance is not positive. */
  state(z: ArrayLike<number>): DwlsState | null {
    const matrices = modelMatrices(this.model, z);
    const implied: OrdinalImplied[] = [];
    for (const w of matrices) {
      const im = impliedStatistics(this.model, w);
      if (im === null) return null;
      implied.push(im);
    }
    return { matrices, implied };
  }

  /** Jacobians Δ_g of every group at a state. */
  jacobians(st: DwlsState): Float64Array[] {
    return st.matrices.map((w, g) => groupJacobian(this.model, g, w, st.implied[g]!));
  }

  evaluate(z: ArrayLike<number>, wantGrad = false, wantInfo = false): Evaluation {
    const st = this.state(z);
    if (st === null) return { f: Number.POSITIVE_INFINITY, fGroup: [] };
    const q = this.nFree;
    const P = this.model.statsPerGroup;
    const grad = wantGrad ? new Float64Array(q) : undefined;
    const info = wantInfo ? new Float64Array(q * q) : undefined;
    const J = grad || info ? this.jacobians(st) : null;
    const fGroup: number[] = [];
    let f = 0;
    this.groups.forEach((gr, g) => {
      const sigma = st.implied[g]!.stats;
      let sum = 0;
      const wr = new Float64Array(P);
      for (let k = 0; k < P; k++) {
        const r = gr.observed[k]! - sigma[k]!;
        sum += gr.weights[k]! * r * r;
        wr[k] = gr.weights[k]! * r;
      }
      fGroup.push(sum);
      // (N_g/N) · (N_g − 1)/N_g = (N_g − 1)/N
      const c = (gr.n - 1) / this.nTotal;
      f += 0.5 * c * sum;
      if (!J) return;
      const Jg = J[g]!;
      if (grad) {
        for (let k = 0; k < P; k++) {
          const v = wr[k]!;
          if (v === 0) continue;
          const row = k * q;
          for (let a = 0; a < q; a++) grad[a]! -= c * v * Jg[row + a]!;
        }
      }
      if (info) addWeightedCrossProduct(Jg, gr.weights, P, q, c, info);
    });
    return { f, fGroup, grad, info };
  }
}

/** out += c · Jᵀ diag(w) J for J P×q (row-major); nonzero pattern of J rows exploited. */
export function addWeightedCrossProduct(
  J: Float64Array,
  w: ArrayLike<number>,
  P: number,
  q: number,
  c: number,
  out: Float64Array,
): void {
  const idx = new Int32Array(q);
  for (let k = 0; k < P; k++) {
    const row = k * q;
    let nz = 0;
    for (let a = 0; a < q; a++) if (J[row + a] !== 0) idx[nz++] = a;
    const wk = c * w[k]!;
    for (let x = 0; x < nz; x++) {
      const a = idx[x]!;
      const va = wk * J[row + a]!;
      for (let y = 0; y < nz; y++) {
        const b = idx[y]!;
        out[a * q + b]! += va * J[row + b]!;
      }
    }
  }
}
