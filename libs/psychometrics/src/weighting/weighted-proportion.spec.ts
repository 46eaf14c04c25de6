/**
 * proportionInterval against R 4.2.2 (fixtures/r/weighted-proportion.R): unweighted =
 * prop.test(x, n, correct = FALSE)$conf.int; raked = survey 4.1-1 rake (epsilon 1e-12) to region and
 * role margins, svymean, Kish deff, Wilson with n / deff. Tolerance 1e-9 relative.
 */
import { assertClose, loadCsv, TOLERANCE, weightedProportionReference } from '../../testing';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';
import { rake } from './rake';
import { proportionInterval } from './weighted-proportion';

const reference = weightedProportionReference();
const data = loadCsv('weighted-proportion.csv');
const favourable = data.column('favourable');
const rows = data.textColumn('region').map((region, i) => ({
  region,
  role: data.textColumn('role')[i] ?? '',
}));

const close = (got: number, want: number): void => {
  assertClose('proportionInterval', got, want, TOLERANCE.closedForm);
};

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
