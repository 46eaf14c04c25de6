import fc from 'fast-check';
import { protectGroupedDistributions } from './index';

const likert = (a: number, b: number, c: number, d: number, e: number) => ({
  '1': a,
  '2': b,
  '3': c,
  '4': d,
  '5': e,
});
const add = (...all: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const counts of all) for (const [k, c] of Object.entries(counts)) out[k] = (out[k] ?? 0) + c;
  return out;
};

describe('protectGroupedDistributions', () => {
  it('shows every served group as answered when that is safe for them and for the rest', () => {
    const a = likert(10, 10, 0, 10, 10);
    const b = likert(0, 10, 10, 10, 10);
    const result = protectGroupedDistributions(add(a, b), [
      { key: 'a', counts: a },
      { key: 'b', counts: b },
    ]);
    expect(result.overall).toMatchObject({ status: 'shown', collapse: 'none', n: 80 });
    expect(result.groups.map((g) => g.distribution)).toMatchObject([
      { status: 'shown', collapse: 'none', n: 40, counts: a },
      { status: 'shown', collapse: 'none', n: 40, counts: b },
    ]);
  });

  it('collapses all groups alike, and hides a group under K and its complement', () => {
    const a = likert(5, 10, 10, 10, 5); // safe only as disagree/neutral/agree
    const b = likert(10, 10, 10, 10, 10);
    const c = likert(1, 1, 1, 1, 1); // 5 people: below K
    const d = likert(4, 4, 10, 4, 4); // 26 people: hidden so that c cannot be worked out
    const result = protectGroupedDistributions(
      add(a, b, c, d),
      ['a', 'b', 'c', 'd'].map((key, i) => ({ key, counts: [a, b, c, d][i] ?? {} })),
      { k: 10 },
    );
    expect(result.groups.map((g) => g.distribution)).toEqual([
      {
        status: 'shown',
        collapse: 'three-way',
        n: 40,
        counts: { disagree: 15, neutral: 10, agree: 15 },
        percentages: { disagree: 37.5, neutral: 25, agree: 37.5 },
      },
      expect.objectContaining({ status: 'shown', collapse: 'three-way', n: 50 }),
      { status: 'suppressed', n: null, reason: 'below-k' },
      { status: 'suppressed', n: null, reason: 'complementary' },
    ]);
  });

  it('falls back to the declared two-way split when the rest would show a small category', () => {
    // Groups a and b are safe as answered, but the rest (c, not listed: 22 people) would show
    // 6 people answering "1": only the two-way split is safe for everyone.
    const a = likert(10, 10, 10, 10, 10);
    const b = likert(10, 10, 10, 10, 10);
    const c = likert(6, 6, 0, 5, 5);
    const result = protectGroupedDistributions(
      add(a, b, c),
      [
        { key: 'a', counts: a },
        { key: 'b', counts: b },
      ],
      { k: 10, threeWay: null, twoWay: { favourable: ['4', '5'] } },
    );
    expect(result.overall).toMatchObject({ collapse: 'none' });
    expect(result.groups.map((g) => g.distribution)).toMatchObject([
      { status: 'shown', collapse: 'two-way', counts: { favourable: 20, rest: 30 } },
      { status: 'shown', collapse: 'two-way', counts: { favourable: 20, rest: 30 } },
    ]);
    // Without the declared split nothing could be shown for the groups.
    const without = protectGroupedDistributions(
      add(a, b, c),
      [
        { key: 'a', counts: a },
        { key: 'b', counts: b },
      ],
      {
        k: 10,
        threeWay: null,
      },
    );
    expect(without.groups[0]?.distribution).toMatchObject({ status: 'suppressed' });
  });

  it('never shows groups in more detail than the overall distribution', () => {
    // Overall is unsafe as answered (9 answered "1"), so group a, safe as answered on its own, is
    // collapsed too: otherwise a + b as answered would give the overall distribution away.
    const a = likert(0, 10, 10, 10, 10);
    const b = likert(9, 10, 10, 10, 10);
    const result = protectGroupedDistributions(add(a, b), [
      { key: 'a', counts: a },
      { key: 'b', counts: b },
    ]);
    expect(result.overall).toMatchObject({ collapse: 'three-way' });
    expect(result.groups[0]?.distribution).toMatchObject({ collapse: 'three-way' });
  });

  it('hides every group when the overall distribution is hidden', () => {
    const result = protectGroupedDistributions(likert(1, 1, 1, 1, 1), [
      { key: 'a', counts: likert(1, 1, 1, 1, 1) },
    ]);
    expect(result.overall.status).toBe('suppressed');
    expect(result.groups[0]?.distribution).toEqual({
      status: 'suppressed',
      n: null,
      reason: 'below-k',
    });
  });
});

