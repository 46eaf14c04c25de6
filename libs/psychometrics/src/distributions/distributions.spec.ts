/**
 * Reference values: R 4.2.2 (nmath), printed with sprintf("%.17g", …) from the R call in each comment,
 * and test-vectors.json `distributions` (15 significant digits).
 * Tolerance: 1e-12 relative everywhere (observed ≤ 1e-13; the worst is pt(-30, 3000) at 9.8e-14).
 */
import { lgamma, pchisq, pf, pnorm, pt, qchisq, qf, qnorm, qt } from './distributions';
import { deviationLog, testVectors } from '../../testing';

const TOL = 1e-12;
const tv = testVectors().distributions;
const log = deviationLog('distributions (R 4.2.2 nmath)');

describe('pchisq (R 4.2.2 pchisq(q, df, ncp))', () => {
  // R: sprintf("%.17g", pchisq(x, df, ncp = ncp)), 17 significant digits
  const spec: [number, number, number, number][] = [
    [85.3055217699727, 24, 0, 0.99999999149744678],
    [85.3055217699727, 24, 36.843, 0.95002816459876316],
    [85.3055217699727, 24, 61.4432, 0.51884895258870756],
    [10, 5, 2.5, 0.75511991722478167],
    [1000, 500, 600, 0.040305276571062344],
    [3, 24, 0.001, 6.8211967533550899e-8],
    [200, 2, 150, 0.96832249987574293],
  ];
  it.each(spec)('pchisq(%p, %p, ncp=%p) = %p (R 4.2.2)', (x, df, ncp, p) => {
    log.check(`pchisq(${x},${df},${ncp})`, pchisq(x, df, ncp), p, TOL);
  });
  it('matches every test-vectors.json distributions.pchisq_nc entry', () => {
    for (const e of tv.pchisq_nc) log.check(`pchisq ${e.x}`, pchisq(e.x, e.df, e.ncp), e.p, TOL);
  });
  it('upper tail is the complement and is computed directly', () => {
    for (const [x, df, ncp] of spec) {
      expect(Math.abs(pchisq(x, df, ncp) + pchisq(x, df, ncp, false) - 1)).toBeLessThan(1e-14);
    }
    // R: pchisq(50.3201245688079, 43, lower.tail=FALSE) = 0.206238805648849
    log.check('upper 43', pchisq(50.3201245688079, 43, 0, false), 0.206238805648849, 1e-12);
    log.check('upper 44', pchisq(50.3201245688079, 44, 0, false), 0.237532913253644, 1e-12);
    // R: pchisq(400, 10, lower.tail=FALSE) = 9.413291991183478e-80 — no cancellation
    log.check('far upper', pchisq(400, 10, 0, false), 9.413291991183478e-80, 1e-12);
  });
  it('handles the boundaries', () => {
    expect(pchisq(0, 5, 3)).toBe(0);
    expect(pchisq(-1, 5)).toBe(0);
    expect(pchisq(Infinity, 5, 3)).toBe(1);
    expect(pchisq(0, 5, 3, false)).toBe(1);
    expect(Number.isNaN(pchisq(NaN, 5))).toBe(true);
    expect(() => pchisq(1, -1)).toThrow(RangeError);
    // df = 0 with ncp > 0 has a point mass exp(-ncp/2) at 0 (R: pchisq(1e-300, 0, 2) = exp(-1))
    log.check('df0', pchisq(1e-300, 0, 2), Math.exp(-1), 1e-14);
  });
  it('stays accurate for a very large non-centrality (R 4.2.2, ncp = 10000)', () => {
    // R: pchisq(10500, 10, 10000) = 0.992346936944402; pchisq(9500, 10, 10000) = 0.004973923827008236
    log.check('large ncp', pchisq(10500, 10, 10000), 0.992346936944402, 1e-12);
    log.check('large ncp lower', pchisq(9500, 10, 10000), 0.004973923827008236, 1e-10);
  });
  it('RMSEA-sized non-centralities (N·df at N = 100,000): R 4.2.2 and mpmath', () => {
    const x2 = 696.1826788455028; // the bench's 24-item CFA at N = 100,000, df = 246
    // R: pchisq(x2, 246, 450), pchisq(x2, 246, 600), pchisq(120, 24, 400)
    log.check('CI-root region', pchisq(x2, 246, 450), 0.50925959823954048, 1e-12);
    log.check('CI-root region, tail', pchisq(x2, 246, 600), 0.0017594091859036247, 1e-12);
    log.check('far lower tail', pchisq(120, 24, 400), 4.9803083812566322e-23, 1e-12);
    // close-fit ncp = N·df·0.05² = 61500: R gives exactly 0 and 1 (our Chernoff bound: < e^-800)
    expect(pchisq(x2, 246, 61500)).toBe(0);
    expect(pchisq(x2, 246, 61500, false)).toBe(1);
    // mpmath (30 digits, Σ Pois·regularised gamma over ±40 SD): R's ncp ≥ 80 series is only ~1e-12
    // absolute (0.9198429073104789) and its upper tail is 1 − lower (6.781181796624569e-4).
    log.check('mpmath', pchisq(9039.688050741077, 580, 8200), 0.919842907312931, 1e-14);
    log.check('mpmath upper', pchisq(40000, 30000, 9000, false), 6.781181967929187e-4, 1e-13);
  });
});

