// lavaan::cfa (0.6-14) on the simulated 4-factor, 24-item survey: listwise deletion (N = 321 of 1000).
import { fitCfa } from '../index';
import { checkFitMeasures, checkFreeParameters } from './cfa-checks';
import { deviationLog, loadCsv, readFixtureText, simReference } from '../../testing';

const reference = simReference();
const survey = loadCsv('sim-staff-survey.csv');
const items = survey.columns.filter((h) => /^q\d\d$/.test(h));
const log = deviationLog('4-factor CFA vs lavaan::cfa (lavaan 0.6-14), simulated survey');
const ref = reference.cfa_four_factor;

describe('4-factor CFA vs lavaan::cfa', () => {
  const fit = fitCfa(survey.select(items), readFixtureText('sim-four-factor.lav'));

  it('drops incomplete rows listwise and converges', () => {
    expect(fit.n).toBe(ref.nobs[0]);
    expect(fit.converged).toBe(true);
  });

  it('matches chisq, df, p, CFI, TLI, RMSEA with its CI and SRMR at the optimum', () => {
    checkFitMeasures(fit, ref, log);
  });

  it('matches every free parameter at the polished optimum', () => {
    checkFreeParameters(fit, ref, log);
  });
});
