/**
 * The second pass of an export: the ZIP, written as a stream. data.csv is the first entry and is
 * produced row by row from pages of responses (csv-stringify, waiting whenever the ZIP is behind),
 * then the codebook, label scripts and README; yazl compresses as it goes, so memory does not grow
 * with the number of rows.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { ZipFile } from 'yazl';
import type { AnonymisedExport } from './anonymised-export';
import {
  quasiIdentifierCodes,
  sensitiveValues,
  type ExportDesign,
  type ExportRow,
} from './export-design';
import { buildCodebook, codebookJson, type Codebook } from './files/codebook';
import { codebookHtml } from './files/codebook-html';
import { exportReadme } from './files/export-readme';
import { rSyntax } from './files/r-syntax';
import { spssSyntax } from './files/spss-syntax';
import { stataSyntax } from './files/stata-syntax';

/** The files of an export, in the ZIP's order. */
export const EXPORT_FILES = [
  'data.csv',
  'codebook.json',
  'codebook.html',
  'labels.sps',
  'labels.do',
  'labels.R',
  'README.md',
] as const;

/** ZIP entries carry this date, not the time of the export (nothing in an export is a timestamp). */
const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

export const EXPORT_TITLE = 'Social Work Health Check research export';

/** A random row id, different in every export (64 bits: a repeat within an export is negligible). */
const rowId = (): string => randomBytes(8).toString('hex');

export function codebookOf(design: ExportDesign, anonymised: AnonymisedExport): Codebook {
  return buildCodebook({
    title: EXPORT_TITLE,
    instrument: {
      key: design.instrument.key,
      version: design.instrument.version,
      title: design.instrument.title,
    },
    waves: design.waves.map((w, i) => ({ value: i + 1, name: w.name })),
    rows: anonymised.report.rows,
    variables: anonymised.columns.map((c) => c.variable),
    anonymisation: anonymised.report,
  });
}

/**
 * Writes the ZIP to `out`, reading the rows again from `pages`. Resolves with the rows written;
 * `onRows` hears how many after each page.
 */
export async function writeExportArchive(
  design: ExportDesign,
  anonymised: AnonymisedExport,
  pages: AsyncIterable<readonly ExportRow[]>,
  out: Writable,
  onRows: (rows: number) => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  const codebook = codebookOf(design, anonymised);
  const { columns, plan } = anonymised;
  const zip = new ZipFile();
  const csv = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => c.variable.name),
    record_delimiter: 'windows',
  });
  const options = { mtime: ENTRY_DATE, compress: true };
  zip.addReadStream(csv, 'data.csv', options);
  const texts: Record<Exclude<(typeof EXPORT_FILES)[number], 'data.csv'>, string> = {
    'codebook.json': codebookJson(codebook),
    'codebook.html': codebookHtml(codebook),
    'labels.sps': spssSyntax(codebook),
    'labels.do': stataSyntax(codebook),
    'labels.R': rSyntax(codebook),
    'README.md': exportReadme(codebook),
  };
  for (const [name, text] of Object.entries(texts))
    zip.addBuffer(Buffer.from(text, 'utf8'), name, options);
  zip.end();
  const written = pipeline(zip.outputStream, out);

  let rows = 0;
  let seen = 0;
  try {
    for await (const page of pages) {
      for (const row of page) {
        const released = plan.release(
          quasiIdentifierCodes(design, row),
          sensitiveValues(design, row),
        );
        if (released === null) continue;
        const id = rowId();
        if (!csv.write(columns.map((c) => c.cell(row, released, id)))) await once(csv, 'drain');
        rows++;
      }
      seen += page.length;
      await onRows(seen);
    }
    csv.end();
  } catch (error) {
    csv.destroy(error as Error);
    throw error;
  }
  await written;
  return rows;
}
