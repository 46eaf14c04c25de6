/**
 * RFC 4180 reader: comma-separated fields, optional double quotes around a field, `""` inside quotes for a
 * literal quote, CRLF or LF line ends (and commas / line breaks allowed inside quotes). The first record is
 * the header. A UTF-8 byte-order mark is dropped because spreadsheet exports often start with one.
 */
export interface CsvTable {
  readonly header: readonly string[];
  /** Data records, each with exactly header.length cells (the reader rejects ragged rows). */
  readonly records: readonly (readonly string[])[];
}

/** Thrown for malformed CSV text; the message names the line. */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

export function parseCsv(text: string): CsvTable {
  const rows = splitRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const header = rows[0];
  if (header === undefined || (header.cells.length === 1 && header.cells[0] === '')) {
    throw new CsvFormatError('the file is empty (no header row)');
  }
  const seen = new Set<string>();
  for (const name of header.cells) {
    if (name.trim() === '') throw new CsvFormatError('the header row has an empty column name');
    if (seen.has(name)) throw new CsvFormatError(`the header row names column '${name}' twice`);
    seen.add(name);
  }
  const records: string[][] = [];
  for (const row of rows.slice(1)) {
    // A blank line (e.g. the final newline's empty tail) carries no record.
    if (row.cells.length === 1 && row.cells[0] === '' && !row.quoted) continue;
    if (row.cells.length !== header.cells.length) {
      throw new CsvFormatError(
        `line ${row.line} has ${row.cells.length} fields but the header has ${header.cells.length}`,
      );
    }
    records.push(row.cells);
  }
  return { header: header.cells, records };
}

/**
 * Every record as cells, without a header or a fixed width: for files made of several tables (e.g. an
 * LA report's CSV), where rows differ in length. Blank lines are kept as one empty cell.
 */
export function parseCsvRows(text: string): string[][] {
  return splitRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).map((r) => r.cells);
}

interface RawRecord {
  cells: string[];
  /** 1-based line where the record starts (records may span lines inside quotes). */
  line: number;
  /** Whether any field was quoted: a lone `""` is a record with one empty cell, not a blank line. */
  quoted: boolean;
}

// A single pass state machine over the characters; quotes are only special at the start of a field.
function splitRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const endField = (): void => {
    cells.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push({ cells, line: recordLine, quoted });
    cells = [];
    quoted = false;
    recordLine = line;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      quoted = true;
      const start = line;
      i += 1;
      for (;;) {
        if (i >= text.length)
          throw new CsvFormatError(`line ${start}: a quoted field is not closed`);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        field += c;
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvFormatError(`line ${line}: unexpected text after a closing quote`);
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      endRecord();
    } else {
      // Unquoted run: copy up to the next delimiter in one slice (much faster than char by char).
      let j = i + 1;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j += 1;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || cells.length > 0 || quoted) endRecord();
  return records;
}
