import type { DataSet } from '@swhc/psychometrics';
import type { CsvTable } from '@swhc/csv';
import { CliError } from '../cli/cli-error';

// A plain decimal or scientific number; no hex, no Infinity, no thousands separators.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Position of a named column; an unknown name is a user error that lists what the file has. */
export function columnIndex(table: CsvTable, name: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new CliError(`unknown column '${name}' (the file has: ${table.header.join(', ')})`);
  }
  return index;
}

/** One cell as a number: empty (after trimming) is missing (NaN); anything else must be a number. */
export function parseCell(table: CsvTable, row: number, column: number): number {
  const cell = (table.records[row]?.[column] ?? '').trim();
  if (cell === '') return Number.NaN;
  if (!NUMBER.test(cell)) {
    throw new CliError(
      `non-numeric value '${cell}' in column '${table.header[column]}' at data row ${row + 1} ` +
        '(leave the cell empty for a missing value)',
    );
  }
  const value = Number(cell);
  if (!Number.isFinite(value)) {
    throw new CliError(
      `value '${cell}' in column '${table.header[column]}' at data row ${row + 1} is not a finite number`,
    );
  }
  return value;
}

/** The named columns as a numeric DataSet (NaN = missing), rows in file order. */
export function numericDataSet(table: CsvTable, names: readonly string[]): DataSet {
  const indexes = names.map((name) => columnIndex(table, name));
  const rows = table.records.map((_, r) => indexes.map((c) => parseCell(table, r, c)));
  return { columns: [...names], rows };
}

/** One numeric column (NaN = missing). */
export function numericColumn(table: CsvTable, name: string): number[] {
  const column = columnIndex(table, name);
  return table.records.map((_, r) => parseCell(table, r, column));
}

/** One text column, cells trimmed; an empty cell stays '' so callers can reject or skip it. */
export function textColumn(table: CsvTable, name: string): string[] {
  const column = columnIndex(table, name);
  return table.records.map((record) => (record[column] ?? '').trim());
}
