// lavaan::cfa (0.6-14) on the simulated 4-factor, 24-item survey: listwise deletion (N = 321 of 1000).
import { fitCfa } from '../index';
import { checkFitMeasures, checkFreeParameters } from './cfa-checks';
import {
  DeviationLog,
  numericColumns,
  readFixtureCsv,
  readFixtureText,
  reference,
} from './sim-fixtures';

const survey = readFixtureCsv('sim-staff-survey.csv');
const items = survey.header.filter((h) => /^q\d\d$/.test(h));
const log = new DeviationLog();
const ref = reference.cfa_four_factor;

describe('4-factor CFA vs lavaan::cfa', () => {
  const fit = fitCfa(numericColumns(survey, items), readFixtureText('sim-four-factor.lav'));

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

afterAll(() => {
  if (process.env.REFERENCE_DEVIATIONS)
    console.log(`cfa, largest relative deviation from R\n${log.summary()}`);
});
