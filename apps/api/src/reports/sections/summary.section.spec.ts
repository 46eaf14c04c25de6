import { buildReport, inputs, OWN, rows } from '../testing/synthetic-report';

describe('the summary', () => {
  const report = buildReport(inputs(rows(OWN, 200)));
  const summary = report.summary;

  it('lists only statements clearly above or below England, the largest differences first', () => {
    if (!summary) throw new Error('no summary');
    const clear = report.items.flatMap((i) =>
      i.suppressed || 'suppressed' in i.benchmarks.england
        ? []
        : [{ item: i.item, ...i.benchmarks.england }],
    );
    const above = clear
      .filter((c) => c.verdict === 'better')
      .sort((a, b) => b.difference - a.difference);
    const below = clear
      .filter((c) => c.verdict === 'worse')
      .sort((a, b) => a.difference - b.difference);
    expect(summary.strengths.map((s) => s.item)).toEqual(above.slice(0, 3).map((c) => c.item));
    expect(summary.concerns.map((s) => s.item)).toEqual(below.slice(0, 3).map((c) => c.item));
    expect(summary.strengths.length + summary.concerns.length).toBeGreaterThan(0);
    for (const s of summary.strengths) expect(s.difference).toBeGreaterThan(0);
    for (const s of summary.concerns) expect(s.difference).toBeLessThan(0);
  });

  it('names the two scales that go most with staying', () => {
    if (!summary || !report.drivers?.available) throw new Error('no drivers');
    const ranked = [...report.drivers.shares].sort((a, b) => b.share - a.share);
    expect(summary.topDrivers.map((d) => d.scale)).toEqual(ranked.slice(0, 2).map((d) => d.scale));
    expect(report.drivers.sentence).toContain(
      `${ranked[0]?.title} goes most with whether people expect to stay`,
    );
  });

  it('is absent while scores are not released', () => {
    const open = buildReport(
      inputs(rows(OWN, 30), { wave: { ...report.wave, state: 'open' }, la: null }),
    );
    expect(open.summary).toBeNull();
  });
});
