/**
 * weightedMeanInterval against R 4.2.2 (fixtures/r/weighted-mean-interval.R): survey 4.1-1 rake
 * (epsilon 1e-12) to region and role margins; svymean on svydesign(ids = ~1, weights = ~w) for the
 * mean and SE; confint(df = degf(design)); Kish deff. Unweighted = t.test. Tolerance 1e-9 relative.
 */
import {
  assertClose,
  loadCsv,
  TOLERANCE,
  weightedMeanIntervalReference,
  type WeightedMeanIntervalVector,
} from '../../testing';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';
import { rake } from './rake';
import { weightedMeanInterval, type WeightedMeanInterval } from './weighted-mean-interval';

const reference = weightedMeanIntervalReference();
const data = loadCsv('weighted-mean-interval.csv');
const score = data.column('score');
const region = data.textColumn('region');
const role = data.textColumn('role');
const rows = region.map((r, i) => ({ region: r, role: role[i] ?? '' }));

const matches = (got: WeightedMeanInterval, want: WeightedMeanIntervalVector): void => {
  const close = (a: number, b: number) =>
    assertClose('weightedMeanInterval', a, b, TOLERANCE.closedForm);
  expect(got.n).toBe(want.n);
  close(got.mean, want.mean);
  close(got.se, want.se);
  close(got.lower, want.lower);
  close(got.upper, want.upper);
  close(got.designEffect, want.deff);
  close(got.effectiveN, want.effective_n);
};

describe('weightedMeanInterval vs R', () => {
  const { weights } = rake(rows, reference.margins, { epsilon: 1e-12, maxPasses: 100 });

  it('has the missing scores R has', () => {
    expect(score.filter((s) => Number.isNaN(s))).toHaveLength(12);
  });

  it('unweighted: t.test(y)$conf.int, SE = sd/√n', () => {
    matches(weightedMeanInterval(score), reference.unweighted);
  });

  it('raked: svymean and confint(df = n − 1) on survey::rake weights', () => {
    reference.first_weights.forEach((w, i) =>
      assertClose('rake', weights[i] ?? NaN, w, TOLERANCE.closedForm),
    );
    matches(weightedMeanInterval(score, weights), reference.raked);
  });

  it('one region: the same on that region’s rows alone', () => {
    const london = score.map((_, i) => i).filter((i) => region[i] === 'London');
    matches(
      weightedMeanInterval(
        london.map((i) => score[i] ?? NaN),
        london.map((i) => weights[i] ?? NaN),
      ),
      reference.london_raked,
    );
  });
});

describe('weightedMeanInterval edge cases', () => {
  it('rejects fewer than two values, mismatched weights, bad weights and a bad level', () => {
    expect(() => weightedMeanInterval([1, NaN])).toThrow(TooFewRowsError);
    expect(() => weightedMeanInterval([1, 2], [1])).toThrow('There are 1 weights for 2 values.');
    expect(() => weightedMeanInterval([1, 2], [1, -1])).toThrow(InvalidArgumentError);
    expect(() => weightedMeanInterval([1, 2], undefined, 0)).toThrow(InvalidArgumentError);
  });

  it('equal weights of any size give the unweighted interval', () => {
    const y = [3, 5, 8, 13, 21];
    const a = weightedMeanInterval(y);
    const b = weightedMeanInterval(y, [7, 7, 7, 7, 7]);
    expect(b.mean).toBeCloseTo(a.mean, 12);
    expect(b.se).toBeCloseTo(a.se, 12);
    expect(b.designEffect).toBeCloseTo(1, 12);
  });
});
