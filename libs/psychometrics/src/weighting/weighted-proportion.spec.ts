/**
 * proportionInterval against R 4.2.2 (fixtures/r/weighted-proportion.R): unweighted =
 * prop.test(x, n, correct = FALSE)$conf.int; raked = survey 4.1-1 rake (epsilon 1e-12) to region and
 * role margins, svymean, Kish deff, Wilson with n / deff. Tolerance 1e-9 relative.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCsv, relErr } from '../distributions/test-fixtures';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';
import { rake } from './rake';
import { proportionInterval } from './weighted-proportion';

interface Reference {
  margins: { region: Record<string, number>; role: Record<string, number> };
  unweighted: { estimate: number; lower: number; upper: number };
  raked: { estimate: number; lower: number; upper: number; deff: number; first_weights: number[] };
}
const reference = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'weighted-proportion.json'), 'utf8'),
) as Reference;
const data = loadCsv('weighted-proportion.csv');
const favourable = data.column('favourable');
const rows = data.textColumn('region').map((region, i) => ({
  region,
  role: data.textColumn('role')[i] ?? '',
}));

function close(got: number, want: number, tol = 1e-9): void {
  expect(relErr(got, want)).toBeLessThanOrEqual(tol);
}

describe('proportionInterval vs R', () => {
  it('unweighted: the Wilson interval of prop.test(correct = FALSE)', () => {
    const result = proportionInterval(favourable);
    close(result.estimate, reference.unweighted.estimate);
    close(result.lower, reference.unweighted.lower);
    close(result.upper, reference.unweighted.upper);
    expect(result.designEffect).toBe(1);
    expect(result.effectiveN).toBe(favourable.length);
  });

  it('raked to region and role: svymean, Kish deff and Wilson with n / deff', () => {
    const { weights } = rake(rows, reference.margins, { epsilon: 1e-12, maxPasses: 100 });
    reference.raked.first_weights.forEach((w, i) => close(weights[i] ?? NaN, w));
    const result = proportionInterval(favourable, weights);
    close(result.estimate, reference.raked.estimate);
    close(result.designEffect, reference.raked.deff);
    close(result.lower, reference.raked.lower);
    close(result.upper, reference.raked.upper);
  });
});

describe('proportionInterval edge cases', () => {
  it('stays inside 0–1 at 0% and 100%', () => {
    const none = proportionInterval([0, 0, 0, 0, 0]);
    expect(none.lower).toBeCloseTo(0, 12);
    expect(none.upper).toBeGreaterThan(0);
    const all = proportionInterval([1, 1, 1]);
    expect(all.upper).toBeCloseTo(1, 12);
    expect(all.lower).toBeLessThan(1);
  });

  it('rejects empty input, outcomes other than 0/1 and a bad level', () => {
    expect(() => proportionInterval([])).toThrow(TooFewRowsError);
    expect(() => proportionInterval([0, 2])).toThrow('Outcome 2 must be 0 or 1, got 2.');
    expect(() => proportionInterval([0, 1], undefined, 1)).toThrow(InvalidArgumentError);
  });
});
