// Shapley / LMG shares of R2, from R by enumerating all 2^6 subsets with lm() (listwise deletion).
import { shapleyR2 } from '../index';
import { TOLERANCE, deviationLog, loadCsv, simReference } from '../../testing';

const reference = simReference();
const survey = loadCsv('sim-staff-survey.csv');
const ref = reference.drivers;
const log = deviationLog('Shapley R2 vs all-subsets lm(), simulated survey');

describe('shapleyR2 vs all-subsets lm() in R', () => {
  const result = shapleyR2(survey.select([ref.outcome, ...ref.predictors]), ref.outcome, [
    ...ref.predictors,
  ]);

  it('uses the complete rows and matches R2', () => {
    expect(result.n).toBe(ref.n);
    log.check('r2', result.r2, ref.r2, TOLERANCE.closedForm);
  });

  it('matches each predictor share, and the shares add up to R2', () => {
    ref.predictors.forEach((name, i) =>
      log.check('shapley', result.shapley[i]!, ref.shapley[name]!, TOLERANCE.closedForm, {
        floor: 1e-3,
      }),
    );
    const total = result.shapley.reduce((s, v) => s + v, 0);
    log.check('shapley sum', total, ref.r2, TOLERANCE.closedForm);
  });
});
