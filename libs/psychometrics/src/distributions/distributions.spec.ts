/**
 * Reference values: R 4.2.2 (nmath), printed with %.17g (SPEC §9.3, r/welch_funnel.R "Distribution
 * checks") and test-vectors.json `distributions` (15 significant digits).
 * Tolerance: 1e-12 relative everywhere (observed ≤ 1e-13; the worst is pt(-30, 3000) at 9.8e-14).
 */
import { lgamma, pchisq, pf, pnorm, pt, qchisq, qf, qnorm, qt } from './distributions';
import { expectRel, testVectors } from './test-fixtures';

const TOL = 1e-12;
const tv = testVectors().distributions;

describe('pchisq (R 4.2.2 pchisq(q, df, ncp))', () => {
  // SPEC §9.3 table, 17 significant digits
  const spec: [number, number, number, number][] = [
    [85.3055217699727, 24, 0, 0.99999999149744678],
    [85.3055217699727, 24, 36.843, 0.95002816459876316],
    [85.3055217699727, 24, 61.4432, 0.51884895258870756],
    [10, 5, 2.5, 0.75511991722478167],
    [1000, 500, 600, 0.040305276571062344],
    [3, 24, 0.001, 6.8211967533550899e-8],
    [200, 2, 150, 0.96832249987574293],
  ];
  it.each(spec)('pchisq(%p, %p, ncp=%p) = %p (SPEC §9.3)', (x, df, ncp, p) => {
    expectRel(pchisq(x, df, ncp), p, TOL, `pchisq(${x},${df},${ncp})`);
  });
  it('matches every test-vectors.json distributions.pchisq_nc entry', () => {
    for (const e of tv.pchisq_nc) expectRel(pchisq(e.x, e.df, e.ncp), e.p, TOL, `pchisq ${e.x}`);
  });
  it('upper tail is the complement and is computed directly', () => {
    for (const [x, df, ncp] of spec) {
      expect(Math.abs(pchisq(x, df, ncp) + pchisq(x, df, ncp, false) - 1)).toBeLessThan(1e-14);
    }
    // R: pchisq(50.3201245688079, 43, lower.tail=FALSE) = 0.206238805648849 (SPEC §8)
    expectRel(pchisq(50.3201245688079, 43, 0, false), 0.206238805648849, 1e-12, 'upper 43');
    expectRel(pchisq(50.3201245688079, 44, 0, false), 0.237532913253644, 1e-12, 'upper 44');
    // R: pchisq(400, 10, lower.tail=FALSE) = 9.413291991183478e-80 — no cancellation
    expectRel(pchisq(400, 10, 0, false), 9.413291991183478e-80, 1e-12, 'far upper');
  });
  it('handles the boundaries', () => {
    expect(pchisq(0, 5, 3)).toBe(0);
    expect(pchisq(-1, 5)).toBe(0);
    expect(pchisq(Infinity, 5, 3)).toBe(1);
    expect(pchisq(0, 5, 3, false)).toBe(1);
    expect(Number.isNaN(pchisq(NaN, 5))).toBe(true);
    expect(() => pchisq(1, -1)).toThrow(RangeError);
    // df = 0 with ncp > 0 has a point mass exp(-ncp/2) at 0 (R: pchisq(1e-300, 0, 2) = exp(-1))
    expectRel(pchisq(1e-300, 0, 2), Math.exp(-1), 1e-14, 'df0');
  });
  it('stays accurate for a very large non-centrality (R 4.2.2, ncp = 10000)', () => {
    // R: pchisq(10500, 10, 10000) = 0.992346936944402; pchisq(9500, 10, 10000) = 0.004973923827008236
    expectRel(pchisq(10500, 10, 10000), 0.992346936944402, 1e-12, 'large ncp');
    expectRel(pchisq(9500, 10, 10000), 0.004973923827008236, 1e-10, 'large ncp lower');
  });
  it('RMSEA-sized non-centralities (N·df at N = 100,000): R 4.2.2 and mpmath', () => {
    const x2 = 696.1826788455028; // the bench's 24-item CFA at N = 100,000, df = 246
    // R: pchisq(x2, 246, 450), pchisq(x2, 246, 600), pchisq(120, 24, 400)
    expectRel(pchisq(x2, 246, 450), 0.50925959823954048, 1e-12, 'CI-root region');
    expectRel(pchisq(x2, 246, 600), 0.0017594091859036247, 1e-12, 'CI-root region, tail');
    expectRel(pchisq(120, 24, 400), 4.9803083812566322e-23, 1e-12, 'far lower tail');
    // close-fit ncp = N·df·0.05² = 61500: R gives exactly 0 and 1 (our Chernoff bound: < e^-800)
    expect(pchisq(x2, 246, 61500)).toBe(0);
    expect(pchisq(x2, 246, 61500, false)).toBe(1);
    // mpmath (30 digits, Σ Pois·regularised gamma over ±40 SD): R's ncp ≥ 80 series is only ~1e-12
    // absolute (0.9198429073104789) and its upper tail is 1 − lower (6.781181796624569e-4).
    expectRel(pchisq(9039.688050741077, 580, 8200), 0.919842907312931, 1e-14, 'mpmath');
    expectRel(pchisq(40000, 30000, 9000, false), 6.781181967929187e-4, 1e-13, 'mpmath upper');
  });
});

