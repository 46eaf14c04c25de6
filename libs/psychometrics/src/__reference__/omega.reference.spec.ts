// Omega total from one-factor lavaan fits (std.lv, listwise; lavaan 0.6-14) at the polished optimum.
import { omegaTotal } from '../index';
import { TOLERANCE, deviationLog, loadCsv, simReference } from '../../testing';

const reference = simReference();
const survey = loadCsv('sim-staff-survey.csv');
const log = deviationLog('omega vs lavaan 0.6-14, simulated survey');

describe.each(Object.entries(reference.omega))('omega total on the %s scale', (_name, ref) => {
  const result = omegaTotal(survey.select(ref.items), [...ref.items], {
    reverse: [...ref.reverse],
  });

  it('uses the listwise N and matches omega at the optimum', () => {
    expect(result.n).toBe(ref.nobs);
    log.check('omega_total', result.omegaTotal, ref.omega_polished, TOLERANCE.estimate);
  });

  it('matches the loadings (sign-free: std.lv loadings are identified up to sign)', () => {
    ref.items.forEach((item) => {
      log.check(
        'omega loadings',
        Math.abs(result.loadings[item]!),
        Math.abs(ref.loadings_polished[item]!),
        TOLERANCE.estimate,
      );
    });
  });
});
