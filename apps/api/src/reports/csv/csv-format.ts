/** RFC 4180 CSV as spreadsheets open it: UTF-8 with a byte-order mark, CRLF, formula-safe text. */

export type Cell = string | number | boolean | null;

/** Excel reads a CSV as UTF-8 (so "Children’s" keeps its apostrophe) only when it starts with this. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 field; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** A column of a table and what it means, for the note at the top of the file. */
export interface CsvColumn {
  readonly header: string;
  readonly note: string;
}

export const col = (header: string, note: string): CsvColumn => ({ header, note });

/** The note of every verdict column: the report's one verdict rule. */
export const CLEAR =
  'Better or Worse only when the difference is clear (Welch test, p below 0.05), else Similar';

/** One table of the file: a title row, the header row, then the rows. */
export interface CsvTable {
  readonly title: string;
  readonly columns: readonly CsvColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

const lines = (rows: readonly (readonly Cell[])[]): string =>
  rows.map((row) => row.map(csvField).join(',')).join('\r\n');

/**
 * The file: the opening rows (title and details), a note of what every column of every table means,
 * then each table under its title, blank lines between.
 */
export function csvDocument(
  opening: readonly (readonly Cell[])[],
  tables: readonly CsvTable[],
): string {
  const blocks: (readonly (readonly Cell[])[])[] = [opening];
  if (tables.length > 0) {
    blocks.push([
      ['What each column means'],
      ['Table', 'Column', 'What it means'],
      ...tables.flatMap((t) => t.columns.map((c): Cell[] => [t.title, c.header, c.note])),
    ]);
  }
  for (const t of tables) blocks.push([[t.title], t.columns.map((c) => c.header), ...t.rows]);
  return `${UTF8_BOM}${blocks.map(lines).join('\r\n\r\n')}\r\n`;
}
