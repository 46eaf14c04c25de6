/**
 * The rows themselves (not only their moments), per group and missing-data pattern, for the casewise
 * computations: robust (Huber–White) standard errors and the Yuan–Bentler test need each row's score,
 * and FIML's likelihood is a sum over rows with different observed variables.
 *
 * As lavaan 0.6-14 builds them (lav_data_full, lav_data_missing_patterns): rows with a missing group
 * label are dropped; with `missing = "listwise"` every row with a missing model variable is dropped; with
 * `missing = "ml"` only rows with every model variable missing are dropped, and the rest are grouped by
 * which variables they observe. Pairwise coverage = the share of a group's rows observing both variables.
 */
import type { DataSet } from '../data/data-set';
import { CfaDataError } from './errors';
import { rowGroupIndex, type GroupingOptions } from './moments';

/** How rows with missing values enter the fit (lavaan's `missing`). */
export type MissingPolicy = 'listwise' | 'ml';

/** The rows of one group that observe the same variables. */
export interface MissingPattern {
  /** Indices (into the model variables) of the observed variables, ascending. */
  readonly observed: Int32Array;
  /** Indices of the pattern's rows in {@link GroupCases.y}. */
  readonly rows: Int32Array;
  readonly n: number;
  /** Means of the observed variables over the pattern's rows. */
  readonly mean: Float64Array;
  /** Covariance (divisor n) of the observed variables over the pattern's rows, p_o×p_o. */
  readonly cov: Float64Array;
}

/** One group's usable rows on the model variables. */
export interface GroupCases {
  readonly n: number;
  readonly p: number;
  /** n×p row-major; NaN = missing (only with missing = "ml"). */
  readonly y: Float64Array;
  /** Missing-data patterns, largest first; a single pattern when every row is complete. */
  readonly patterns: readonly MissingPattern[];
  /** p×p pairwise coverage: share of the rows observing both variables. */
  readonly coverage: Float64Array;
}

export interface CaseData {
  readonly variables: readonly string[];
  /** Group labels in order of first appearance; `['']` without groups. */
  readonly groups: readonly string[];
  readonly cases: readonly GroupCases[];
  /** Rows dropped: a missing group label, an incomplete row (listwise) or an empty row (ml). */
  readonly nDropped: number;
  /** 1-based data rows with every model variable missing (dropped under missing = "ml"). */
  readonly emptyRows: readonly number[];
}

/**
 * Splits the data into groups and missing-data patterns on `variables`.
 * @throws CfaDataError for an unknown variable; a variable with no observed value, or no variance, in a
 *   group; or a group with fewer than 2 usable rows.
 */
export function caseData(
  data: DataSet,
  variables: readonly string[],
  grouping: GroupingOptions,
  missing: MissingPolicy,
): CaseData {
  const cols = variables.map((v) => {
    const j = data.columns.indexOf(v);
    if (j < 0) throw new CfaDataError(`the variable '${v}' is not in the data`);
    return j;
  });
  const p = cols.length;
  const { groups, index } = rowGroupIndex(data, grouping);
  const kept: number[][] = groups.map(() => []);
  const emptyRows: number[] = [];
  let nDropped = 0;
  data.rows.forEach((row, i) => {
    const g = index[i]!;
    if (g < 0) {
      nDropped++;
      return;
    }
    let observed = 0;
    for (const j of cols) if (Number.isFinite(row[j])) observed++;
    if (observed === p || (missing === 'ml' && observed > 0)) kept[g]!.push(i);
    else {
      nDropped++;
      if (observed === 0 && missing === 'ml') emptyRows.push(i + 1);
    }
  });
  const cases = kept.map((rowsOfGroup, g) => {
    const where = groups.length > 1 ? ` in group '${groups[g]}'` : '';
    const n = rowsOfGroup.length;
    if (n < 2) {
      throw new CfaDataError(
        `only ${n} ${missing === 'ml' ? 'non-empty' : 'complete'} row(s)${where}: too few for a covariance matrix`,
      );
    }
    const y = new Float64Array(n * p);
    rowsOfGroup.forEach((i, r) => {
      const row = data.rows[i]!;
      for (let a = 0; a < p; a++) {
        const v = row[cols[a]!];
        y[r * p + a] = v !== undefined && Number.isFinite(v) ? v : Number.NaN;
      }
    });
    checkVariables(y, n, p, variables, where);
    return groupCases(y, n, p);
  });
  return { variables: [...variables], groups, cases, nDropped, emptyRows };
}

