import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrganisationsCsv } from './organisation-csv';

describe('parseOrganisationsCsv', () => {
  it('reads all 154 upper-tier authorities with their regions', () => {
    const rows = parseOrganisationsCsv(
      readFileSync(join(__dirname, 'data', 'england-upper-tier-authorities.csv'), 'utf8'),
    );
    expect(rows).toHaveLength(154);
    expect(rows[0]).toEqual({
      gssCode: 'E06000001',
      name: 'Hartlepool',
      officialName: 'Hartlepool Borough Council',
      type: 'UA',
      region: 'North East',
    });
    expect(new Set(rows.map((r) => r.region)).size).toBe(9);
  });

  it('handles quoted cells with commas', () => {
    const rows = parseOrganisationsCsv(
      'gss_code,name,official_name,type,region\nE09000001,"City of London","City of London Corporation, The",CC,London\n',
    );
    expect(rows[0]?.officialName).toBe('City of London Corporation, The');
  });

  it.each([
    [
      'gss_code,name\nE06000001,Hartlepool',
      'Organisations CSV lacks column(s): official_name, type, region',
    ],
    [
      'gss_code,name,official_name,type,region\nW06000001,Anglesey,,UA,Wales',
      'Line 2: "W06000001" is not an English GSS code',
    ],
    [
      'gss_code,name,official_name,type,region\nE06000001,A,,UA,NE\nE06000001,B,,UA,NE',
      'Line 3: E06000001 appears twice',
    ],
  ])('rejects a bad file clearly', (text, message) => {
    expect(() => parseOrganisationsCsv(text)).toThrow(message);
  });
});
