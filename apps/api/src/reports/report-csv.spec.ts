import type { LaReport } from '@swhc/contracts';
import { csvField, reportCsv, reportCsvFilename } from './report-csv';

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
  responses: { count: 60, headcount: 120, responseRate: 50, message: null },
  scoresReleased: true,
  status: 'Health Check 2025 closed on 30 November 2025. These results are from 60 responses.',
  scales: [
    {
      key: 'support',
      title: 'Support',
      higherIsBetter: true,
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
          scales: [{ scale: 'support', suppressed: false, n: 55, score: 61.234 }],
        },
      ],
    },
  ],
  drivers: null,
  funnel: [],
  generatedAt: '2026-01-01T00:00:00.000Z',
};

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

  it('carries the suppression message, and no numbers, for a suppressed group', () => {
    const lines = reportCsv(report).split('\r\n');
    expect(lines).toContain('Through an agency,Fewer than 10 responses');
    expect(lines).toContain('Directly employed,56,61.2');
    expect(lines).toContain('Support,Fewer than 10 responses');
    expect(lines).toContain('Response rate (%),50');
    expect(reportCsv(report).endsWith('\r\n')).toBe(true);
  });

  it('names the file after the LA, service and wave', () => {
    expect(reportCsvFilename(report)).toBe('health-check-e06000001-children-health-check-2025.csv');
  });
});
