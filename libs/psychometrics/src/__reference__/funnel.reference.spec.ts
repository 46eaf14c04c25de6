// Normal funnel (Spiegelhalter 2005) computed in R: target = mean, sigma = sd over all non-missing values,
// z = (unit mean - target) / (sigma / sqrt(n)), flags at qnorm(.975) and qnorm(.999).
import { funnel } from '../index';
import { TOLERANCE, deviationLog, loadCsv, simReference } from '../../testing';

const reference = simReference();
const survey = loadCsv('sim-staff-survey.csv');
const ref = reference.funnel;
const log = deviationLog('funnel vs R, simulated survey');

describe('funnel vs R', () => {
  const values = survey.select(['overall']).rows.map((row) => row[0]!);
  const result = funnel(values, survey.textColumn('team'));

  it('matches the target and sigma', () => {
    log.check('target', result.target, ref.target, TOLERANCE.closedForm);
    log.check('sigma', result.sigma, ref.sigma, TOLERANCE.closedForm);
  });

  it('lists the units sorted, with n, mean, z and both flags as R', () => {
    expect(result.units.map((u) => u.unit)).toEqual(ref.units.map((u) => u.unit));
    result.units.forEach((u, i) => {
      const r = ref.units[i]!;
      expect([u.n, u.outside95, u.outside998]).toEqual([r.n, r.outside95, r.outside998]);
      log.check('unit mean', u.mean, r.mean, TOLERANCE.closedForm);
      log.check('z', u.z, r.z, TOLERANCE.closedForm);
    });
  });

  it('flags some units, so the comparison of flags is not vacuous', () => {
    expect(ref.units.some((u) => u.outside95)).toBe(true);
    expect(ref.units.some((u) => u.outside998)).toBe(true);
  });
});
