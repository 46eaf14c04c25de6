/** Column access on a DataSet with a typed error for unknown names. */
import type { DataSet } from '../data/data-set';
import { UnknownColumnError } from './errors';

/** The named columns as arrays (NaN = missing), in the order asked for. @throws UnknownColumnError */
export function selectColumns(data: DataSet, names: readonly string[]): number[][] {
  const index = names.map((name) => {
    const j = data.columns.indexOf(name);
    if (j < 0) throw new UnknownColumnError(name, data.columns);
    return j;
  });
  return index.map((j) => data.rows.map((row) => (row[j] === undefined ? NaN : row[j])));
}
