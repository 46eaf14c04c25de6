/**
 * Per-group sample moments as lavaan computes them for ML (lavaan 0.6-14, SPEC §3.1): listwise
 * deletion on the model variables (and on the group label), covariance with divisor N (not N − 1),
 * groups in order of first appearance in the data (`unique(as.character(x))`, not factor levels).
 */
import type { DataSet } from '../data/data-set';
import { toSquare } from '../linalg';
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
 * Builds per-group sample moments of `variables` from raw data, with listwise deletion.
 * @throws CfaDataError for an unknown variable or group column, or a group without enough complete rows.
 */
export function sampleMoments(
  data: DataSet,
  variables: readonly string[],
  options: GroupingOptions = {},
): SampleMoments {
  const cols = variables.map((v) => {
    const j = data.columns.indexOf(v);
    if (j < 0) throw new CfaDataError(`the variable '${v}' is not in the data`);
    return j;
  });
  const labels = rowGroupLabels(data, options);
  const groups: string[] = [];
  const groupOf = new Map<string, number>();
  if (labels === null) {
    groups.push('');
    groupOf.set('', 0);
  } else {
    for (const l of labels) {
      if (l !== null && !groupOf.has(l)) {
        groupOf.set(l, groups.length);
        groups.push(l);
      }
    }
    if (groups.length === 0) throw new CfaDataError('every row has a missing group label');
  }
  const p = variables.length;
  const G = groups.length;
  const rowsByGroup: number[][] = groups.map(() => []);
  let nDropped = 0;
  data.rows.forEach((row, i) => {
    const label = labels === null ? '' : labels[i]!;
    if (label === null) {
      nDropped++;
      return;
    }
    for (const j of cols) {
      const v = row[j];
      if (v === undefined || !Number.isFinite(v)) {
        nDropped++;
        return;
      }
    }
    rowsByGroup[groupOf.get(label)!]!.push(i);
  });
  const cov: Float64Array[] = [];
  const mean: Float64Array[] = [];
  const nPerGroup: number[] = [];
  for (let g = 0; g < G; g++) {
    const idx = rowsByGroup[g]!;
    const n = idx.length;
    const name = G > 1 ? ` in group '${groups[g]}'` : '';
    if (n < 2)
      throw new CfaDataError(`only ${n} complete row(s)${name}: too few for a covariance matrix`);
    // the group's complete rows as a contiguous n×p block
    const X = new Float64Array(n * p);
    idx.forEach((i, r) => {
      const row = data.rows[i]!;
      for (let a = 0; a < p; a++) X[r * p + a] = row[cols[a]!]!;
    });
    // Two passes: means (with R's correction term), then centred cross-products (as R's cov()).
    const m = new Float64Array(p);
    for (let r = 0; r < n; r++) for (let a = 0; a < p; a++) m[a]! += X[r * p + a]!;
    for (let a = 0; a < p; a++) m[a]! /= n;
    const corr = new Float64Array(p);
    for (let r = 0; r < n; r++) for (let a = 0; a < p; a++) corr[a]! += X[r * p + a]! - m[a]!;
    for (let a = 0; a < p; a++) m[a]! += corr[a]! / n;
    for (let r = 0; r < n; r++) for (let a = 0; a < p; a++) X[r * p + a]! -= m[a]!;
    const c = new Float64Array(p * p);
    for (let r = 0; r < n; r++) {
      const o = r * p;
      for (let a = 0; a < p; a++) {
        const da = X[o + a]!;
        if (da === 0) continue;
        const ao = a * p;
        for (let b = 0; b <= a; b++) c[ao + b]! += da * X[o + b]!;
      }
    }
    for (let a = 0; a < p; a++) {
      for (let b = 0; b <= a; b++) {
        const v = c[a * p + b]! / n;
        c[a * p + b] = v;
        c[b * p + a] = v;
      }
    }
    cov.push(c);
    mean.push(m);
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
