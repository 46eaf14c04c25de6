import type { ExportAnonymisationReport } from '@swhc/contracts';
import type { CodebookVariable } from '../dataset-design';

/** codebook.json: every column of data.csv, in order, and the rules the export was made under. */
export interface Codebook {
  readonly title: string;
  /** The instrument version of the survey waves (absent when the export holds only polls). */
  readonly instrument?: { readonly key: string; readonly version: number; readonly title: string };
  /** Codes of the `wave` column (none when the export holds only polls). */
  readonly waves: readonly { readonly value: number; readonly name: string }[];
  /** Codes of the `poll` column, when the export holds panel polls. */
  readonly polls?: readonly { readonly value: number; readonly title: string }[];
  readonly rows: number;
  readonly file: { readonly name: 'data.csv'; readonly encoding: 'UTF-8 with byte-order mark' };
  readonly variables: readonly CodebookVariable[];
  /** Columns k-anonymity was enforced on, as they appear in data.csv. */
  readonly quasiIdentifiers: readonly string[];
  /** Columns l-diversity was enforced on. */
  readonly sensitive: readonly string[];
  readonly anonymisation: ExportAnonymisationReport;
}

export function buildCodebook(
  input: Omit<Codebook, 'file' | 'quasiIdentifiers' | 'sensitive'>,
): Codebook {
  return {
    ...input,
    file: { name: 'data.csv', encoding: 'UTF-8 with byte-order mark' },
    quasiIdentifiers: input.variables
      .filter((v) => v.role === 'quasi-identifier' || v.role === 'design')
      .map((v) => v.name),
    sensitive: input.variables.filter((v) => v.sensitive === true).map((v) => v.name),
  };
}

export const codebookJson = (codebook: Codebook): string =>
  `${JSON.stringify(codebook, null, 2)}\n`;

/** What the export holds, in words shared by the README and the HTML codebook. */
export function datasetsInWords(codebook: Codebook): string[] {
  const words: string[] = [];
  if (codebook.instrument)
    words.push(
      `${codebook.instrument.title}, version ${codebook.instrument.version}; waves: ${codebook.waves
        .map((w) => w.name)
        .join(', ')}.`,
    );
  if (codebook.polls && codebook.polls.length > 0)
    words.push(`Polling panel; polls: ${codebook.polls.map((p) => p.title).join(', ')}.`);
  return words;
}

/** What one row of data.csv is. */
export function rowsInWords(codebook: Codebook): string {
  const kinds = [
    ...(codebook.instrument ? ['survey response'] : []),
    ...(codebook.polls && codebook.polls.length > 0 ? ['poll answer'] : []),
  ];
  return `one row per ${kinds.join(' or ')}`;
}