describe('properties: protectGroupedDistributions', () => {
  const cases = fc.record({
    k: fc.integer({ min: 5, max: 12 }),
    groups: fc.array(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 5, maxLength: 5 }), {
      minLength: 1,
      maxLength: 4,
    }),
    unlisted: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 5, maxLength: 5 }),
    everyoneListed: fc.boolean(),
    favourableMask: fc.integer({ min: 1, max: 30 }),
    threeWay: fc.boolean(),
  });
  const safe = (counts: readonly number[], n: number, k: number) =>
    counts.every((c) => (c === 0 || c >= k) && n - c >= k);
  const keys = ['1', '2', '3', '4', '5'];
  const order = ['none', 'three-way', 'two-way'];

  it('no served group, and not the rest worked out by subtraction, shows a group under K', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(cases, ({ k, groups, unlisted, everyoneListed, favourableMask, threeWay }) => {
        const inputs = groups.map((counts, g) => ({
          key: `g${g}`,
          counts: Object.fromEntries(keys.map((key, i) => [key, counts[i] ?? 0])),
        }));
        const overall = add(
          ...inputs.map((g) => g.counts),
          Object.fromEntries(keys.map((key, i) => [key, everyoneListed ? 0 : (unlisted[i] ?? 0)])),
        );
        const result = protectGroupedDistributions(overall, inputs, {
          k,
          threeWay: threeWay ? undefined : null,
          twoWay: { favourable: keys.filter((_, i) => favourableMask & (1 << i)) },
        });
        const shown = result.groups.flatMap((g) =>
          g.distribution.status === 'shown' ? [g.distribution] : [],
        );
        seen.set(
          shown[0]?.collapse ?? 'hidden',
          (seen.get(shown[0]?.collapse ?? 'hidden') ?? 0) + 1,
        );
        if (shown.length === 0) return;
        expect(result.overall.status).toBe('shown');
        if (result.overall.status !== 'shown') return;
        const form = shown[0]?.collapse ?? 'none';
        expect(order.indexOf(form)).toBeGreaterThanOrEqual(order.indexOf(result.overall.collapse));
        const rest: Record<string, number> = {};
        // The reader can add up the overall distribution in the groups' form from what is shown.
        for (const d of shown) {
          expect(d.collapse).toBe(form);
          const values = Object.values(d.counts);
          expect(values.reduce((a, b) => a + b, 0)).toBe(d.n);
          expect(d.n).toBeGreaterThanOrEqual(k);
          expect(safe(values, d.n, k)).toBe(true);
          for (const [key, c] of Object.entries(d.counts)) rest[key] = (rest[key] ?? 0) - c;
        }
        const overallInForm =
          form === result.overall.collapse
            ? result.overall.counts
            : protectGroupedOverall(overall, form, favourableMask, keys);
        for (const [key, c] of Object.entries(overallInForm)) rest[key] = (rest[key] ?? 0) + c;
        const restN = Object.values(rest).reduce((a, b) => a + b, 0);
        if (restN > 0) expect(safe(Object.values(rest), restN, k)).toBe(true);
      }),
      { numRuns: 600 },
    );
    // The generator must reach every outcome.
    for (const outcome of ['none', 'three-way', 'two-way', 'hidden']) {
      expect(seen.get(outcome) ?? 0).toBeGreaterThan(0);
    }
  });
});

/** The overall counts in a coarser form, computed here independently of the library. */
function protectGroupedOverall(
  overall: Record<string, number>,
  form: string,
  favourableMask: number,
  keys: string[],
): Record<string, number> {
  const c = (key: string) => overall[key] ?? 0;
  if (form === 'three-way') {
    return { disagree: c('1') + c('2'), neutral: c('3'), agree: c('4') + c('5') };
  }
  const favourable = keys
    .filter((_, i) => favourableMask & (1 << i))
    .reduce((a, key) => a + c(key), 0);
  const n = keys.reduce((a, key) => a + c(key), 0);
  return { favourable, rest: n - favourable };
}
