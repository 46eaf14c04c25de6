/**
 * The parameter table of a CFA with ordered indicators, as lavaan 0.6-14 builds it for `ordered = …`
 * (lav_partable_flat): the continuous table of cfa/partable.ts (same syntax, markers, std.lv, labels and
 * group.equal ties), plus per group the thresholds `x | t1, t2, …` and the scaling factors `x ~*~ x`, with
 * the intercepts of the ordered variables fixed to 0 and, in lavaan's row order, user rows, thresholds,
 * variances and covariances, scaling factors, intercepts, latent means.
 *
 * Identification (lavaan's defaults, Millsap & Yun-Tein 2004; with thresholds held equal, the rule that
 * lavaan 0.6-14 applies after Wu & Estabrook 2016):
 * - delta parameterisation: the residual variances of the ordered variables are not parameters — they are
 *   1/Δ² − diag(ΛΨΛ') so that the latent responses have variance 1/Δ²; Δ (the scaling factors) is fixed
 *   to 1, except in groups 2..G when thresholds are held equal, where it is free;
 * - theta parameterisation: the residual variances are fixed to 1, except in groups 2..G when thresholds
 *   are held equal, where they are free; the scaling factors are then 1/√diag(Σ);
 * - latent means are 0, except in groups 2..G when thresholds are held equal, where they are free.
 */
import {
  compileModel,
  type CompiledModel,
  type GroupEqual,
  type MatrixKind,
} from '../cfa/partable';
import type { CfaModel, ModelOp } from '../cfa/syntax';
import { OrdinalModelError } from './errors';

export type Parameterization = 'delta' | 'theta';

/** Classes of parameters that `groupEqual` can hold equal across groups for ordered indicators. */
export type OrdinalGroupEqual = 'thresholds' | 'loadings' | 'lv.variances' | 'lv.covariances';

export const ORDINAL_GROUP_EQUAL_VALUES: readonly OrdinalGroupEqual[] = [
  'thresholds',
  'loadings',
  'lv.variances',
  'lv.covariances',
];

export type OrdinalOp = ModelOp | '|' | '~*~';
export type OrdinalMatrix = MatrixKind | 'tau' | 'delta';

export interface OrdinalParRow {
  readonly lhs: string;
  readonly op: OrdinalOp;
  /** `t1`, `t2`, … for thresholds; '' for intercepts and means. */
  readonly rhs: string;
  /** 1-based group. */
  readonly group: number;
  readonly mat: OrdinalMatrix;
  /** Row and column in the group's matrix (tau: index into the group's thresholds; delta/nu/alpha: index). */
  readonly row: number;
  readonly col: number;
  /** Index into z, or −1 when fixed (or, for residual variances in the delta parameterisation, derived). */
  readonly free: number;
  readonly value: number;
  readonly label: string;
  /** True for the rows whose value follows from the others (delta: residual variances; theta: scales). */
  readonly derived: boolean;
  /** The row of the continuous table it comes from, or −1 (thresholds, scaling factors). */
  readonly baseRow: number;
}

export interface OrdinalModel {
  readonly ov: readonly string[];
  readonly lv: readonly string[];
  readonly p: number;
  readonly m: number;
  readonly nGroups: number;
  readonly parameterization: Parameterization;
  /** Thresholds per observed variable, and where each variable's thresholds start. */
  readonly nThresholds: readonly number[];
  readonly thresholdOffset: readonly number[];
  readonly rows: readonly OrdinalParRow[];
  readonly nFree: number;
  readonly zRows: readonly (readonly number[])[];
  /** lavaan-style name of each z element (first row), e.g. "f=~x2@g1", "x1|t2@g2". */
  readonly zNames: readonly string[];
  /** Sample statistics per group: all thresholds plus p(p−1)/2 correlations. */
  readonly statsPerGroup: number;
  /** The continuous table the rows come from (for starting values). */
  readonly continuous: CompiledModel;
}

export interface OrdinalModelOptions {
  readonly nGroups: number;
  readonly stdLv: boolean;
  readonly parameterization: Parameterization;
  readonly groupEqual: readonly OrdinalGroupEqual[];
  /** Thresholds of each observed variable (categories − 1), in the model's observed-variable order. */
  readonly nThresholds: readonly number[];
  /**
   * lavaan `group.partial` as parameter keys: "f=~x2", "x3~1", … for the continuous table, "x3|t1" for a
   * threshold — each exempt from `groupEqual`.
   */
  readonly groupPartial?: readonly string[];
}

const CONTINUOUS_CLASSES: readonly (GroupEqual & OrdinalGroupEqual)[] = [
  'loadings',
  'lv.variances',
  'lv.covariances',
];

/**
 * Builds the ordinal parameter table.
 * @throws OrdinalModelError for syntax that has no meaning for ordered indicators (their intercepts,
 *   residual variances), NotIdentifiedError / ModelSyntaxError from the continuous table.
 */
