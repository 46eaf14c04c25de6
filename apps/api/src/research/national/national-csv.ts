import { SERVICE_NAMES, type NationalPicture, type ScaleEstimate } from '@swhc/contracts';
import { col, csvDocument, round, type Cell, type CsvTable } from '../../reports/csv/csv-format';

const estimateCells = (e: ScaleEstimate | null): Cell[] =>
  e
    ? [
        e.n,
        round(e.mean, 2),
        round(e.lower, 2),
        round(e.upper, 2),
        round(e.se, 3),
        round(e.designEffect, 3),
        round(e.effectiveN, 1),
      ]
    : [null, null, null, null, null, null, null];

const ESTIMATE_COLUMNS = (kind: string) => [
  col(`${kind}: n`, 'People with a score on the scale'),
  col(`${kind}: mean`, 'Mean score, 0 to 100 (higher is better)'),
  col(`${kind}: 95% CI lower`, 'Mean − t(0.975, n − 1) × SE'),
  col(`${kind}: 95% CI upper`, 'Mean + t(0.975, n − 1) × SE'),
  col(`${kind}: SE`, 'Standard error (Taylor linearisation, weights taken as fixed)'),
  col(`${kind}: design effect`, 'Kish: n × Σw² / (Σw)²; 1 unweighted'),
  col(`${kind}: effective n`, 'n / design effect'),
];

function areaTable(picture: NationalPicture): CsvTable {
  const areas = [picture.england, ...picture.regions];
  return {
    title: `England and regions: ${picture.wave.name}, ${SERVICE_NAMES[picture.service]}`,
    columns: [
      col('Area', 'England or a region'),
      col('Responses', `Empty when fewer than ${picture.minimumGroupSize}: nothing is shown`),
      col('Scale', 'The scale'),
      ...ESTIMATE_COLUMNS('Unweighted'),
      ...ESTIMATE_COLUMNS('Raked'),
    ],
    rows: areas.flatMap((a) =>
      a.scales.map((s): Cell[] => [
        a.area,
        a.n,
        s.title,
        ...estimateCells(s.unweighted),
        ...estimateCells(s.raked),
      ]),
    ),
  };
}

function funnelTable(picture: NationalPicture): CsvTable {
  return {
    title: `Every local authority with at least ${picture.minimumGroupSize} responses (unweighted)`,
    columns: [
      col('Scale', 'The scale'),
      col('GSS code', 'The local authority’s code'),
      col('Local authority', 'Its name'),
      col('Region', 'Its region'),
      col('Responses', 'People with a score on the scale'),
      col('Score', 'Mean score, 0 to 100'),
      col('England', 'England’s mean over the plotted local authorities'),
      col('Against the funnel’s limits', 'Where it lies against the limits expected by chance'),
    ],
    rows: picture.funnels.flatMap((f) =>
      f.units.map((u): Cell[] => [
        f.title,
        u.gssCode,
        u.name,
        u.region,
        u.n,
        round(u.score, 2),
        round(f.target, 2),
        u.outside998
          ? 'Outside the 99.8% limits'
          : u.outside95
            ? 'Outside the 95% limits'
            : 'Within the limits',
      ]),
    ),
  };
}

function trendTable(picture: NationalPicture): CsvTable {
  return {
    title: 'England across waves',
    columns: [
      col('Scale', 'The scale'),
      col('Wave', 'The wave'),
      ...ESTIMATE_COLUMNS('Unweighted'),
      ...ESTIMATE_COLUMNS('Raked'),
      col(
        'Comparable with the wave before',
        'yes only where the validation report finds scalar invariance between the two waves',
      ),
      col('Why', 'The validation report’s verdict'),
    ],
    rows: picture.trends.flatMap((t) =>
      t.points.map((p): Cell[] => [
        t.title,
        p.waveName,
        ...estimateCells(p.unweighted),
        ...estimateCells(p.raked),
        p.comparableWithPrevious,
        p.why,
      ]),
    ),
  };
}

/** The national picture's tables as one CSV (the same figures as the JSON and the page). */
export function nationalCsv(picture: NationalPicture): string {
  const opening: Cell[][] = [
    ['Social Work Health Check: the national picture'],
    ['Wave', picture.wave.name],
    ['Service', SERVICE_NAMES[picture.service]],
    ['Minimum group size', picture.minimumGroupSize],
    [
      'Raked to',
      picture.margins
        ? `${picture.margins.variables.join(' and ')} margins: ${picture.margins.source}`
        : 'No workforce margins are stored: unweighted figures only',
    ],
  ];
  if (picture.rakingNote) opening.push(['Raking', picture.rakingNote]);
  return csvDocument(opening, [areaTable(picture), funnelTable(picture), trendTable(picture)]);
}

export const nationalCsvFilename = (picture: NationalPicture): string =>
  `national-picture-${picture.wave.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${picture.service}.csv`;
