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
import type { ExportAnonymisationReport } from '@swhc/contracts';
import { stringify } from 'csv-stringify';
import { ZipFile } from 'yazl';
import { mergedReport, type AnonymisedExport } from './anonymised-export';
import { quasiIdentifierCodes, type CodebookVariable, type DatasetDesign } from './dataset-design';
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

type Cell = string | number;

/** What the codebook says about a dataset besides its columns. */
export type DatasetAbout =
  | {
      readonly kind: 'waves';
      readonly instrument: NonNullable<Codebook['instrument']>;
      readonly waves: readonly { readonly name: string }[];
    }
  | { readonly kind: 'polls'; readonly polls: readonly { readonly title: string }[] };

/** One planned dataset of an export (its waves, or its polls), ready to be written. */
export interface ArchiveDataset {
  readonly about: DatasetAbout;
  readonly variables: readonly CodebookVariable[];
  readonly report: ExportAnonymisationReport;
  /** Released rows page by page, as cells in the order of `variables`, and the rows each page read. */
  readonly released: () => AsyncGenerator<{ readonly rows: Cell[][]; readonly read: number }>;
}

/** A dataset's plan and rows as the archive writes them (the rows are read again, in `pages`). */
export function archiveDataset<Row>(
  about: DatasetAbout,
  design: DatasetDesign<Row>,
  anonymised: AnonymisedExport<Row>,
  pages: () => AsyncIterable<readonly Row[]>,
): ArchiveDataset {
  const { plan, columns } = anonymised;
  return {
    about,
    variables: columns.map((c) => c.variable),
    report: anonymised.report,
    released: async function* () {
      for await (const page of pages()) {
        const rows: Cell[][] = [];
        for (const row of page) {
          const released = plan.release(
            quasiIdentifierCodes(design, row),
            design.sensitiveValues(row),
          );
          if (released === null) continue;
          const id = rowId();
          rows.push(columns.map((c) => c.cell(row, released, id)));
        }
        yield { rows, read: page.length };
      }
    },
  };
}

const ROWS_OF: Record<DatasetAbout['kind'], string> = {
  waves: 'survey responses (rows with a wave)',
  polls: 'poll answers (rows with a poll)',
};

/**
 * The columns of data.csv for all datasets: each dataset's columns in order, a column they share
 * (row_id, service) once, where it first comes; a column of one dataset is empty in the rows of the
 * others, which its missing codes say. Returns, per dataset, where each of its columns goes.
 */
export function mergeColumns(datasets: readonly ArchiveDataset[]): {
  variables: CodebookVariable[];
  positions: number[][];
} {
  const merged: CodebookVariable[] = [];
  const owners: Set<number>[] = [];
  datasets.forEach((d, di) => {
    let nextShared = 0;
    d.variables.forEach((v, vi) => {
      const seen = merged.findIndex((m) => m.name === v.name);
      if (seen >= 0) {
        if (JSON.stringify(merged[seen]) !== JSON.stringify(v))
          throw new Error(`Column ${v.name} means different things in two datasets of an export`);
        owners[seen]?.add(di);
        nextShared = seen + 1;
        return;
      }
      // Before the next column this dataset shares with earlier ones, else at the end.
      const shared = d.variables
        .slice(vi + 1)
        .map((w) => merged.findIndex((m) => m.name === w.name))
        .find((i) => i >= 0);
      const at = Math.max(shared ?? merged.length, nextShared);
      merged.splice(at, 0, v);
      owners.splice(at, 0, new Set([di]));
      nextShared = at + 1;
    });
  });
  const variables = merged.map((v, i) => {
    const absent = datasets.filter((_, di) => !owners[i]?.has(di));
    if (absent.length === 0) return v;
    const why = `empty in ${absent.map((d) => ROWS_OF[d.about.kind]).join(' and ')}`;
    const missing = v.missing ?? [];
    const empty = missing.find((m) => m.value === '');
    return {
      ...v,
      missing: empty
        ? missing.map((m) =>
            m === empty ? { value: '' as const, label: `${m.label}; ${why}` } : m,
          )
        : [...missing, { value: '' as const, label: why.charAt(0).toUpperCase() + why.slice(1) }],
    };
  });
  return {
    variables,
    positions: datasets.map((d) =>
      d.variables.map((v) => merged.findIndex((m) => m.name === v.name)),
    ),
  };
}

export function codebookOf(
  datasets: readonly ArchiveDataset[],
  variables: readonly CodebookVariable[],
): Codebook {
  const waves = datasets.flatMap((d) => (d.about.kind === 'waves' ? [d.about] : []))[0];
  const polls = datasets.flatMap((d) => (d.about.kind === 'polls' ? d.about.polls : []));
  const anonymisation = mergedReport(datasets.map((d) => d.report));
  return buildCodebook({
    title: EXPORT_TITLE,
    ...(waves
      ? {
          instrument: {
            key: waves.instrument.key,
            version: waves.instrument.version,
            title: waves.instrument.title,
          },
        }
      : {}),
    waves: (waves?.waves ?? []).map((w, i) => ({ value: i + 1, name: w.name })),
    ...(polls.length > 0 ? { polls: polls.map((p, i) => ({ value: i + 1, title: p.title })) } : {}),
    rows: anonymisation.rows,
    variables,
    anonymisation,
  });
}

/**
 * Writes the ZIP to `out`, reading each dataset's rows again. Resolves with the rows written;
 * `onRows` hears how many stored rows were read after each page.
 */
export async function writeExportArchive(
  datasets: readonly ArchiveDataset[],
  out: Writable,
  onRows: (rows: number) => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  const { variables, positions } = mergeColumns(datasets);
  const codebook = codebookOf(datasets, variables);
  const zip = new ZipFile();
  const csv = stringify({
    bom: true,
    header: true,
    columns: variables.map((v) => v.name),
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
    for (const [d, dataset] of datasets.entries()) {
      const to = positions[d] ?? [];
      const whole = to.length === variables.length;
      for await (const page of dataset.released()) {
        for (const cells of page.rows) {
          let record = cells;
          if (!whole) {
            record = variables.map(() => '');
            cells.forEach((c, i) => (record[to[i] ?? 0] = c));
          }
          if (!csv.write(record)) await once(csv, 'drain');
          rows++;
        }
        seen += page.read;
        await onRows(seen);
      }
    }
    csv.end();
  } catch (error) {
    csv.destroy(error as Error);
    throw error;
  }
  await written;
  return rows;
}
