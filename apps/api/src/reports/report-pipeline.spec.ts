import type { LaReport } from '@swhc/contracts';
import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import { hedgesG, meanConfidenceInterval, welch } from '@swhc/psychometrics';
import { buildResponseTable } from './data/response-table';
import { NOT_COMPARABLE_MESSAGE } from './report-wording';
import type { InvarianceVerdict } from './statistics/measurement-invariance';
import {
  buildReport,
  closedWave,
  inputs,
  nationalOf,
  OTHERS,
  OWN,
  rows,
  scoresOf,
} from './testing/synthetic-report';

describe('buildReport', () => {
  const la = rows(OWN, 60);

  it('while the wave is open serves only the count, and says scores come at closing', () => {
    const report = buildReport(
      inputs(la, { wave: { ...closedWave, state: 'open' }, la: null, comparisons: null }),
    );
    expect(report.scoresReleased).toBe(false);
    expect(report.responses.count).toBe(60);
    expect(report.scales).toEqual([]);
    expect(report.items).toEqual([]);
    expect(report.groups).toEqual([]);
    expect(report.funnel).toEqual([]);
    expect(report.drivers).toBeNull();
    expect(report.status).toMatch(/Scores appear here when it closes/);
  });

  it('below K serves no count at all, only the sentence', () => {
    const few = la.slice(0, 9);
    const report = buildReport(inputs(few, { headcount: 40 }));
    expect(report.responses).toEqual({
      count: null,
      headcount: 40,
      responseRate: null,
      message: 'Fewer than 10 responses',
      sentence: 'Fewer than 10 responses.',
    });
    expect(report.scales).toEqual([]);
    expect(report.scoresReleased).toBe(false);
  });

  it('gives each scale the t-based mean and CI computed from the raw scores', () => {
    const report = buildReport(inputs(la, { headcount: 120 }));
    expect(report.responses.responseRate).toBeCloseTo(50, 10);
    for (const scale of HEALTH_CHECK_V1.scales) {
      const result = report.scales.find((s) => s.key === scale.key);
      if (!result || result.suppressed) throw new Error(`${scale.key} missing`);
      const expected = meanConfidenceInterval(scoresOf(la, scale.key));
      expect(result.n).toBe(expected.n);
      expect(result.score).toBeCloseTo(expected.mean, 10);
      expect(result.scoreCi.lower).toBeCloseTo(expected.lower, 10);
      expect(result.scoreCi.upper).toBeCloseTo(expected.upper, 10);
      expect(result.mean).toBeCloseTo(1 + (4 * expected.mean) / 100, 10);
      if ('suppressed' in result.national) throw new Error('national suppressed');
      const w = welch(scoresOf(la, scale.key), scoresOf(OTHERS, scale.key));
      expect(result.national.n).toBe(w.n2);
      expect(result.national.score).toBeCloseTo(w.mean2, 10);
      expect(result.national.difference).toBeCloseTo(w.difference, 10);
      expect(result.national.differenceCi.upper).toBeCloseTo(w.ci95[1], 10);
      expect(result.national.p).toBeCloseTo(w.p, 10);
      expect(result.reliability?.alpha).toBeGreaterThan(0.5);
    }
  });

  it('shows a change only when invariance holds, with Welch and Hedges g', () => {
    const before = rows(OWN, 50);
    const holds: InvarianceVerdict = { holds: true, steps: [] };
    const fails: InvarianceVerdict = { holds: false, steps: [], why: 'metric' };
    const report = buildReport(
      inputs(la, {
        previous: {
          wave: { id: 'wave-2024', name: 'Health Check 2024' },
          la: buildResponseTable(HEALTH_CHECK_V1, before),
          verdicts: { demands: holds, support: fails, control: holds, wellbeing: holds },
        },
      }),
    );
    const demands = report.scales.find((s) => s.key === 'demands');
    const support = report.scales.find((s) => s.key === 'support');
    if (!demands || demands.suppressed || !support || support.suppressed) throw new Error();
    expect(support.change).toEqual({
      status: 'not-comparable',
      previousWave: { id: 'wave-2024', name: 'Health Check 2024' },
      message: NOT_COMPARABLE_MESSAGE,
    });
    if (demands.change.status !== 'shown') throw new Error('change not shown');
    const now = scoresOf(la, 'demands');
    const then = scoresOf(before, 'demands');
    const w = welch(now, then);
    expect(demands.change.difference).toBeCloseTo(w.difference, 10);
    expect(demands.change.differenceCi.lower).toBeCloseTo(w.ci95[0], 10);
    expect(demands.change.p).toBeCloseTo(w.p, 10);
    expect(demands.change.hedgesG).toBeCloseTo(hedgesG(now, then).g, 10);
  });

  it('suppresses a small group and its complement, leaving no numbers for either', () => {
    // 4 agency workers out of 60: agency < K, and permanent = total − 4 would give them away.
    const mixed = rows(OWN, 60, (i) => ({ employment: i < 4 ? 'agency' : 'permanent' }));
    const report = buildReport(inputs(mixed));
    const employment = report.groups.find((g) => g.dimension === 'employment');
    expect(employment?.groups.map((g) => [g.key, g.suppressed])).toEqual([
      ['permanent', true],
      ['agency', true],
    ]);
    const agency = employment?.groups.find((g) => g.key === 'agency');
    expect(agency).toEqual({
      key: 'agency',
      label: 'Through an agency',
      suppressed: true,
      reason: 'below-k',
      message: 'Fewer than 10 responses',
    });
    expect(JSON.stringify(employment)).not.toMatch(/"n":|"score":/);
  });

  it('hides a group’s scale score when fewer than K of its members have that score', () => {
    const noSupport = Object.fromEntries(
      HEALTH_CHECK_V1.scales[1]?.items.map((item) => [item, 'skipped']) ?? [],
    );
    const patched = rows(OWN, 60, (i) => ({
      role: i < 12 ? 'team-manager' : i < 24 ? 'senior-practitioner' : 'social-worker',
      teamType: 'long-term',
      employment: 'permanent',
      ...(i < 5 ? noSupport : {}),
    }));
    const report = buildReport(inputs(patched));
    const manager = report.groups
      .find((d) => d.dimension === 'role')
      ?.groups.find((g) => g.key === 'team-manager');
    if (!manager || manager.suppressed) throw new Error('team managers should be shown');
    expect(manager.n).toBe(12);
    const cell = (scale: string) => manager.scales.find((c) => c.scale === scale);
    expect(cell('support')).toMatchObject({ suppressed: true, reason: 'below-k' });
    expect(cell('support')).not.toHaveProperty('score');
    expect(cell('demands')).toMatchObject({ suppressed: false, n: 12 });
  });

  it('never names another LA in the funnel and orders points by size', () => {
    const laRows = rows(OWN, 60);
    const national = nationalOf(laRows);
    const units = national.table.organisationIds.map((unit, i) => ({
      unit,
      n: 40 + i,
      mean: 50 + i,
      outside95: i === 3,
      outside998: false,
    }));
    const funnel = {
      target: 55,
      sigma: 20,
      units,
      limitsAt: (n: number) => ({
        limits95: [55 - 39.2 / Math.sqrt(n), 55 + 39.2 / Math.sqrt(n)] as const,
        limits998: [55 - 61.8 / Math.sqrt(n), 55 + 61.8 / Math.sqrt(n)] as const,
      }),
    };
    const report: LaReport = buildReport(
      inputs(laRows, {
        funnel: Object.fromEntries(HEALTH_CHECK_V1.scales.map((s) => [s.key, funnel])),
      }),
    );
    const json = JSON.stringify(report);
    for (const id of national.table.organisationIds) expect(json).not.toContain(id);
    const plot = report.funnel[0];
    expect(plot?.points).toHaveLength(units.length);
    expect(plot?.points.filter((p) => p.own)).toHaveLength(1);
    expect(plot?.points.map((p) => p.n)).toEqual(
      [...(plot?.points.map((p) => p.n) ?? [])].sort((a, b) => a - b),
    );
    expect(plot?.limits[0]?.upper95).toBeGreaterThan(plot?.limits.at(-1)?.upper95 ?? Infinity);
  });

  it('takes drivers from England below 100 responses and from the LA from 100', () => {
    expect(buildReport(inputs(la)).drivers).toMatchObject({
      available: true,
      source: 'national',
      n: 1000,
    });
    const big = rows(OWN, 140);
    const local = buildReport(inputs(big)).drivers;
    expect(local).toMatchObject({ available: true, source: 'organisation' });
    if (!local?.available) throw new Error();
    const total = local.shares.reduce((s, d) => s + d.share, 0);
    expect(total).toBeCloseTo(local.r2, 10);
  });

  it('hides an item distribution when nearly everyone gave the same answer', () => {
    const unanimous = rows(OWN, 30, (i) => ({ support1: i < 25 ? 5 : 1 }));
    const report = buildReport(inputs(unanimous));
    const support1 = report.items.find((i) => i.item === 'support1');
    expect(support1).toMatchObject({ suppressed: true, reason: 'dominant-answer' });
    expect(support1).not.toHaveProperty('agree');
  });
});