describe('pt / qt (R 4.2.2)', () => {
  it('matches every test-vectors.json distributions.pt entry, incl. pt(-30, 3000) = 1.84e-173', () => {
    for (const e of tv.pt) log.check(`pt(${e.x},${e.df})`, pt(e.x, e.df), e.p, TOL);
  });
  it('R 4.2.2 pt() values at 17 digits', () => {
    log.check('pt(-2.5,10)', pt(-2.5, 10), 0.015723422118304388, TOL);
    log.check('pt(-4.2,5.5)', pt(-4.2, 5.5), 0.0034452249735452264, TOL);
    log.check('pt(-30,3000)', pt(-30, 3000), 1.8416832496622728e-173, TOL);
    log.check('upper', pt(30, 3000, false), 1.8416832496622728e-173, TOL);
  });
  it('Welch p for bfi A2: 2*pt(-9.27806081121461, 1588.57639727824) = 5.46123935959887e-20', () => {
    log.check('welch p', 2 * pt(-9.27806081121461, 1588.57639727824), 5.46123935959887e-20, TOL);
  });
  it('qt inverts pt (R: qt(0.975, 298.384996729313) = 1.967946152792573)', () => {
    log.check('qt', qt(0.975, 298.384996729313), 1.967946152792573, 1e-12);
    log.check('qt 10', qt(0.975, 10), 2.228138851986274, 1e-12);
    expect(() => qt(1.5, 3)).toThrow(RangeError);
  });
});

describe('qf / pf (R 4.2.2)', () => {
  it('matches test-vectors.json distributions.qf (Feldt CI, bfi)', () => {
    for (const e of tv.qf) log.check(`qf(${e.p})`, qf(e.p, e.df1, e.df2), e.q, TOL);
    log.check('qf .975', qf(0.975, 2799, 11196), 1.0597818953238143, TOL);
    log.check('qf .025', qf(0.025, 2799, 11196), 0.94260605207346693, TOL);
  });
  it('pf lower/upper (R: pf(2, 3, 4) = 0.743612802471824)', () => {
    log.check('pf', pf(2, 3, 4), 0.7436128024718238, 1e-12);
    log.check('pf upper', pf(2, 3, 4, false), 0.2563871975281762, 1e-12);
  });
});

describe('pnorm / qnorm / qchisq / lgamma (R 4.2.2)', () => {
  it('qnorm(.975) and qnorm(.999) exactly as R 4.2.2 prints them with %.17g', () => {
    log.check('qnorm .975', qnorm(0.975), 1.9599639845400536, 1e-15);
    log.check('qnorm .999', qnorm(0.999), 3.0902323061678132, 1e-15);
    log.check('json', qnorm(0.975), tv.qnorm.p975, 1e-14);
    log.check('json', qnorm(0.999), tv.qnorm.p999, 1e-14);
  });
  it('pnorm tails (R: pnorm(-10) = 7.619853024160527e-24)', () => {
    log.check('pnorm -10', pnorm(-10), 7.619853024160527e-24, 1e-12);
    log.check('upper', pnorm(10, 0, 1, false), 7.619853024160527e-24, 1e-12);
    log.check('pnorm', pnorm(1.959963984540054), 0.975, 1e-15);
  });
  it('qchisq(0.95, 43) = 59.30351202689981 (R)', () => {
    log.check('qchisq', qchisq(0.95, 43), 59.30351202689981, 1e-12);
  });
  it('lgamma(0.5) = log(sqrt(pi))', () => {
    log.check('lgamma', lgamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
  });
});
