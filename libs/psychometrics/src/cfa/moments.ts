/**
 * Per-group sample moments as lavaan computes them for ML (lavaan 0.6-14 lav_samplestats_from_data): listwise
 * deletion on the model variables (and on the group label), covariance with divisor N (not N − 1),
 * groups in order of first appearance in the data (`unique(as.character(x))`, not factor levels).
 */
import type { DataSet } from '../data/data-set';
import { addLowerGram, toSquare } from '../linalg';
import { CfaDataError } from './errors';

/** Sample statistics of one or more groups: everything an ML CFA needs from the data. */
export interface SampleMoments {
  /** Variable names, in the order of the rows/columns of `cov` and of `mean`. */
  readonly variables: readonly string[];
  /** Group labels in order of first appearance; `['']` for a single-group analysis. */
  readonly groups: readonly string[];
  /** Complete rows per group (N_g). */
  readonly nPerGroup: readonly number[];
  /** Per group: p×p covariance, row-major, divisor N_g. */
  readonly cov: readonly Float64Array[];
  /** Per group: p means. */
  readonly mean: readonly Float64Array[];
  /** Rows dropped because a model variable or the group label was missing. */
  readonly nDropped: number;
}

/** How to split the rows into groups. At most one of the two. */
export interface GroupingOptions {
  /** Name of a numeric column of the data set holding the group (NaN = missing); labels are `String(value)`. */
  readonly group?: string;
  /** One label per row (for string group columns); '', null or undefined = missing. */
  readonly groups?: readonly (string | null | undefined)[];
}

/** Per-row group labels (null = missing), or null for a single-group analysis. */
export function rowGroupLabels(data: DataSet, options: GroupingOptions): (string | null)[] | null {
  if (options.group !== undefined && options.groups !== undefined) {
    throw new CfaDataError(
      "give either 'group' (a column name) or 'groups' (one label per row), not both",
    );
  }
  if (options.groups !== undefined) {
    if (options.groups.length !== data.rows.length) {
      throw new CfaDataError(
        `'groups' has ${options.groups.length} labels but the data have ${data.rows.length} rows`,
      );
    }
    return options.groups.map((g) => (g === undefined || g === null || g === '' ? null : g));
  }
  if (options.group !== undefined) {
    const j = data.columns.indexOf(options.group);
    if (j < 0) throw new CfaDataError(`the group column '${options.group}' is not in the data`);
    return data.rows.map((r) => {
      const v = r[j];
      return v === undefined || Number.isNaN(v) ? null : String(v);
    });
  }
  return null;
}

/**
 * Each row's group as an index into `groups` (−1 = missing label), groups in order of first
 * appearance; one group '' with every index 0 when there is no grouping. Same checks as
 * {@link rowGroupLabels}.
 */
export function rowGroupIndex(
  data: DataSet,
  options: GroupingOptions,
): { groups: string[]; index: Int32Array } {
  const nRows = data.rows.length;
  const index = new Int32Array(nRows);
  if (options.group === undefined && options.groups === undefined) return { groups: [''], index };
  const labels = rowGroupLabels(data, options)!;
  const groups: string[] = [];
  const groupOf = new Map<string, number>();
  let last: string | null = null;
  let lastIndex = -1;
  for (let i = 0; i < nRows; i++) {
    const l = labels[i]!;
    if (l === null) {
      index[i] = -1;
      continue;
    }
    if (l !== last) {
      // survey groups are few and come in runs: the Map is consulted only when the label changes
      let g = groupOf.get(l);
      if (g === undefined) {
        g = groups.length;
        groupOf.set(l, g);
        groups.push(l);
      }
      last = l;
      lastIndex = g;
    }
    index[i] = lastIndex;
  }
  if (groups.length === 0) throw new CfaDataError('every row has a missing group label');
  return { groups, index };
}

/** Rows gathered per block before their cross-products are taken (p columns × 256 rows stay in cache). */
const BLOCK_ROWS = 256;

