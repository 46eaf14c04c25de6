/**
 * Response tables turned into the data sets libs/psychometrics takes (rows × named columns). Pure:
 * the same builders serve England's cached data and one LA's rows.
 */
import type { InstrumentDefinition } from '@swhc/instruments';
import type { DataSet } from '@swhc/psychometrics';
import type { ResponseTable } from './response-table';

/** Intention to stay and the scale means (predictor names are the scale keys). */
export function driversDataSet(instrument: InstrumentDefinition, table: ResponseTable): DataSet {
  const columns = [instrument.outcome, ...instrument.scales.map((s) => s.key)];
  const rows: number[][] = [];
  for (let r = 0; r < table.size; r++) {
    rows.push([
      table.outcome[r],
      ...instrument.scales.map((s) => table.scaleMeans[s.key]?.[r] ?? Number.NaN),
    ]);
  }
  return { columns, rows };
}

/** The items of one scale, reverse-keyed items turned round (min + max − x), over several tables. */
export function scaleItemsDataSet(
  instrument: InstrumentDefinition,
  scaleKey: string,
  tables: readonly ResponseTable[],
): DataSet {
  const scale = instrument.scales.find((s) => s.key === scaleKey);
  if (!scale) throw new Error(`Unknown scale ${scaleKey}`);
  const { min, max } = instrument.responseScale;
  const rows: number[][] = [];
  for (const table of tables) {
    for (let r = 0; r < table.size; r++) {
      rows.push(
        scale.items.map((item) => {
          const v = table.items[item]?.[r] ?? Number.NaN;
          return scale.reversed.includes(item) ? min + max - v : v;
        }),
      );
    }
  }
  return { columns: scale.items, rows };
}
