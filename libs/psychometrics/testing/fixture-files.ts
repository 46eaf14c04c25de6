/**
 * Reading libs/psychometrics/fixtures: R's reference values (JSON), the public data sets and the
 * simulated surveys (CSV as R's `write.csv(na = "")` writes them). Test support only: the library in
 * src/ never reads files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSet } from '../src/data/data-set';

/** libs/psychometrics/fixtures */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

export function readFixtureText(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

/** A JSON fixture, typed by the caller (see references.ts for the shapes of the reference files). */
export function readFixtureJson<T>(name: string): T {
  return JSON.parse(readFixtureText(name)) as T;
}

/** A CSV fixture: every cell as a number (empty, NA or text → NaN) and as text. */
export interface FixtureTable extends DataSet {
  /** Cell text per row, unquoted, for text columns such as HS `school`. */
  readonly text: readonly (readonly string[])[];
  /** One column as numbers (NaN = missing). */
  column(name: string): number[];
  /** One column as text ('' = missing). */
  textColumn(name: string): string[];
  /** The named columns as a DataSet, in the order asked for. */
  select(names: readonly string[]): DataSet;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Reads fixtures/<name> (one header row; R writes no line breaks inside fields). */
export function loadCsv(name: string): FixtureTable {
  const lines = readFixtureText(name)
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const columns = splitCsvLine(lines[0] ?? '');
  const text = lines.slice(1).map(splitCsvLine);
  const rows = text.map((cells) => cells.map((c) => (c === '' || c === 'NA' ? NaN : Number(c))));
  const index = (column: string): number => {
    const j = columns.indexOf(column);
    if (j < 0) throw new Error(`no column ${column} in ${name}`);
    return j;
  };
  return {
    columns,
    rows,
    text,
    column: (column) => {
      const j = index(column);
      return rows.map((r) => r[j] ?? NaN);
    },
    textColumn: (column) => {
      const j = index(column);
      return text.map((r) => r[j] ?? '');
    },
    select: (names) => {
      const idx = names.map(index);
      return { columns: [...names], rows: rows.map((r) => idx.map((j) => r[j] ?? NaN)) };
    },
  };
}
