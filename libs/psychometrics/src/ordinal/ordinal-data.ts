/**
 * Raw data → ordered categories, as lavaan 0.6-14 prepares `ordered` variables: each variable's categories
 * are its distinct observed values over all rows, in increasing order (R's `ordered(x)`), coded 0..K−1;
 * rows with a missing value on any model variable or on the group label are dropped (listwise, lavaan's
 * default for WLSMV); groups in order of first appearance (as for ML).
 */
import type { DataSet } from '../data/data-set';
import { rowGroupIndex, type GroupingOptions } from '../cfa/moments';
import { EmptyCategoryError, OrdinalDataError } from './errors';

export interface OrdinalGroupData {
  /** Group label ('' without groups). */
  readonly label: string;
  /** Complete rows in the group. */
  readonly n: number;
  /** Per variable: the category code (0..K−1) of each complete row, in row order. */
  readonly codes: readonly Int32Array[];
  /** Per variable: how many complete rows fall in each category. */
  readonly counts: readonly Int32Array[];
}

export interface OrdinalData {
  readonly variables: readonly string[];
  /** Per variable: the observed values that are its categories, ascending. */
  readonly levels: readonly (readonly number[])[];
  readonly groups: readonly OrdinalGroupData[];
  /** Rows dropped for a missing value or a missing group label. */
  readonly nDropped: number;
}

/**
 * Codes the variables as ordered categories per group.
 * @throws OrdinalDataError (unknown variable, a single category), EmptyCategoryError (a category absent in a
 *   group), CfaDataError (group options).
 */
export function ordinalData(
  data: DataSet,
  variables: readonly string[],
  grouping: GroupingOptions = {},
): OrdinalData {
  const cols = variables.map((v) => {
    const j = data.columns.indexOf(v);
    if (j < 0) throw new OrdinalDataError(`the variable '${v}' is not in the data`);
    return j;
  });
  const p = variables.length;
  // categories over every row where the value is present (lavaan converts the whole column with ordered())
  const levels = cols.map((j, a) => {
    const seen = new Set<number>();
    for (const row of data.rows) {
      const v = row[j];
      if (v !== undefined && Number.isFinite(v)) seen.add(v);
    }
    const sorted = [...seen].sort((x, y) => x - y);
    if (sorted.length < 2) {
      throw new OrdinalDataError(
        sorted.length === 0
          ? `the ordered variable '${variables[a]}' has no observed values`
          : `the ordered variable '${variables[a]}' has a single category (${sorted[0]}): it carries no information`,
      );
    }
    return sorted;
  });
  const codeOf = levels.map((lv) => new Map(lv.map((v, k) => [v, k])));
  const { groups, index } = rowGroupIndex(data, grouping);
  const G = groups.length;
  const rowsOf: number[][] = groups.map(() => []);
  let nDropped = 0;
  data.rows.forEach((row, r) => {
    const g = index[r]!;
    if (g < 0) {
      nDropped++;
      return;
    }
    for (let a = 0; a < p; a++) {
      const v = row[cols[a]!];
      if (v === undefined || !Number.isFinite(v)) {
        nDropped++;
        return;
      }
    }
    rowsOf[g]!.push(r);
  });
  const out: OrdinalGroupData[] = [];
  for (let g = 0; g < G; g++) {
    const rows = rowsOf[g]!;
    const n = rows.length;
    if (n < 2) {
      const where = G > 1 ? ` in group '${groups[g]}'` : '';
      throw new OrdinalDataError(
        `only ${n} complete row(s)${where}: too few for thresholds and polychoric correlations`,
      );
    }
    const codes: Int32Array[] = [];
    const counts: Int32Array[] = [];
    for (let a = 0; a < p; a++) {
      const c = new Int32Array(n);
      const k = new Int32Array(levels[a]!.length);
      const map = codeOf[a]!;
      const j = cols[a]!;
      for (let t = 0; t < n; t++) {
        const code = map.get(data.rows[rows[t]!]![j]!)!;
        c[t] = code;
        k[code]!++;
      }
      if (k.some((x) => x === 0)) {
        throw new EmptyCategoryError(variables[a]!, G > 1 ? groups[g]! : '', g + 1, Array.from(k));
      }
      codes.push(c);
      counts.push(k);
    }
    out.push({ label: groups[g]!, n, codes, counts });
  }
  return { variables: [...variables], levels, groups: out, nDropped };
}
