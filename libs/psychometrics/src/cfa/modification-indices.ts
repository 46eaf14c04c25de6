/**
 * Modification indices and expected parameter changes as lavaan 0.6-14 `modindices(fit)` computes them
 * (Sörbom 1989, Psychometrika 54:371; Saris, Satorra & Sörbom 1987): for every parameter the model fixes
 * (markers, fixed covariances, latent means) and every one it leaves out (cross-loadings, residual
 * covariances, factor covariances; intercepts under a mean structure), in the order of
 * `lav_partable_full()`,
 *
 *   V  = I_ee − I_ez (K'IK)⁻¹ I_ze        (unit expected information left for the parameter)
 *   mi = N·g_e² / V,   epc = −g_e / V      (g = ∂F/∂x at the estimates)
 *
 * A parameter with V < ε^(1/3) cannot be estimated beside the model's (freeing it would leave the model
 * unidentified): lavaan's mi is NA there and `modindices()` drops the row; so does this.
 */
import { extendModel, type ExtraRow } from './extended-model';
import type { GroupStats } from './ml';
import type { CompiledModel } from './partable';
import type { ModelOp } from './syntax';

/** One row of lavaan's `modindices()` output. */
export interface ModificationIndex {
  readonly lhs: string;
  readonly op: ModelOp;
  readonly rhs: string;
  readonly group: number;
  /** The χ² drop expected from freeing the parameter (1 df). */
  readonly mi: number;
  /** Expected change of the parameter when freed. */
  readonly epc: number;
}

/**
 * The candidates, as lav_object_extended(fit, add = lav_partable_full(), all.free = TRUE) orders them:
 * the table's fixed rows in table order, then per group lv =~ ov, ov ~~ ov and lv ~~ lv (lower triangle,
 * column by column) and, with a mean structure, ov ~1 and lv ~1 — each only if the table lacks it.
 */
export function modificationCandidates(cm: CompiledModel): ExtraRow[] {
  const out: ExtraRow[] = cm.rows
    .filter((r) => r.free < 0)
    .map((r) => ({
      lhs: r.lhs,
      op: r.op,
      rhs: r.rhs,
      group: r.group,
      mat: r.mat,
      row: r.row,
      col: r.col,
      value: r.value,
    }));
  const have = new Set(cm.rows.map((r) => `${r.lhs}${r.op}${r.rhs}@${r.group}`));
  const { ov, lv } = cm;
  for (let g = 1; g <= cm.nGroups; g++) {
    const add = (e: Omit<ExtraRow, 'group' | 'value'>): void => {
      if (!have.has(`${e.lhs}${e.op}${e.rhs}@${g}`)) out.push({ ...e, group: g, value: 0 });
    };
    lv.forEach((f, c) =>
      ov.forEach((x, r) => add({ lhs: f, op: '=~', rhs: x, mat: 'lambda', row: r, col: c })),
    );
    for (let j = 0; j < ov.length; j++) {
      for (let i = j; i < ov.length; i++) {
        add({ lhs: ov[j]!, op: '~~', rhs: ov[i]!, mat: 'theta', row: i, col: j });
      }
    }
    for (let j = 0; j < lv.length; j++) {
      for (let i = j; i < lv.length; i++) {
        add({ lhs: lv[j]!, op: '~~', rhs: lv[i]!, mat: 'psi', row: i, col: j });
      }
    }
    if (cm.meanStructure) {
      ov.forEach((x, r) => add({ lhs: x, op: '~1', rhs: '', mat: 'nu', row: r, col: 0 }));
      lv.forEach((f, r) => add({ lhs: f, op: '~1', rhs: '', mat: 'alpha', row: r, col: 0 }));
    }
  }
  return out;
}

/** lavaan's `modindices(fit)` rows (mi and epc) for a fit with estimates `z`. */
export function modificationIndices(
  cm: CompiledModel,
  stats: readonly GroupStats[],
  z: ArrayLike<number>,
): ModificationIndex[] {
  const candidates = modificationCandidates(cm);
  if (candidates.length === 0) return [];
  const ext = extendModel(cm, stats, z, candidates);
  const tiny = Math.cbrt(Number.EPSILON);
  const out: ModificationIndex[] = [];
  candidates.forEach((c, k) => {
    const j = ext.nModel + k;
    const v = ext.residualInformation(j);
    if (!(v >= tiny)) return;
    const score = ext.grad[j]!;
    const mi = (ext.n * score * score) / v;
    // lavaan: epc = mi / d with d = −N·score, and d = 1 where |d| < 1e-15
    let d = -ext.n * score;
    if (Math.abs(d) < 1e-15) d = 1;
    out.push({ lhs: c.lhs, op: c.op, rhs: c.rhs, group: c.group, mi, epc: mi / d });
  });
  return out;
}
