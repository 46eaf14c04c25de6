import { SERVICE_NAMES, type LaReport } from '@swhc/contracts';
import { reportFileStem } from '@swhc/report-view';
import { col, csvDocument, round, type Cell, type CsvTable } from './csv-format';
import { groupScoresTable, scoresTable } from './score-tables';
import { groupStatementsTable, statementsTable } from './statement-tables';

function driversTable(report: LaReport): CsvTable[] {
  const d = report.drivers;
  if (!d?.available) return [];
  return [
    {
      title: 'What goes with intention to stay (shares of R squared)',
      columns: [
        col('Scale', d.message),
        col(
          'Share of R squared',
          `How much of the explained differences in intention to stay goes with the scale (Shapley values; together ${round(d.r2, 3)})`,
        ),
        col('% of R squared', 'The share as a percentage of what the scales explain together'),
      ],
      rows: d.shares.map((s): Cell[] => [s.title, round(s.share, 4), round(s.percentOfR2, 1)]),
    },
  ];
}

function funnelTables(report: LaReport): CsvTable[] {
  return report.funnel.map((f) => ({
    title: `All local authorities: ${f.title} (0 to 100), England average ${round(f.target, 1)}`,
    columns: [
      col('Local authority', 'Only this local authority is named'),
      col('Responses', 'People with a score on the scale'),
      col('Score', 'The local authority’s score'),
      col(
        'Against the funnel’s limits',
        'Where the point lies against the limits expected by chance for its size; the verdict is the one in the scores table',
      ),
    ],
    rows: f.points.map((p): Cell[] => [
      p.own ? report.organisation.name : 'Another local authority',
      p.n,
      round(p.score, 1),
      p.outside998
        ? 'Outside the 99.8% limits'
        : p.outside95
          ? 'Outside the 95% limits'
          : 'Within the limits',
    ]),
  }));
}

/**
 * The aggregate tables of a report as one CSV. It carries exactly what the JSON serves (suppressed
 * cells keep their sentence) and says at the top what every column means.
 */
export function reportCsv(report: LaReport): string {
  const k = report.minimumGroupSize;
  const opening: Cell[][] = [
    ['Social Work Health Check report'],
    ['Local authority', report.organisation.name],
    ['GSS code', report.organisation.gssCode],
    ['Service', SERVICE_NAMES[report.service]],
    ['Wave', report.wave.name],
    ['Status', report.status],
    ['Minimum group size', k],
    [
      'Responses',
      report.responses.count ?? report.responses.message ?? `Fewer than ${k} responses`,
    ],
    ['Headcount', report.responses.headcount],
    [
      'Response rate (%)',
      report.responses.responseRate === null ? null : round(report.responses.responseRate, 1),
    ],
  ];
  if (report.drivers?.available) opening.push(['What goes with staying', report.drivers.sentence]);
  const tables: CsvTable[] = [];
  if (report.scales.length > 0) tables.push(scoresTable(report));
  if (report.items.length > 0) tables.push(statementsTable(report));
  for (const dimension of report.groups) tables.push(groupScoresTable(report, dimension));
  for (const dimension of report.groups) tables.push(groupStatementsTable(report, dimension));
  tables.push(...driversTable(report), ...funnelTables(report));
  return csvDocument(opening, tables);
}

export function reportCsvFilename(report: LaReport): string {
  return `${reportFileStem(report)}.csv`;
}
