import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import { welch } from '@swhc/psychometrics';
import { compareEveryOrganisation } from './la-comparisons';
import { buildResponseTable, type ResponseRow } from '../data/response-table';

function row(organisationId: string, score: number): ResponseRow {
  return {
    organisationId,
    answers: {},
    scores: Object.fromEntries(
      HEALTH_CHECK_V1.scales.map((s) => [
        s.key,
        { mean: 1 + score / 25, score0to100: score, answered: 6 },
      ]),
    ),
  };
}

describe('compareEveryOrganisation', () => {
  const values: Record<string, number[]> = {
    a: [40, 45, 50, 55, 60],
    b: [60, 62, 64, 66, 70, 72],
    c: [30, 35, 50],
    d: [55, 57, 59, 61],
  };
  const rows = Object.entries(values).flatMap(([o, xs]) => xs.map((x) => row(o, x)));
  const table = buildResponseTable(HEALTH_CHECK_V1, rows);
  const region = table.organisationIds.map((o) => (o === 'd' ? 'South' : 'North'));
  const result = compareEveryOrganisation(HEALTH_CHECK_V1, table, region);

  it('compares each LA with every other LA, and with its region, leaving itself out', () => {
    const a = result.get('a')?.['support'];
    const expected = welch(values['a'] ?? [], [
      ...(values['b'] ?? []),
      ...(values['c'] ?? []),
      ...(values['d'] ?? []),
    ]);
    expect(a?.national?.difference.difference).toBeCloseTo(expected.difference, 12);
    expect(a?.national?.difference.p).toBeCloseTo(expected.p, 12);
    expect(a?.national?.others.n).toBe(13);
    const regional = welch(values['a'] ?? [], [...(values['b'] ?? []), ...(values['c'] ?? [])]);
    expect(a?.regional?.difference.ci.lower).toBeCloseTo(regional.ci95[0], 12);
    expect(a?.otherLasInRegion).toBe(2);
  });

  it('has no regional comparison for an LA alone in its region', () => {
    const d = result.get('d')?.['wellbeing'];
    expect(d?.otherLasInRegion).toBe(0);
    expect(d?.regional).toBeNull();
    expect(d?.national).not.toBeNull();
  });
});
