import { GSS_CODE_PATTERN } from '@swhc/contracts';
import { parseCsv } from '@swhc/csv';
import { InvalidInputError } from '../common/errors';

/** One row of the organisations CSV (columns gss_code,name,official_name,type,type_name,region). */
export interface OrganisationRecord {
  readonly gssCode: string;
  readonly name: string;
  readonly officialName: string;
  readonly type: string;
  readonly region: string;
}

/** The columns the import needs (others, such as type_name, are ignored). */
export const ORGANISATION_CSV_COLUMNS = [
  'gss_code',
  'name',
  'official_name',
  'type',
  'region',
] as const;

/**
 * Parses and checks the organisations CSV. Throws InvalidInputError naming the line of the first
 * bad row (and CsvFormatError for text that is not CSV).
 */
export function parseOrganisationsCsv(text: string): OrganisationRecord[] {
  const { header, records } = parseCsv(text);
  const index = Object.fromEntries(ORGANISATION_CSV_COLUMNS.map((c) => [c, header.indexOf(c)]));
  const missing = ORGANISATION_CSV_COLUMNS.filter((c) => index[c] === -1);
  if (missing.length > 0) {
    throw new InvalidInputError(
      `Organisations CSV lacks column(s): ${missing.join(', ')}`,
      missing.map((column) => ({ field: column, message: 'is a required column' })),
    );
  }
  const seen = new Set<string>();
  return records.map((cells, i) => {
    const cell = (c: (typeof ORGANISATION_CSV_COLUMNS)[number]): string =>
      (cells[index[c] ?? -1] ?? '').trim();
    const line = `Line ${i + 2}`;
    const gssCode = cell('gss_code').toUpperCase();
    if (!GSS_CODE_PATTERN.test(gssCode)) {
      throw InvalidInputError.of(
        `${line}: "${gssCode}" is not an English GSS code`,
        'gss_code',
        'must be E followed by 8 digits',
      );
    }
    if (seen.has(gssCode)) {
      throw InvalidInputError.of(`${line}: ${gssCode} appears twice`, 'gss_code', 'must be unique');
    }
    seen.add(gssCode);
    if (!cell('name')) throw InvalidInputError.of(`${line}: name is empty`, 'name', 'is empty');
    return {
      gssCode,
      name: cell('name'),
      officialName: cell('official_name') || cell('name'),
      type: cell('type'),
      region: cell('region'),
    };
  });
}