/** A variable must be observed, and vary, in every group (lavaan stops otherwise). */
function checkVariables(
  y: Float64Array,
  n: number,
  p: number,
  variables: readonly string[],
  where: string,
): void {
  for (let a = 0; a < p; a++) {
    let first = Number.NaN;
    let count = 0;
    let varies = false;
    for (let r = 0; r < n; r++) {
      const v = y[r * p + a]!;
      if (Number.isNaN(v)) continue;
      if (count === 0) first = v;
      else if (v !== first) varies = true;
      count++;
    }
    if (count === 0) throw new CfaDataError(`the variable '${variables[a]}' has no values${where}`);
    if (!varies) {
      throw new CfaDataError(
        `the variable '${variables[a]}' has no variance${where} (${count === 1 ? 'one value' : `every value is ${first}`})`,
      );
    }
  }
}

/** Groups rows by pattern and takes each pattern's moments (two passes: mean, then centred products). */
export function groupCases(y: Float64Array, n: number, p: number): GroupCases {
  const byKey = new Map<string, number[]>();
  const flags = new Array<string>(p);
  for (let r = 0; r < n; r++) {
    for (let a = 0; a < p; a++) flags[a] = Number.isNaN(y[r * p + a]!) ? '0' : '1';
    const key = flags.join('');
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const patterns = [...byKey.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([key, rows]) => patternOf(y, p, key, rows));
  const coverage = new Float64Array(p * p);
  for (const pat of patterns) {
    for (const a of pat.observed) for (const b of pat.observed) coverage[a * p + b]! += pat.n / n;
  }
  return { n, p, y, patterns, coverage };
}

function patternOf(y: Float64Array, p: number, key: string, rows: number[]): MissingPattern {
  const observed = Int32Array.from([...key].flatMap((c, a) => (c === '1' ? [a] : [])));
  const po = observed.length;
  const n = rows.length;
  const mean = new Float64Array(po);
  for (const r of rows) for (let a = 0; a < po; a++) mean[a]! += y[r * p + observed[a]!]!;
  for (let a = 0; a < po; a++) mean[a]! /= n;
  const cov = new Float64Array(po * po);
  const d = new Float64Array(po);
  for (const r of rows) {
    for (let a = 0; a < po; a++) d[a] = y[r * p + observed[a]!]! - mean[a]!;
    for (let a = 0; a < po; a++) for (let b = 0; b <= a; b++) cov[a * po + b]! += d[a]! * d[b]!;
  }
  for (let a = 0; a < po; a++) {
    for (let b = 0; b <= a; b++) {
      const v = cov[a * po + b]! / n;
      cov[a * po + b] = v;
      cov[b * po + a] = v;
    }
  }
  return { observed, rows: Int32Array.from(rows), n, mean, cov };
}

/** lavaan's warnings about the data under missing = "ml" (empty rows, low pairwise coverage). */
export function caseDataWarnings(cd: CaseData): string[] {
  const out: string[] = [];
  if (cd.emptyRows.length > 0) {
    out.push(
      `${cd.emptyRows.length} row(s) with every model variable missing were left out (rows ${cd.emptyRows.join(', ')})`,
    );
  }
  cd.cases.forEach((c, g) => {
    const where = cd.groups.length > 1 ? ` in group '${cd.groups[g]}'` : '';
    // a variable's own coverage first: a pair involving it is then covered no better
    let worst = 1;
    let what = '';
    for (let a = 0; a < c.p; a++) {
      const v = c.coverage[a * c.p + a]!;
      if (v < worst) {
        worst = v;
        what = `'${cd.variables[a]}' is observed`;
      }
    }
    for (let a = 0; a < c.p; a++) {
      for (let b = 0; b < a; b++) {
        const v = c.coverage[a * c.p + b]!;
        if (v < worst) {
          worst = v;
          what = `'${cd.variables[b]}' and '${cd.variables[a]}' are observed together`;
        }
      }
    }
    if (worst < 0.1) {
      out.push(
        `low coverage: ${what} in only ${(100 * worst).toFixed(1)}% of the rows${where} (lavaan warns below 10%)`,
      );
    }
  });
  return out;
}
