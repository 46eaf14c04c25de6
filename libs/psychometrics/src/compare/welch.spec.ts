/**
 * stats::t.test (Welch, R 4.2.2) and Hedges' g (pooled SD, J = 1 − 3/(4(n1+n2) − 9)) reference values: test-vectors.json
 * welch_HS_x1_by_school = t.test(x1[Grant-White], x1[Pasteur]) and welch_bfi_A2_by_gender =
 * t.test(na.omit(A2[male]), na.omit(A2[female])). Sign: first minus second (R's convention).
 * Tolerance 1e-9 relative (observed ≤ ~1e-13; REFERENCE_DEVIATIONS=1 prints the largest).
 */
import { deviationLog, loadCsv, testVectors, type WelchVector } from '../../testing';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';
import { covariance, mean, meanConfidenceInterval, sd, variance } from './descriptive';
import { hedgesG, welch } from './welch';

const TOL = 1e-9;
const tv = testVectors();
const hs = loadCsv('holzinger-swineford-1939.csv');
const bfi = loadCsv('bfi.csv');
const log = deviationLog('compare (stats::t.test, R 4.2.2)');

const school = hs.textColumn('school');
const x1 = hs.column('x1');
const gender = bfi.column('gender');
const a2 = bfi.column('A2');
const cases: [string, number[], number[], WelchVector][] = [
  [
    'welch_HS_x1_by_school',
    x1.filter((_, i) => school[i] === 'Grant-White'),
    x1.filter((_, i) => school[i] === 'Pasteur'),
    tv.welch_HS_x1_by_school,
  ],
  [
    'welch_bfi_A2_by_gender',
    a2.filter((_, i) => gender[i] === 1), // NaNs are dropped by welch, as na.omit
    a2.filter((_, i) => gender[i] === 2),
    tv.welch_bfi_A2_by_gender,
  ],
];

describe.each(cases)('%s', (_name, a, b, ref) => {
  it(`welch matches ${ref.code}`, () => {
    const r = welch(a, b);
    expect([r.n1, r.n2]).toEqual([ref.n1, ref.n2]);
    log.check('mean', r.mean1, ref.mean1, TOL);
    log.check('mean', r.mean2, ref.mean2, TOL);
    log.check('var', r.var1, ref.var1, TOL);
    log.check('var', r.var2, ref.var2, TOL);
    log.check('t', r.t, ref.t, TOL);
    log.check('df', r.df, ref.df, TOL);
    log.check('p', r.p, ref.p, TOL);
    log.check('ci95', r.ci95[0], ref.ci95[0], TOL);
    log.check('ci95', r.ci95[1], ref.ci95[1], TOL);
  });
  it('hedgesG matches sd_pooled, d, J, g and J_exact', () => {
    const g = hedgesG(a, b);
    log.check('sd_pooled', g.sdPooled, ref.sd_pooled, TOL);
    log.check('d', g.d, ref.d, TOL);
    log.check('J', g.J, ref.J, TOL);
    log.check('g', g.g, ref.g, TOL);
    log.check('J_exact', g.jExact, ref.J_exact, TOL);
  });
  it('swapping the groups flips the sign (B − A = −(A − B))', () => {
    expect(welch(b, a).t).toBeCloseTo(-welch(a, b).t, 14);
    expect(hedgesG(b, a).g).toBeCloseTo(-hedgesG(a, b).g, 14);
  });
});

describe('welch / hedgesG edge cases', () => {
  it('an empty or one-value group is a typed error with a clear message', () => {
    expect(() => welch([], [1, 2, 3])).toThrow(TooFewRowsError);
    expect(() => welch([1, 2, 3], [NaN, 4])).toThrow(
      'Group 2 needs at least 2 usable value(s), got 1.',
    );
    expect(() => hedgesG([1, 2], [])).toThrow(TooFewRowsError);
  });
  it('names the groups as the caller does', () => {
    expect(() => welch([1, 2, 3], [4], ['female', 'male'])).toThrow(
      'Group "male" needs at least 2 usable value(s), got 1.',
    );
    expect(() => hedgesG([1], [2, 3], ['female', 'male'])).toThrow('Group "female" needs');
  });
  it('two constant groups are rejected', () => {
    expect(() => welch([1, 1, 1], [2, 2])).toThrow(InvalidArgumentError);
    expect(() => hedgesG([1, 1, 1], [2, 2])).toThrow(InvalidArgumentError);
  });
});

describe('descriptive helpers (R 4.2.2)', () => {
  it('mean, variance, sd, covariance skip NaN and divide by n − 1', () => {
    // R: x <- c(1, 2, NA, 4, 8); mean 3.75, var 9.58333333333333, sd 3.09569593683445
    const x = [1, 2, NaN, 4, 8];
    log.check('mean', mean(x), 3.75, 1e-15);
    log.check('variance', variance(x), 9.58333333333333, 1e-14);
    log.check('sd', sd(x), 3.09569593683445, 1e-14);
    // R: cov(c(1,2,NA,4,8), c(2,NA,1,5,9), use = "pairwise") = 12.3333333333333
    log.check('covariance', covariance(x, [2, NaN, 1, 5, 9]), 12.3333333333333, 1e-14);
  });
  it('meanConfidenceInterval = t.test(x)$conf.int (R: HS x1 → [4.80335011513711, 5.06818919762036])', () => {
    const ci = meanConfidenceInterval(x1);
    log.check('ci', ci.lower, 4.80335011513711, 1e-12);
    log.check('ci', ci.upper, 5.06818919762036, 1e-12);
    expect(ci.n).toBe(301);
  });
  it('typed errors on empty input', () => {
    expect(() => mean([])).toThrow(TooFewRowsError);
    expect(() => variance([NaN, 1])).toThrow(TooFewRowsError);
    expect(() => covariance([1], [1, 2])).toThrow(InvalidArgumentError);
    expect(() => meanConfidenceInterval([1])).toThrow(TooFewRowsError);
    expect(() => meanConfidenceInterval([1, 2], 1.5)).toThrow(InvalidArgumentError);
  });
});
