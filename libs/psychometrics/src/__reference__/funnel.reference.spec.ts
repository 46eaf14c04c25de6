// Normal funnel (Spiegelhalter 2005) computed in R: target = mean, sigma = sd over all non-missing values,
// z = (unit mean - target) / (sigma / sqrt(n)), flags at qnorm(.975) and qnorm(.999).
import { funnel } from '../index';
import {
  DeviationLog,
  TOL,
  numericColumns,
  readFixtureCsv,
  reference,
  textColumnOf,
} from './sim-fixtures';

const survey = readFixtureCsv('sim-staff-survey.csv');
const ref = reference.funnel;
const log = new DeviationLog();

describe('funnel vs R', () => {
  const values = numericColumns(survey, ['overall']).rows.map((row) => row[0]!);
  const result = funnel(values, textColumnOf(survey, 'team'));

  it('matches the target and sigma', () => {
    log.check('target', result.target, ref.target, TOL.closedForm);
    log.check('sigma', result.sigma, ref.sigma, TOL.closedForm);
  });

  it('lists the units sorted, with n, mean, z and both flags as R', () => {
    expect(result.units.map((u) => u.unit)).toEqual(ref.units.map((u) => u.unit));
    result.units.forEach((u, i) => {
      const r = ref.units[i]!;
      expect([u.n, u.outside95, u.outside998]).toEqual([r.n, r.outside95, r.outside998]);
      log.check('unit mean', u.mean, r.mean, TOL.closedForm);
      log.check('z', u.z, r.z, TOL.closedForm);
    });
  });

  it('flags some units, so the comparison of flags is not vacuous', () => {
    expect(ref.units.some((u) => u.outside95)).toBe(true);
    expect(ref.units.some((u) => u.outside998)).toBe(true);
  });
});

afterAll(() => {
  if (process.env.REFERENCE_DEVIATIONS)
    console.log(`funnel, largest relative deviation from R\n${log.summary()}`);
});
