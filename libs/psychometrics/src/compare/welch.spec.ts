/**
 * stats::t.test (Welch, R 4.2.2) and Hedges' g (SPEC §7) reference values: test-vectors.json
 * welch_HS_x1_by_school = t.test(x1[Grant-White], x1[Pasteur]) and welch_bfi_A2_by_gender =
 * t.test(na.omit(A2[male]), na.omit(A2[female])). Sign: first minus second (R's convention).
 * Tolerance 1e-9 relative (observed ≤ ~1e-13; REFERENCE_DEVIATIONS=1 prints the largest).
 */
import { loadCsv, relErr, testVectors, type WelchVector } from '../distributions/test-fixtures';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';
import { covariance, mean, meanConfidenceInterval, sd, variance } from './descriptive';
import { hedgesG, welch } from './welch';

const TOL = 1e-9;
const tv = testVectors();
const hs = loadCsv('holzinger-swineford-1939.csv');
const bfi = loadCsv('bfi.csv');
const worst = new Map<string, number>();
function close(label: string, got: number, want: number, tol = TOL): void {
  const e = relErr(got, want);
  worst.set(label, Math.max(worst.get(label) ?? 0, e));
  if (!(e <= tol)) throw new Error(`${label}: got ${got}, R ${want} (relative ${e})`);
}

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
    close('mean', r.mean1, ref.mean1);
    close('mean', r.mean2, ref.mean2);
    close('var', r.var1, ref.var1);
    close('var', r.var2, ref.var2);
    close('t', r.t, ref.t);
    close('df', r.df, ref.df);
    close('p', r.p, ref.p);
    close('ci95', r.ci95[0], ref.ci95[0]);
    close('ci95', r.ci95[1], ref.ci95[1]);
  });
  it('hedgesG matches sd_pooled, d, J, g and J_exact', () => {
    const g = hedgesG(a, b);
    close('sd_pooled', g.sdPooled, ref.sd_pooled);
    close('d', g.d, ref.d);
    close('J', g.J, ref.J);
    close('g', g.g, ref.g);
    close('J_exact', g.jExact, ref.J_exact);
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
  it('two constant groups are rejected', () => {
    expect(() => welch([1, 1, 1], [2, 2])).toThrow(InvalidArgumentError);
    expect(() => hedgesG([1, 1, 1], [2, 2])).toThrow(InvalidArgumentError);
  });
});

describe('descriptive helpers (R 4.2.2)', () => {
  it('mean, variance, sd, covariance skip NaN and divide by n − 1', () => {
    // R: x <- c(1, 2, NA, 4, 8); mean 3.75, var 9.58333333333333, sd 3.09569593683445
    const x = [1, 2, NaN, 4, 8];
    close('mean', mean(x), 3.75, 1e-15);
    close('variance', variance(x), 9.58333333333333, 1e-14);
    close('sd', sd(x), 3.09569593683445, 1e-14);
    // R: cov(c(1,2,NA,4,8), c(2,NA,1,5,9), use = "pairwise") = 12.3333333333333
    close('covariance', covariance(x, [2, NaN, 1, 5, 9]), 12.3333333333333, 1e-14);
  });
  it('meanConfidenceInterval = t.test(x)$conf.int (R: HS x1 → [4.80335011513711, 5.06818919762036])', () => {
    const ci = meanConfidenceInterval(x1);
    close('ci', ci.lower, 4.80335011513711, 1e-12);
    close('ci', ci.upper, 5.06818919762036, 1e-12);
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

afterAll(() => {
  if (process.env['REFERENCE_DEVIATIONS']) {
    console.log(
      `compare: largest relative deviation from R\n${[...worst].map(([k, v]) => `${k}: ${v.toExponential(2)}`).join('\n')}`,
    );
  }
});