/**
 * One group's running sums for the covariance: rows are shifted by the group's first complete row s
 * (so the sums stay small and, for integer answers, exact), gathered column by column into a block,
 * and each full block adds its column sums and column dot products to Σ(x − s) and to the lower
 * triangle of C = Σ(x − s)(x − s)'.
 */
class CrossProducts {
  n = 0;
  readonly shift: Float64Array;
  readonly sum: Float64Array;
  readonly cross: Float64Array;
  private readonly block: Float64Array;
  private fill = 0;

  constructor(private readonly p: number) {
    this.shift = new Float64Array(p);
    this.sum = new Float64Array(p);
    this.cross = new Float64Array(p * p);
    this.block = new Float64Array(p * BLOCK_ROWS);
  }

  /** Adds the row if every value is finite (listwise deletion); returns whether it was added. */
  add(row: readonly number[], cols: Int32Array): boolean {
    const { p, block, shift } = this;
    if (this.n === 0) {
      for (let a = 0; a < p; a++) {
        const v = row[cols[a]!];
        if (v === undefined || !Number.isFinite(v)) return false;
        shift[a] = v;
      }
    }
    // Write first, keep only if complete: v − v is 0 for a finite number and NaN for NaN, ±Infinity
    // or a missing cell, so one NaN makes `bad` NaN. The row is read once.
    const r = this.fill;
    let bad = 0;
    for (let a = 0; a < p; a++) {
      const v = row[cols[a]!]!;
      block[a * BLOCK_ROWS + r] = v - shift[a]!;
      bad += v - v;
    }
    if (bad !== 0) return false;
    this.n++;
    if (++this.fill === BLOCK_ROWS) this.flush();
    return true;
  }

  /** Adds the block's column sums and column dot products (two columns by two, see addLowerGram). */
  flush(): void {
    const { p, block, cross, sum } = this;
    const len = this.fill;
    for (let a = 0; a < p; a++) {
      const ao = a * BLOCK_ROWS;
      let s = 0;
      for (let r = 0; r < len; r++) s += block[ao + r]!;
      sum[a]! += s;
    }
    addLowerGram(block, p, BLOCK_ROWS, len, cross);
    this.fill = 0;
  }

  /** Means and the N-divisor covariance: S = C/n − d d', m = s + d, d = Σ(x − s)/n. */
  finish(): { mean: Float64Array; cov: Float64Array } {
    this.flush();
    const { p, n, sum, shift, cross } = this;
    const mean = new Float64Array(p);
    const d = new Float64Array(p);
    for (let a = 0; a < p; a++) {
      d[a] = sum[a]! / n;
      mean[a] = shift[a]! + d[a]!;
    }
    const cov = new Float64Array(p * p);
    for (let a = 0; a < p; a++) {
      for (let b = 0; b <= a; b++) {
        const v = (cross[a * p + b]! - d[a]! * sum[b]!) / n;
        cov[a * p + b] = v;
        cov[b * p + a] = v;
      }
    }
    return { mean, cov };
  }
}

/** The first variable without a single value, if any (an empty column explains "no complete rows"). */
function emptyVariable(
  rows: readonly (readonly number[])[],
  cols: Int32Array,
  variables: readonly string[],
): string | undefined {
  return variables.find((_, a) => rows.every((row) => !Number.isFinite(row[cols[a]!] ?? NaN)));
}

/**
 * Builds per-group sample moments of `variables` from raw data, with listwise deletion, in one pass
 * over the rows: no per-row allocation, the group looked up only when the label changes, and the
 * cross-products accumulated blockwise on rows shifted by the group's first complete row
 * ({@link CrossProducts}; a shift from a data point keeps Σ(x − s)(x − s)' − n·d·d' as accurate as
 * R's two-pass cov()).
 * @throws CfaDataError for an unknown variable or group column, a variable without values, or a group
 *   without enough complete rows.
 */
