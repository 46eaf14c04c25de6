/**
 * Score (Lagrange multiplier) tests for releasing the model's equality constraints, as lavaan 0.6-14
 * `lavTestScore(fit)` computes them (Rao 1948; Bentler 1990, Psychometrika 55:507 for SEM). A parameter
 * held equal in k places (across groups by `group.equal`, or by a shared label) carries k − 1
 * constraints, first copy == each other copy, in the order of lavaan's `==` rows (by the first copy's row,
 * then the other's). With g = ∂F/∂x and I the unit expected information in the released space x:
 *
 *   total:      X² = N·g' I⁺ g, df = number of constraints (I⁺ = I⁻¹, or MASS::ginv's pseudo-inverse when
 *               releasing every constraint leaves the model unidentified)
 *   univariate: releasing copy j alone, X² = N·g_j² / (I_jj − I_jz (K'IK)⁻¹ I_zj), df = 1
 *
 * p = 1 − pchisq(X², df). lavaan names a constraint by its parameters' table labels, ".p2. == .p38."
 * (".pN." is row N of the parameter table), which `constraint` repeats.
 */
import { pchisq } from '../distributions';
import { symmetricEigen, tryCholesky, choleskySolve } from '../linalg';
import { extendModel } from './extended-model';
import type { GroupStats } from './ml';
import type { CompiledModel } from './partable';
import type { ModelOp } from './syntax';

/** One parameter of the table, as lavaan's parameterEstimates() names it. */
export interface ParameterRef {
  readonly lhs: string;
  readonly op: ModelOp;
  readonly rhs: string;
  readonly group: number;
}

export interface UnivariateScoreTest {
  /** lavaan's name of the constraint, e.g. ".p2. == .p38.". */
  readonly constraint: string;
  /** The copy the others are held equal to (its first occurrence in the table). */
  readonly left: ParameterRef;
  /** The copy this test releases. */
  readonly right: ParameterRef;
  readonly x2: number;
  readonly df: 1;
  readonly pvalue: number;
}

export interface ScoreTests {
  readonly total: { readonly x2: number; readonly df: number; readonly pvalue: number };
  readonly univariate: readonly UnivariateScoreTest[];
}

/** g' A⁺ g for a symmetric positive semi-definite A, with MASS::ginv's tolerance (√ε · largest). */
function pseudoInverseForm(a: Float64Array, n: number, g: Float64Array): number {
  const tol = Math.sqrt(Number.EPSILON);
  const L = tryCholesky(a, n);
  if (L !== null) {
    // every eigenvalue is above tol·λmax when λmin ≥ 1/tr(A⁻¹) exceeds tol·tr(A) ≥ tol·λmax; then A⁺ = A⁻¹
    let traceA = 0;
    let traceInv = 0;
    const e = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      traceA += a[i * n + i]!;
      e.fill(0);
      e[i] = 1;
      traceInv += choleskySolve(L, n, e)[i]!;
    }
    if (1 / traceInv > tol * traceA) {
      const sol = choleskySolve(L, n, g);
      let s = 0;
      for (let i = 0; i < n; i++) s += g[i]! * sol[i]!;
      return s;
    }
  }
  const { values, vectors } = symmetricEigen(a, n);
  let dmax = 0;
  for (let i = 0; i < n; i++) dmax = Math.max(dmax, Math.abs(values[i]!));
  let s = 0;
  for (let k = 0; k < n; k++) {
    const d = values[k]!;
    if (!(Math.abs(d) > tol * dmax)) continue;
    let vg = 0;
    for (let i = 0; i < n; i++) vg += vectors[i * n + k]! * g[i]!;
    s += (vg * vg) / d;
  }
  return s;
}

/** lavaan's `lavTestScore(fit)` for a fit with estimates `z`; null when the model has no constraint. */
export function scoreTests(
  cm: CompiledModel,
  stats: readonly GroupStats[],
  z: ArrayLike<number>,
): ScoreTests | null {
  const tied = cm.zRows.filter((rows) => rows.length > 1);
  if (tied.length === 0) return null;
  const ext = extendModel(cm, stats, z, []);
  const xOfRow = new Map(ext.modelRow.map((row, i) => [row, i]));
  const ref = (row: number): ParameterRef => {
    const r = cm.rows[row]!;
    return { lhs: r.lhs, op: r.op, rhs: r.rhs, group: r.group };
  };
  const univariate: UnivariateScoreTest[] = [];
  for (const rows of tied) {
    const first = rows[0]!;
    for (const other of rows.slice(1)) {
      const j = xOfRow.get(other)!;
      const v = ext.residualInformation(j);
      const g = ext.grad[j]!;
      const x2 = v > 0 ? (ext.n * g * g) / v : Number.NaN;
      univariate.push({
        constraint: `.p${first + 1}. == .p${other + 1}.`,
        left: ref(first),
        right: ref(other),
        x2,
        df: 1,
        pvalue: 1 - pchisq(x2, 1),
      });
    }
  }
  const n = ext.nModel;
  const info = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) info[a * n + b] = ext.info[a * ext.nx + b]!;
  const x2 = ext.n * pseudoInverseForm(info, n, ext.grad.subarray(0, n));
  const df = univariate.length;
  return { total: { x2, df, pvalue: 1 - pchisq(x2, df) }, univariate };
}
