/**
 * The fitted model with its equality constraints released and further parameters added, evaluated at
 * the estimates: what lavaan 0.6-14 builds with `lav_object_extended()` for `modindices()` and
 * `lavTestScore()`. Every free row of the parameter table becomes a parameter of its own (x), the added
 * rows follow at their current values, and the gradient of F and the unit expected information are taken
 * in that space. K maps the model's (tied) parameters z to x (x = K z), so the information of the fitted,
 * constrained model is K' I K.
 */
import { choleskySolve, tryCholesky } from '../linalg';
import { MlProblem, type GroupStats } from './ml';
import type { CompiledModel, ParRow } from './partable';

/** Which parameter a row is and where it sits in the group's matrices, as the parameter table says. */
type RowPlace = Pick<ParRow, 'lhs' | 'op' | 'rhs' | 'group' | 'mat' | 'row' | 'col'>;

/** A parameter added to the model: a fixed row set free, or a row the model does not have. */
export interface ExtraRow extends RowPlace {
  /** Its value in the fitted model (the fixed value, or 0 for a row the model does not have). */
  readonly value: number;
}

export interface ExtendedModel {
  /** x parameters 0..nModel−1 are the model's free rows (in table order), then the extra rows. */
  readonly nModel: number;
  readonly nx: number;
  /** Row of the parameter table behind each model parameter x_i (i < nModel). */
  readonly modelRow: readonly number[];
  /** ∂F/∂x at the estimates. */
  readonly grad: Float64Array;
  /** Unit expected information of F in x (nx × nx, row-major). */
  readonly info: Float64Array;
  /** Cholesky factor of K' I K, the information of the fitted model in z (null if not positive definite). */
  readonly cholZ: Float64Array | null;
  /** Total N. */
  readonly n: number;
  /** K' I e_j: the cross-information between the fitted model's z and parameter x_j. */
  crossZ(j: number): Float64Array;
  /** I_jj − (K'I e_j)'(K'IK)⁻¹(K'I e_j): the information left for x_j once z is fitted. */
  residualInformation(j: number): number;
}

/** Evaluates the extended model of a fit (`z` = its estimates) with the given extra rows. */
export function extendModel(
  cm: CompiledModel,
  stats: readonly GroupStats[],
  z: ArrayLike<number>,
  extras: readonly ExtraRow[],
): ExtendedModel {
  const rows: ParRow[] = [];
  const modelRow: number[] = [];
  const x: number[] = [];
  const extraOf = new Map<string, number>();
  const key = (r: { lhs: string; op: string; rhs: string; group: number }): string =>
    `${r.lhs}${r.op}${r.rhs}@${r.group}`;
  extras.forEach((e, k) => extraOf.set(key(e), k));
  cm.rows.forEach((r, i) => {
    if (r.free >= 0) {
      rows.push({ ...r, free: x.length });
      modelRow.push(i);
      x.push(z[r.free]!);
    } else if (!extraOf.has(key(r))) {
      rows.push(r);
    }
  });
  const nModel = x.length;
  for (const e of extras) {
    rows.push({ ...e, free: x.length, label: '' });
    x.push(e.value);
  }
  const nx = x.length;
  const xModel: CompiledModel = {
    ...cm,
    rows,
    nFree: nx,
    zRows: [],
    zNames: [],
  };
  const ev = new MlProblem(xModel, stats).evaluate(x, true, true);
  const grad = ev.grad!;
  const info = ev.info!;
  // K' I K and K' I e_j by summing the x copies of each z
  const q = cm.nFree;
  const zOf = modelRow.map((i) => cm.rows[i]!.free);
  const iz = new Float64Array(q * q);
  for (let a = 0; a < nModel; a++) {
    for (let b = 0; b < nModel; b++) iz[zOf[a]! * q + zOf[b]!]! += info[a * nx + b]!;
  }
  const cholZ = tryCholesky(iz, q);
  const crossZ = (j: number): Float64Array => {
    const c = new Float64Array(q);
    for (let a = 0; a < nModel; a++) c[zOf[a]!]! += info[j * nx + a]!;
    return c;
  };
  return {
    nModel,
    nx,
    modelRow,
    grad,
    info,
    cholZ,
    n: stats.reduce((s, st) => s + st.n, 0),
    crossZ,
    residualInformation(j: number): number {
      if (cholZ === null) return Number.NaN;
      const c = crossZ(j);
      const sol = choleskySolve(cholZ, q, c);
      let s = 0;
      for (let a = 0; a < q; a++) s += c[a]! * sol[a]!;
      return info[j * nx + j]! - s;
    },
  };
}
