import { parseCsv } from '@swhc/csv';

/** One row of the organisations CSV (columns gss_code,name,official_name,type,type_name,region). */
export interface OrganisationRecord {
  readonly gssCode: string;
  readonly name: string;
  readonly officialName: string;
  readonly type: string;
  readonly region: string;
}

const REQUIRED_COLUMNS = ['gss_code', 'name', 'official_name', 'type', 'region'] as const;

/** Parses and checks the organisations CSV; throws with the line number of the first bad row. */
export function parseOrganisationsCsv(text: string): OrganisationRecord[] {
  const { header, records } = parseCsv(text);
  const index = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, header.indexOf(c)]));
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === -1);
  if (missing.length > 0)
    throw new Error(`Organisations CSV lacks column(s): ${missing.join(', ')}`);
  const seen = new Set<string>();
  return records.map((cells, i) => {
    const cell = (c: (typeof REQUIRED_COLUMNS)[number]): string =>
      (cells[index[c] ?? -1] ?? '').trim();
    const gssCode = cell('gss_code').toUpperCase();
    if (!/^E\d{8}$/.test(gssCode))
      throw new Error(`Line ${i + 2}: "${gssCode}" is not an English GSS code`);
    if (seen.has(gssCode)) throw new Error(`Line ${i + 2}: ${gssCode} appears twice`);
    seen.add(gssCode);
    if (!cell('name')) throw new Error(`Line ${i + 2}: name is empty`);
    return {
      gssCode,
      name: cell('name'),
      officialName: cell('official_name') || cell('name'),
      type: cell('type'),
      region: cell('region'),
    };
  });
}
