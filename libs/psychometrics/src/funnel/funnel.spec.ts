/**
 * Funnel plot (Spiegelhalter 2005) reference values from test-vectors.json funnel_bfi_A2_by_age
 * (fixtures/r/test-vectors.R, R 4.2.2: units = ages with ≥ 10 non-missing A2, outcome A2).
 * Tolerance 1e-9 relative (observed ≤ ~1e-13; REFERENCE_DEVIATIONS=1 prints the largest).
 */
import { deviationLog, loadCsv, testVectors } from '../../testing';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';
import { funnel } from './funnel';

const TOL = 1e-9;
const ref = testVectors().funnel_bfi_A2_by_age;
const bfi = loadCsv('bfi.csv');
const a2 = bfi.column('A2');
const labels = bfi.column('age').map(String);
const log = deviationLog('funnel (Spiegelhalter 2005, R 4.2.2)');

describe('funnel vs test-vectors.R on bfi A2 by age (minN = 10)', () => {
  const none = funnel(a2, labels, { minN: 10 });
  const mult = funnel(a2, labels, { minN: 10, overdispersion: 'multiplicative' });
  const add = funnel(a2, labels, { minN: 10, overdispersion: 'additive' });

  it('target, sigma, N, I and the over-dispersion statistics', () => {
    log.check('target', none.target, ref.target, TOL);
    log.check('sigma', none.sigma, ref.sigma, TOL);
    expect([none.totalN, none.unitCount]).toEqual([ref.N, ref.I]);
    log.check('z95', none.z95, ref.z95, TOL);
    log.check('z998', none.z998, ref.z998, TOL);
    log.check('winsor', none.winsorLower, ref.winsor_q10, TOL);
    log.check('winsor', none.winsorUpper, ref.winsor_q90, TOL);
    log.check('phi', none.phi, ref.phi, TOL);
    log.check('tau2', none.tau2, ref.tau2, TOL);
    // R: pchisq(44 * phi, 43, lower.tail = FALSE) = 0.206238805648849
    log.check('phi p', none.phiPValue, 0.206238805648849, TOL);
    expect(none.units.filter((u) => u.outside95)).toHaveLength(8);
    expect(none.units.filter((u) => u.outside998)).toHaveLength(2);
  });
  it('every unit: n, mean, se, z and limits; adjusted z and upper limits', () => {
    expect(none.units.map((u) => Number(u.unit))).toEqual(ref.units.map((u) => u.age));
    ref.units.forEach((r, i) => {
      const u = none.units[i]!;
      const m = mult.units[i]!;
      const a = add.units[i]!;
      expect(u.n).toBe(r.n);
      log.check('unit mean', u.mean, r.mean, TOL);
      log.check('se', u.se, r.se, TOL);
      log.check('z', u.z, r.z, TOL);
      log.check('limits95', u.limits95[0], r.lo95, TOL);
      log.check('limits95', u.limits95[1], r.hi95, TOL);
      log.check('limits998', u.limits998[0], r.lo998, TOL);
      log.check('limits998', u.limits998[1], r.hi998, TOL);
      log.check('z_mult', m.zAdjusted, r.z_mult, TOL);
      log.check('z_add', a.zAdjusted, r.z_add, TOL);
      log.check('hi95_mult', m.limits95[1], r.hi95_mult, TOL);
      log.check('hi95_add', a.limits95[1], r.hi95_add, TOL);
      expect(u.outside95).toBe(Math.abs(r.z) > ref.z95);
      expect(u.outside998).toBe(Math.abs(r.z) > ref.z998);
      expect(m.z).toBe(u.z);
    });
  });
  it('the { unit, values } form gives the same result', () => {
    const groups = new Map<string, number[]>();
    a2.forEach((v, i) => groups.set(labels[i]!, [...(groups.get(labels[i]!) ?? []), v]));
    const alt = funnel(
      [...groups].map(([unit, values]) => ({ unit, values })),
      { minN: 10 },
    );
    expect(alt.units).toEqual(none.units);
  });
  it('onlyIfSignificant leaves the limits alone when φ̂ is not significant (p = 0.206)', () => {
    const r = funnel(a2, labels, {
      minN: 10,
      overdispersion: 'multiplicative',
      onlyIfSignificant: true,
    });
    expect(r.adjusted).toBe(false);
    expect(r.units).toEqual(none.units);
  });
});

describe('funnel edge cases', () => {
  it('empty input, a unit with only missing values, mismatched lengths, bad options', () => {
    expect(() => funnel([], [])).toThrow(TooFewRowsError);
    expect(() => funnel([NaN, NaN], ['a', 'b'])).toThrow(TooFewRowsError);
    expect(() => funnel([1, 2], ['a'])).toThrow(InvalidArgumentError);
    expect(() => funnel([1, 1, 1], ['a', 'b', 'b'])).toThrow('Every value is the same');
    expect(() => funnel([1, 2], ['a', 'b'], { overdispersion: 'bogus' as never })).toThrow(
      InvalidArgumentError,
    );
    expect(() => funnel([1, 2, 3], ['a', 'a', 'a'], { overdispersion: 'additive' })).toThrow(
      TooFewRowsError,
    );
    const r = funnel([1, 2, NaN, 4], ['b', 'a', 'c', 'a']);
    expect(r.units.map((u) => u.unit)).toEqual(['a', 'b']);
  });
  it('sorts numeric labels numerically', () => {
    const r = funnel([1, 2, 3, 4], ['10', '9', '100', '9']);
    expect(r.units.map((u) => u.unit)).toEqual(['9', '10', '100']);
  });
});