export function sampleMoments(
  data: DataSet,
  variables: readonly string[],
  options: GroupingOptions = {},
): SampleMoments {
  const cols = Int32Array.from(
    variables.map((v) => {
      const j = data.columns.indexOf(v);
      if (j < 0) throw new CfaDataError(`the variable '${v}' is not in the data`);
      return j;
    }),
  );
  const { groups, index } = rowGroupIndex(data, options);
  const p = variables.length;
  const G = groups.length;
  const acc = groups.map(() => new CrossProducts(p));
  let nDropped = 0;
  const rows = data.rows;
  for (let i = 0; i < rows.length; i++) {
    const g = index[i]!;
    if (g < 0 || !acc[g]!.add(rows[i]!, cols)) nDropped++;
  }
  const cov: Float64Array[] = [];
  const mean: Float64Array[] = [];
  const nPerGroup: number[] = [];
  for (let g = 0; g < G; g++) {
    const n = acc[g]!.n;
    const name = G > 1 ? ` in group '${groups[g]}'` : '';
    if (n < 2) {
      const empty = emptyVariable(rows, cols, variables);
      if (empty !== undefined) {
        throw new CfaDataError(`the variable '${empty}' has no values: every cell is empty`);
      }
      throw new CfaDataError(`only ${n} complete row(s)${name}: too few for a covariance matrix`);
    }
    const m = acc[g]!.finish();
    cov.push(m.cov);
    mean.push(m.mean);
    nPerGroup.push(n);
  }
  return { variables: [...variables], groups, nPerGroup, cov, mean, nDropped };
}

/** Input form of {@link SampleMoments} for callers that have summary statistics only. */
export interface SampleMomentsInput {
  readonly variables: readonly string[];
  readonly groups?: readonly string[];
  readonly nPerGroup: readonly number[];
  /** Per group: covariance with divisor N_g, as nested rows or flat row-major. */
  readonly cov: readonly (ArrayLike<number> | readonly (readonly number[])[])[];
  /** Per group: means (needed for multi-group or mean-structure models; may be omitted otherwise). */
  readonly mean?: readonly ArrayLike<number>[];
  readonly nDropped?: number;
}

/** Checks and normalises user-supplied moments. */
export function normaliseMoments(input: SampleMomentsInput | SampleMoments): SampleMoments {
  const p = input.variables.length;
  const G = input.nPerGroup.length;
  if (input.cov.length !== G) {
    throw new CfaDataError(`moments: ${input.cov.length} covariance matrices for ${G} groups`);
  }
  const groups =
    input.groups ?? (G === 1 ? [''] : Array.from({ length: G }, (_, g) => String(g + 1)));
  if (groups.length !== G)
    throw new CfaDataError(`moments: ${groups.length} group labels for ${G} groups`);
  const cov = input.cov.map((c, g) => {
    const sq =
      c instanceof Float64Array && c.length === p * p
        ? { n: p, data: c }
        : toSquare(c, 'covariance');
    if (sq.n !== p) {
      throw new CfaDataError(
        `moments: covariance of group ${g + 1} is ${sq.n}×${sq.n}, expected ${p}×${p}`,
      );
    }
    return sq.data;
  });
  const mean = cov.map((_, g) => {
    const m = input.mean?.[g];
    if (m === undefined) return new Float64Array(p).fill(Number.NaN);
    if (m.length !== p)
      throw new CfaDataError(`moments: group ${g + 1} has ${m.length} means, expected ${p}`);
    return Float64Array.from(m);
  });
  input.nPerGroup.forEach((n, g) => {
    if (!(Number.isInteger(n) && n >= 2))
      throw new CfaDataError(`moments: N of group ${g + 1} is ${n}`);
  });
  return {
    variables: [...input.variables],
    groups: [...groups],
    nPerGroup: [...input.nPerGroup],
    cov,
    mean,
    nDropped: input.nDropped ?? 0,
  };
}
