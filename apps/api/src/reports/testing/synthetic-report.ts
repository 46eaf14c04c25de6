/**
 * Synthetic reports for unit tests: an LA and eleven others drawn from the demo's seeded
 * latent-factor model, as a frame and its data sets, run through the same pipeline as the service.
 */
import type { Answers, LaReport, ReportWaveSummary } from '@swhc/contracts';
import { HEALTH_CHECK_V1, scoreResponse } from '@swhc/instruments';
import { SeededRandom } from '../../demo/seeded-random';
import { randomUnitProfile, syntheticAnswers } from '../../demo/synthetic-responses';
import type { ReportDataSets } from '../data/report-data-sets';
import { buildResponseTable, type ResponseRow, type ResponseTable } from '../data/response-table';
import { countStatements, statementOthers } from '../data/statement-counts';
import { scoresReleased, type ReportFrame } from '../report-frame';
import { assembleReport, buildSections } from '../report-pipeline';
import { compareEveryOrganisation } from '../statistics/la-comparisons';
import { funnelOf, type FunnelComputation } from '../statistics/report-statistics';

export const OWN = '00000000-0000-4000-8000-000000000001';
const random = new SeededRandom(42);

export function rows(
  organisationId: string,
  n: number,
  patch?: (i: number) => Answers,
): ResponseRow[] {
  const profile = randomUnitProfile(random);
  return Array.from({ length: n }, (_, i) => {
    const answers = {
      ...syntheticAnswers(
        HEALTH_CHECK_V1,
        'children',
        profile,
        { skipRate: 0.03, waveShift: [0, 0, 0, 0] },
        random,
      ),
      ...(patch?.(i) ?? {}),
    };
    return { organisationId, answers, scores: scoreResponse(HEALTH_CHECK_V1, answers) };
  });
}

export const closedWave: ReportWaveSummary = {
  id: 'wave-2025',
  name: 'Health Check 2025',
  opensAt: '2025-09-01T00:00:00.000Z',
  closesAt: '2025-11-30T00:00:00.000Z',
  state: 'closed',
};

export const OTHERS: ResponseRow[] = [];
for (let o = 2; o <= 12; o++) {
  OTHERS.push(...rows(`00000000-0000-4000-8000-0000000000${String(o).padStart(2, '0')}`, 40));
}

export function nationalOf(laRows: ResponseRow[]): { table: ResponseTable; regionOf: string[] } {
  const all = [...laRows, ...OTHERS];
  const table = buildResponseTable(HEALTH_CHECK_V1, all);
  return {
    table,
    regionOf: table.organisationIds.map((_, i) => (i % 2 === 0 ? 'North East' : 'London')),
  };
}

/** The other LAs' answers to each statement (this LA's region: the even-numbered ones). */
export function statementsOf(laRows: ResponseRow[]) {
  const { table, regionOf } = nationalOf(laRows);
  return statementOthers(
    countStatements(HEALTH_CHECK_V1, table),
    table.organisationIds,
    regionOf,
    OWN,
  );
}

/** England's funnel per scale, computed as the national data service does. */
export function funnelsOf(laRows: ResponseRow[], k = 10): Record<string, FunnelComputation> {
  const { table } = nationalOf(laRows);
  return Object.fromEntries(
    HEALTH_CHECK_V1.scales.map((scale) => {
      const values: number[] = [];
      const units: string[] = [];
      const column = table.scaleScores[scale.key];
      for (let r = 0; r < table.size; r++) {
        const v = column?.[r] ?? Number.NaN;
        if (Number.isNaN(v)) continue;
        values.push(v);
        units.push(table.organisationIds[table.organisationOf[r] ?? 0] ?? '');
      }
      return [scale.key, funnelOf(values, units, k)];
    }),
  );
}

export function comparisonsOf(laRows: ResponseRow[]) {
  const { table, regionOf } = nationalOf(laRows);
  return compareEveryOrganisation(HEALTH_CHECK_V1, table, regionOf).get(OWN) ?? null;
}

/** A frame and its data sets; `la: null` stands for a report whose data sets are never loaded. */
export type ReportInputs = ReportFrame &
  Omit<ReportDataSets, 'la'> & { readonly la: ResponseTable | null };

export function inputs(laRows: ResponseRow[], overrides: Partial<ReportInputs> = {}): ReportInputs {
  return {
    instrument: HEALTH_CHECK_V1,
    organisation: { id: OWN, gssCode: 'E06000001', name: 'Hartlepool', region: 'North East' },
    service: 'children',
    wave: closedWave,
    waves: [closedWave],
    previousWave: null,
    k: 10,
    count: laRows.length,
    headcount: null,
    la: buildResponseTable(HEALTH_CHECK_V1, laRows),
    comparisons: comparisonsOf(laRows),
    statements: statementsOf(laRows),
    previous: null,
    funnel: null,
    nationalDrivers: { n: 1000, r2: 0.4, shares: [0.1, 0.1, 0.1, 0.1] },
    now: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** The service's path: frame → sections (only when released) → assemble. */
export function buildReport(inputs: ReportInputs): LaReport {
  const { la, comparisons, statements, previous, funnel, nationalDrivers, ...frame } = inputs;
  const data =
    la === null ? null : { la, comparisons, statements, previous, funnel, nationalDrivers };
  return assembleReport(
    frame,
    scoresReleased(frame) && data !== null ? buildSections(frame, data) : null,
  );
}

/**
 * Respondents' 0–100 scores of a scale as reports read them, worked out here on their own: a scale
 * whose higher raw score is worse (job demands) is 100 minus its raw score.
 */
export function scoresOf(r: readonly ResponseRow[], key: string): number[] {
  const turned = HEALTH_CHECK_V1.scales.find((s) => s.key === key)?.higherIsBetter === false;
  return r
    .map((row) => row.scores[key]?.score0to100)
    .filter((v): v is number => typeof v === 'number')
    .map((v) => (turned ? 100 - v : v));
}

/** The frame and data sets of synthetic inputs, for calling one section on its own. */
export function frameAndData(all: ReportInputs): { frame: ReportFrame; data: ReportDataSets } {
  const { la, comparisons, statements, previous, funnel, nationalDrivers, ...frame } = all;
  if (la === null) throw new Error('these inputs have no data sets');
  return { frame, data: { la, comparisons, statements, previous, funnel, nationalDrivers } };
}
