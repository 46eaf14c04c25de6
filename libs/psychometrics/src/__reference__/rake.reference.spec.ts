// survey::rake (survey 4.1-1) on sex x age band x region margins, run to convergence (epsilon 1e-13, maxit 1000).
import { kishDeff, rake, weightedMean } from '../index';
import { deviationLog, loadCsv, simReference } from '../../testing';

const reference = simReference();
const survey = loadCsv('sim-staff-survey.csv');
const ref = reference.rake;
const columns = Object.keys(ref.margins);
const levelColumns = columns.map((c) => survey.textColumn(c));
const levelsPerRow = survey.text.map((_, r) => levelColumns.map((levels) => levels[r]!));
const margins = columns.map((c) => new Map(Object.entries(ref.margins[c]!)));
const log = deviationLog('rake vs survey::rake (survey 4.1-1), simulated survey');
// Both sides stop with the margins met to ~1e-10 relative, so weights agree to about that; 1e-8 leaves room.
const CONVERGED = 1e-8;

describe('rake vs survey::rake at convergence', () => {
  const result = rake(levelsPerRow, margins, { epsilon: 1e-10, maxPasses: 100 });

  it('converges to the population total', () => {
    expect(result.converged).toBe(true);
    log.check('sum_w', result.sumW, ref.sum_w, CONVERGED);
  });

  it('matches every weight in input row order', () => {
    expect(result.weights).toHaveLength(ref.n);
    result.weights.forEach((w, i) => log.check('weights', w, ref.weights[i]!, CONVERGED));
  });

  it('matches the Kish design effect and the weighted mean (missing values skipped)', () => {
    log.check('deff_kish', kishDeff(result.weights), ref.deff_kish, CONVERGED);
    const overall = survey.select(['overall']).rows.map((row) => row[0]!);
    log.check(
      'weighted_mean',
      weightedMean(overall, result.weights),
      ref.weighted_mean_overall,
      CONVERGED,
    );
  });
});
