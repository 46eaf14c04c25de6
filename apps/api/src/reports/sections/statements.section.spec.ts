import fc from 'fast-check';
import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import { frameAndData, inputs, OWN, rows } from '../testing/synthetic-report';
import { tableOf } from '../testing/tables';
import { statementsSection } from './statements.section';

const { frame, data } = frameAndData(inputs(rows(OWN, 30)));
const safe = (c: number, n: number, k: number) => c === 0 || (c >= k && n - c >= k);

/** Answers 1–5 with the given numbers of disagree (1–2), neither (3) and agree (4–5). */
function answers(disagree: number, neutral: number, agree: number): number[] {
  return [
    ...Array.from({ length: disagree }, (_, i) => 1 + (i % 2)),
    ...new Array<number>(neutral).fill(3),
    ...Array.from({ length: agree }, (_, i) => 4 + (i % 2)),
  ];
}

describe('statements: the most detail the privacy rule allows', () => {
  it('falls back to favourable against the rest, and says so in its own field', () => {
    // 30 answered: 20 agree, 6 neither, 4 disagree. Three parts are unsafe (6 and 4 are under K = 10);
    // 20 favourable against 10 others is safe.
    const la = tableOf(30, { support1: answers(4, 6, 20), support5: answers(20, 6, 4) });
    const items = statementsSection({ ...frame, count: 30 }, { ...data, la });
    const support1 = items.find((i) => i.item === 'support1');
    const support5 = items.find((i) => i.item === 'support5');
    expect(support1).toMatchObject({ suppressed: false, split: 'two-way', favourable: 'agree' });
    expect(support1).not.toHaveProperty('agree');
    if (support1?.suppressed !== false) throw new Error('support1 hidden');
    expect(support1.favourablePercent).toBeCloseTo((100 * 20) / 30, 12);
    // Reverse-keyed ("I am left on my own…"): disagreeing is the favourable answer.
    expect(support5).toMatchObject({ suppressed: false, split: 'two-way', favourable: 'disagree' });
    if (support5?.suppressed !== false) throw new Error('support5 hidden');
    expect(support5.favourablePercent).toBeCloseTo((100 * 20) / 30, 12);
  });

  it('property: serves nothing under K or found by subtraction, and a two-way split whenever it is safe', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 15 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('control2', 'control5'),
        (k, disagree, neutral, agree, statement) => {
          const n = disagree + neutral + agree;
          const la = tableOf(n, { [statement]: answers(disagree, neutral, agree) });
          const served = statementsSection({ ...frame, k, count: Math.max(n, k) }, { ...data, la });
          const result = served.find((i) => i.item === statement);
          if (!result) return false;
          const favourable = statement === 'control5' ? disagree : agree;
          const rest = n - favourable;
          const threeWaySafe = n >= k && [disagree, neutral, agree].every((c) => safe(c, n, k));
          const twoWaySafe = n >= k && favourable >= k && rest >= k;
          if (result.suppressed) return !threeWaySafe && !twoWaySafe;
          if (result.split === 'three-way') {
            return (
              threeWaySafe &&
              Math.abs(result.agree - (100 * agree) / n) < 1e-9 &&
              Math.abs(result.favourablePercent - (100 * favourable) / n) < 1e-9
            );
          }
          return (
            !threeWaySafe &&
            twoWaySafe &&
            Math.abs(result.favourablePercent - (100 * favourable) / n) < 1e-9 &&
            Math.abs(result.restPercent - (100 * rest) / n) < 1e-9
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names the favourable answer of every statement as the instrument keys it', () => {
    const items = statementsSection(frame, data);
    const reversed = new Set(HEALTH_CHECK_V1.scales.flatMap((s) => s.reversed));
    for (const item of items) {
      // Job demands is reported turned round: its agreeing is bad news unless reverse-keyed.
      const demands = item.scale === 'demands';
      const agreeIsGood = reversed.has(item.item) === demands;
      expect([item.item, item.favourable]).toEqual([item.item, agreeIsGood ? 'agree' : 'disagree']);
    }
  });
});
