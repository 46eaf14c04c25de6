import { UnknownGroupKeyError } from './errors';
import { assertUniqueKeys } from './validate-counts';

/**
 * A grouping of respondents shown in the report (role, team type, …). Every respondent belongs to
 * exactly one group of every dimension: map a missing or "prefer not to say" answer to its own key.
 * `keys` fixes the order of groups and lets empty groups appear (as suppressed cells).
 */
export interface DimensionSpec {
  readonly name: string;
  readonly keys?: readonly string[];
}

/** One respondent as the report sees them: dimension name → group key. Nothing else is needed. */
export type RespondentGroups = Readonly<Record<string, string | null | undefined>>;

/** Internal: a dimension as a partition of respondents 0..N-1 into indexed groups. */
export interface Partition {
  readonly name: string;
  readonly keys: readonly string[];
  readonly sizes: readonly number[];
  /** groupOf[r] is the index in `keys` of respondent r's group. */
  readonly groupOf: Int32Array;
}

export function buildPartitions(
  records: readonly RespondentGroups[],
  dimensions: readonly DimensionSpec[],
): Partition[] {
  assertUniqueKeys(
    dimensions.map((d) => d.name),
    'dimensions',
  );
  return dimensions.map((dimension) => buildPartition(records, dimension));
}

function buildPartition(records: readonly RespondentGroups[], dimension: DimensionSpec): Partition {
  const declared = dimension.keys !== undefined;
  const keys: string[] = [...(dimension.keys ?? [])];
  assertUniqueKeys(keys, `dimension '${dimension.name}'`);
  const index = new Map<string, number>(keys.map((key, i) => [key, i]));
  const sizes: number[] = keys.map(() => 0);
  const groupOf = new Int32Array(records.length);
  records.forEach((record, r) => {
    const value = record[dimension.name];
    if (typeof value !== 'string') throw new UnknownGroupKeyError(dimension.name, value);
    let g = index.get(value);
    if (g === undefined) {
      if (declared) throw new UnknownGroupKeyError(dimension.name, value);
      g = keys.length;
      keys.push(value);
      sizes.push(0);
      index.set(value, g);
    }
    groupOf[r] = g;
    sizes[g] = (sizes[g] ?? 0) + 1;
  });
  return { name: dimension.name, keys, sizes, groupOf };
}

/** crossTab[a][b] = respondents in group a of `first` and group b of `second`. */
export function crossTabulate(first: Partition, second: Partition): number[][] {
  const table = first.keys.map(() => second.keys.map(() => 0));
  for (let r = 0; r < first.groupOf.length; r++) {
    const row = table[first.groupOf[r] ?? -1];
    const b = second.groupOf[r] ?? -1;
    if (row !== undefined) row[b] = (row[b] ?? 0) + 1;
  }
  return table;
}
