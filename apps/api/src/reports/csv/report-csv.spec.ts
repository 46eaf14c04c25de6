import { VERDICT_LABELS, type LaReport } from '@swhc/contracts';
import { parseCsvRows } from '@swhc/csv';
import { buildReport, inputs, OWN, rows } from '../testing/synthetic-report';
import { csvField } from './csv-format';
import { reportCsv, reportCsvFilename } from './report-csv';

const report: LaReport = {
  organisation: { gssCode: 'E06000001', name: 'Hartlepool', region: 'North East' },
  service: 'children',
  wave: {
    id: 'w',
    name: 'Health Check 2025',
    opensAt: '2025-09-01T00:00:00.000Z',
    closesAt: '2025-11-30T00:00:00.000Z',
    state: 'closed',
  },
  waves: [],
  minimumGroupSize: 10,
  responses: {
    count: 60,
    headcount: 120,
    responseRate: 50,
    message: null,
    sentence: '60 people responded: 50% of the 120 social workers in the service.',
  },
  scoresReleased: true,
  status: 'Health Check 2025 closed on 30 November 2025. These results are from 60 responses.',
  summary: { strengths: [], concerns: [], topDrivers: [] },
  scales: [
    {
      key: 'support',
      title: 'Support',
      higherIsBetter: true,
      turnedRoundFrom: null,
      about: 'help from managers',
      suppressed: true,
      reason: 'below-k',
      message: 'Fewer than 10 responses',
    },
  ],
  items: [],
  groups: [
    {
      dimension: 'employment',
      title: 'Employment',
      groups: [
        {
          key: 'agency',
          label: 'Through an agency',
          suppressed: true,
          reason: 'below-k',
          message: 'Fewer than 10 responses',
        },
        {
          key: 'permanent',
          label: 'Directly employed',
          suppressed: false,
          n: 56,
          scales: [
            {
              scale: 'support',
              suppressed: false,
              n: 55,
              score: 61.234,
              differenceFromOverall: 0.42,
            },
          ],
          statements: [],
        },
      ],
    },
  ],
  drivers: null,
  funnel: [],
  generatedAt: '2026-01-01T00:00:00.000Z',
};

/** The file as rows, without its byte-order mark. */
const parse = (csv: string): string[][] => parseCsvRows(csv);

describe('report CSV', () => {
  it('quotes fields as RFC 4180 says and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('yes');
  });

  it('starts with a UTF-8 byte-order mark so that spreadsheets keep “Children’s”', () => {
    const csv = reportCsv(report);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain('Service,Children’s services');
  });

  it('carries the suppression message, and no numbers, for a suppressed group', () => {
    const lines = reportCsv(report).split('\r\n');
    expect(lines).toContain('Through an agency,Fewer than 10 responses');
    expect(lines).toContain('Directly employed,56,61.2,0.4');
    expect(lines).toContain('Support,,Fewer than 10 responses');
    expect(lines).toContain('Response rate (%),50');
    expect(reportCsv(report).endsWith('\r\n')).toBe(true);
  });

  it('explains every column of every table in the note at the top', () => {
    const full = buildReport(inputs(rows(OWN, 120)));
    const table = parse(reportCsv(full));
    const noteAt = table.findIndex((r) => r[0] === 'What each column means');
    expect(noteAt).toBeGreaterThan(0);
    const explained = new Set<string>();
    let i = noteAt + 2;
    for (; table[i]?.length === 3; i++) explained.add(`${table[i]?.[0]}|${table[i]?.[1]}`);
    const titles: string[] = [];
    for (i++; i < table.length; i++) {
      // A table: a title row, then its header row.
      const title = table[i]?.[0];
      if (table[i]?.length !== 1 || !title) continue;
      const header = table[i + 1] ?? [];
      titles.push(title);
      for (const column of header) expect(explained).toContain(`${title}|${column}`);
    }
    expect(titles).toEqual([
      'Scores by scale (0 to 100, higher is better)',
      'Answers to each statement (% of those who answered)',
      'Scores by role (0 to 100)',
      'Scores by team type (0 to 100)',
      'Scores by employment (0 to 100)',
      'Statements by role (% favourable)',
      'Statements by team type (% favourable)',
      'Statements by employment (% favourable)',
      'What goes with intention to stay (shares of R squared)',
    ]);
  });

  it('gives each scale the same verdict word as the JSON', () => {
    const full = buildReport(inputs(rows(OWN, 120)));
    const table = parse(reportCsv(full));
    const header = table.find((r) => r[0] === 'Scale' && r.includes('Compared with England')) ?? [];
    const at = header.indexOf('Compared with England');
    for (const scale of full.scales) {
      if (scale.suppressed || 'suppressed' in scale.national) throw new Error('not served');
      const row = table.find((r) => r[0] === scale.title);
      expect(row?.[at]).toBe(VERDICT_LABELS[scale.national.verdict]);
    }
  });

  it('names the file after the LA, service and wave', () => {
    expect(reportCsvFilename(report)).toBe('health-check-e06000001-children-health-check-2025.csv');
  });
});