export function compileOrdinalModel(model: CfaModel, options: OrdinalModelOptions): OrdinalModel {
  for (const s of model.statements) {
    const observed = !model.latent.includes(s.lhs);
    if (s.op === '~1' && observed) {
      throw new OrdinalModelError(
        `'${s.lhs} ~ 1': the intercepts of ordered variables are fixed to 0 (their thresholds are estimated instead)`,
      );
    }
    if (s.op === '~~' && observed && s.lhs === s.rhs) {
      throw new OrdinalModelError(
        `'${s.lhs} ~~ ${s.lhs}': the residual variances of ordered variables follow from the parameterization and cannot be specified`,
      );
    }
  }
  const equal = new Set(options.groupEqual);
  const G = options.nGroups;
  const partial = new Set(options.groupPartial ?? []);
  const cm = compileModel(model, {
    nGroups: G,
    meanStructure: true,
    stdLv: options.stdLv,
    groupEqual: G > 1 ? CONTINUOUS_CLASSES.filter((c) => equal.has(c)) : [],
    groupPartial: [...partial].filter((k) => !k.includes('|')),
  });
  const { ov, lv, p, m } = cm;
  const delta = options.parameterization === 'delta';
  const thEqual = G > 1 && equal.has('thresholds');
  const nThresholds = options.nThresholds;
  if (nThresholds.length !== p)
    throw new Error('compileOrdinalModel: nThresholds does not match the model');
  const thresholdOffset: number[] = [];
  let totalTh = 0;
  for (let a = 0; a < p; a++) {
    thresholdOffset.push(totalTh);
    totalTh += nThresholds[a]!;
  }
  const nUser = model.statements.length;
  const perGroup = cm.rows.length / G;

  // rows in lavaan's order, with a tie key for every free row (rows sharing a key share one z element)
  interface Pending extends Omit<OrdinalParRow, 'free'> {
    readonly tie: string | null;
  }
  const pending: Pending[] = [];
  for (let g = 1; g <= G; g++) {
    const base = cm.rows.slice((g - 1) * perGroup, g * perGroup);
    const offset = (g - 1) * perGroup;
    const fromBase = (i: number): Pending => {
      const r = base[i]!;
      return { ...r, derived: false, baseRow: offset + i, tie: r.free >= 0 ? `z${r.free}` : null };
    };
    for (let i = 0; i < nUser; i++) pending.push(fromBase(i));
    for (let a = 0; a < p; a++) {
      for (let t = 0; t < nThresholds[a]!; t++) {
        const name = `${ov[a]}|t${t + 1}`;
        pending.push({
          lhs: ov[a]!,
          op: '|',
          rhs: `t${t + 1}`,
          group: g,
          mat: 'tau',
          row: thresholdOffset[a]! + t,
          col: 0,
          value: 0,
          label: '',
          derived: false,
          baseRow: -1,
          tie: thEqual && !partial.has(name) ? `th:${name}` : `th:${name}@g${g}`,
        });
      }
    }
    for (let i = nUser; i < perGroup; i++) {
      const r = base[i]!;
      if (r.mat === 'nu' || r.mat === 'alpha') continue; // after the scaling factors
      if (r.mat === 'theta' && r.row === r.col) {
        // residual variance of an ordered variable
        const freeHere = !delta && g > 1 && thEqual;
        pending.push({
          ...fromBase(i),
          value: 1,
          derived: delta,
          tie: freeHere ? `theta:${r.lhs}@g${g}` : null,
        });
        continue;
      }
      pending.push(fromBase(i));
    }
    for (let a = 0; a < p; a++) {
      const freeHere = delta && g > 1 && thEqual;
      pending.push({
        lhs: ov[a]!,
        op: '~*~',
        rhs: ov[a]!,
        group: g,
        mat: 'delta',
        row: a,
        col: 0,
        value: 1,
        label: '',
        derived: !delta,
        baseRow: -1,
        tie: freeHere ? `delta:${ov[a]}@g${g}` : null,
      });
    }
    for (let i = nUser; i < perGroup; i++) {
      const r = base[i]!;
      if (r.mat === 'nu') pending.push({ ...fromBase(i), value: 0, tie: null });
      else if (r.mat === 'alpha') {
        // a latent mean the syntax names is a user row above; these are lavaan's defaults
        const tie = g > 1 && thEqual ? `alpha:${r.lhs}@g${g}` : null;
        pending.push({ ...fromBase(i), value: 0, tie });
      }
    }
  }
  const zRows: number[][] = [];
  const zNames: string[] = [];
  const zOf = new Map<string, number>();
  const rows: OrdinalParRow[] = pending.map((r, idx) => {
    let free = -1;
    if (r.tie !== null) {
      const existing = zOf.get(r.tie);
      if (existing !== undefined) free = existing;
      else {
        free = zRows.length;
        zOf.set(r.tie, free);
        zRows.push([]);
        zNames.push(`${r.lhs}${r.op}${r.rhs}@g${r.group}`);
      }
      zRows[free]!.push(idx);
    }
    return {
      lhs: r.lhs,
      op: r.op,
      rhs: r.rhs,
      group: r.group,
      mat: r.mat,
      row: r.row,
      col: r.col,
      free,
      value: r.value,
      label: r.label,
      derived: r.derived,
      baseRow: r.baseRow,
    };
  });
  return {
    ov,
    lv,
    p,
    m,
    nGroups: G,
    parameterization: options.parameterization,
    nThresholds: [...nThresholds],
    thresholdOffset,
    rows,
    nFree: zRows.length,
    zRows,
    zNames,
    statsPerGroup: totalTh + (p * (p - 1)) / 2,
    continuous: cm,
  };
}
