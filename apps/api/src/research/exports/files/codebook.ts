import type { ExportAnonymisationReport } from '@swhc/contracts';
import type { CodebookVariable } from '../export-design';

/** codebook.json: every column of data.csv, in order, and the rules the export was made under. */
export interface Codebook {
  readonly title: string;
  readonly instrument: { readonly key: string; readonly version: number; readonly title: string };
  readonly waves: readonly { readonly value: number; readonly name: string }[];
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
