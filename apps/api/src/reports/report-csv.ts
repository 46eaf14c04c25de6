import {
  type LaReport,
  type ScaleComparison,
  SERVICE_NAMES,
  type SuppressedCell,
} from '@swhc/contracts';

type Cell = string | number | boolean | null;

/** RFC 4180 field; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

function lines(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n');
}

function comparisonCells(cell: ScaleComparison | SuppressedCell): Cell[] {
  if ('suppressed' in cell) return [cell.message, null, null, null, null];
  return [
    round(cell.score, 1),
    round(cell.difference, 1),
    round(cell.differenceCi.lower, 1),
    round(cell.differenceCi.upper, 1),
    cell.significant ? 'yes' : 'no',
  ];
}

/**
 * The aggregate tables of a report as one CSV: each table under a title row, separated by a blank
 * line. It carries exactly the numbers the JSON report serves (suppressed cells keep their message).
 */
export function reportCsv(report: LaReport): string {
  const k = report.minimumGroupSize;
  const sections: (readonly Cell[])[][] = [];
  sections.push([
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
  ]);
  if (report.scales.length > 0) {
    const rows: Cell[][] = [
      ['Scores by scale (0 to 100; 95% confidence intervals)'],
      [
        'Scale',
        'Responses',
        'Mean (1 to 5)',
        'Score (0 to 100)',
        'Score lower 95%',
        'Score upper 95%',
        'England (other LAs) score',
        'Difference from England',
        'Difference lower 95%',
        'Difference upper 95%',
        'Significant difference from England',
        'Region (other LAs) score',
        'Difference from region',
        'Difference lower 95%',
        'Difference upper 95%',
        'Significant difference from region',
        'Change since previous wave',
        'Change lower 95%',
        'Change upper 95%',
        'Significant change',
        'Hedges g',
        'Change note',
        'Cronbach alpha',
      ],
    ];
    for (const scale of report.scales) {
      if (scale.suppressed) {
        rows.push([scale.title, scale.message]);
        continue;
      }
      const change = scale.change;
      rows.push([
        scale.title,
        scale.n,
        round(scale.mean, 2),
        round(scale.score, 1),
        round(scale.scoreCi.lower, 1),
        round(scale.scoreCi.upper, 1),
        ...comparisonCells(scale.national),
        ...comparisonCells(scale.regional),
        ...(change.status === 'shown'
          ? [
              round(change.difference, 1),
              round(change.differenceCi.lower, 1),
              round(change.differenceCi.upper, 1),
              change.significant ? 'yes' : 'no',
              round(change.hedgesG, 2),
            ]
          : [null, null, null, null, null]),
        change.message,
        scale.reliability ? round(scale.reliability.alpha, 2) : null,
      ]);
    }
    sections.push(rows);
  }
  if (report.items.length > 0) {
    const rows: Cell[][] = [
      ['Answers to each statement (% of those who answered)'],
      ['Scale', 'Statement', '% agree', '% neither', '% disagree', 'Note'],
    ];
    for (const item of report.items) {
      rows.push(
        item.suppressed
          ? [item.scale, item.text, null, null, null, item.message]
          : [
              item.scale,
              item.text,
              round(item.agree, 0),
              round(item.neutral, 0),
              round(item.disagree, 0),
              null,
            ],
      );
    }
    sections.push(rows);
  }
  for (const dimension of report.groups) {
    const scaleTitles = report.scales.map((s) => s.title);
    const rows: Cell[][] = [
      [`Scores by ${dimension.title.toLowerCase()} (0 to 100)`],
      [dimension.title, 'Responses', ...scaleTitles],
    ];
    for (const group of dimension.groups) {
      rows.push(
        group.suppressed
          ? [group.label, group.message]
          : [
              group.label,
              group.n,
              ...group.scales.map((cell) =>
                cell.suppressed ? cell.message : round(cell.score, 1),
              ),
            ],
      );
    }
    sections.push(rows);
  }
  if (report.drivers?.available) {
    const d = report.drivers;
    sections.push([
      ['What drives intention to stay (shares of R squared)'],
      ['Source', d.source === 'organisation' ? 'This local authority' : 'England', d.message],
      ['R squared', round(d.r2, 3)],
      ['Scale', 'Share of R squared', '% of R squared'],
      ...d.shares.map((s): Cell[] => [s.title, round(s.share, 4), round(s.percentOfR2, 1)]),
    ]);
  }
  for (const f of report.funnel) {
    sections.push([
      [`All local authorities: ${f.title} (0 to 100), England average ${round(f.target, 1)}`],
      ['Local authority', 'Responses', 'Score', 'Outside 95% limits', 'Outside 99.8% limits'],
      ...f.points.map((p): Cell[] => [
        p.own ? report.organisation.name : 'Another local authority',
        p.n,
        round(p.score, 1),
        p.outside95,
        p.outside998,
      ]),
    ]);
  }
  return `${sections.map(lines).join('\r\n\r\n')}\r\n`;
}

export function reportCsvFilename(report: LaReport): string {
  const wave = report.wave.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `health-check-${report.organisation.gssCode.toLowerCase()}-${report.service}-${wave}.csv`;
}