describe('pt / qt (R 4.2.2)', () => {
  it('matches every test-vectors.json distributions.pt entry, incl. pt(-30, 3000) = 1.84e-173', () => {
    for (const e of tv.pt) expectRel(pt(e.x, e.df), e.p, TOL, `pt(${e.x},${e.df})`);
  });
  it('SPEC §9.3 values at 17 digits', () => {
    expectRel(pt(-2.5, 10), 0.015723422118304388, TOL, 'pt(-2.5,10)');
    expectRel(pt(-4.2, 5.5), 0.0034452249735452264, TOL, 'pt(-4.2,5.5)');
    expectRel(pt(-30, 3000), 1.8416832496622728e-173, TOL, 'pt(-30,3000)');
    expectRel(pt(30, 3000, false), 1.8416832496622728e-173, TOL, 'upper');
  });
  it('Welch p for bfi A2: 2*pt(-9.27806081121461, 1588.57639727824) = 5.46123935959887e-20', () => {
    expectRel(2 * pt(-9.27806081121461, 1588.57639727824), 5.46123935959887e-20, TOL, 'welch p');
  });
  it('qt inverts pt (R: qt(0.975, 298.384996729313) = 1.967946152792573)', () => {
    expectRel(qt(0.975, 298.384996729313), 1.967946152792573, 1e-12, 'qt');
    expectRel(qt(0.975, 10), 2.228138851986274, 1e-12, 'qt 10');
    expect(() => qt(1.5, 3)).toThrow(RangeError);
  });
});

describe('qf / pf (R 4.2.2)', () => {
  it('matches test-vectors.json distributions.qf (Feldt CI, bfi)', () => {
    for (const e of tv.qf) expectRel(qf(e.p, e.df1, e.df2), e.q, TOL, `qf(${e.p})`);
    expectRel(qf(0.975, 2799, 11196), 1.0597818953238143, TOL, 'qf .975');
    expectRel(qf(0.025, 2799, 11196), 0.94260605207346693, TOL, 'qf .025');
  });
  it('pf lower/upper (R: pf(2, 3, 4) = 0.743612802471824)', () => {
    expectRel(pf(2, 3, 4), 0.7436128024718238, 1e-12, 'pf');
    expectRel(pf(2, 3, 4, false), 0.2563871975281762, 1e-12, 'pf upper');
  });
});

describe('pnorm / qnorm / qchisq / lgamma (R 4.2.2)', () => {
  it('qnorm(.975) and qnorm(.999) exactly as SPEC §0', () => {
    expectRel(qnorm(0.975), 1.9599639845400536, 1e-15, 'qnorm .975');
    expectRel(qnorm(0.999), 3.0902323061678132, 1e-15, 'qnorm .999');
    expectRel(qnorm(0.975), tv.qnorm.p975, 1e-14, 'json');
    expectRel(qnorm(0.999), tv.qnorm.p999, 1e-14, 'json');
  });
  it('pnorm tails (R: pnorm(-10) = 7.619853024160527e-24)', () => {
    expectRel(pnorm(-10), 7.619853024160527e-24, 1e-12, 'pnorm -10');
    expectRel(pnorm(10, 0, 1, false), 7.619853024160527e-24, 1e-12, 'upper');
    expectRel(pnorm(1.959963984540054), 0.975, 1e-15, 'pnorm');
  });
  it('qchisq(0.95, 43) = 59.30351202689981 (R)', () => {
    expectRel(qchisq(0.95, 43), 59.30351202689981, 1e-12, 'qchisq');
  });
  it('lgamma(0.5) = log(sqrt(pi))', () => {
    expectRel(lgamma(0.5), 0.5 * Math.log(Math.PI), 1e-15, 'lgamma');
  });
});
