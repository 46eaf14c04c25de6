/** Unit checks of the fitMeasures formulas (lavaan 0.6-14 lav_fit_cfi, lav_fit_tli, lav_fit_rmsea*, lav_fit_srmr*). */
import { pchisq } from '../distributions';
import { cfiOf, rmseaCiOf, rmseaOf, srmrGroup, tliOf, UNIROOT_TOL, zeroin } from './fit-measures';

describe('fit measure formulas', () => {
  it('CFI is clamped to [0, 1] with all.equal’s 1.5e-8; TLI is not clamped', () => {
    expect(cfiOf(1.88974282827296, 2, 129.773851240246, 6)).toBe(1);
    expect(tliOf(1.88974282827296, 2, 129.773851240246, 6)).toBeCloseTo(1.00267238606432, 13);
    expect(cfiOf(10, 10, 5, 3)).toBe(1); // t1 = 0, t2 = max(0, 2, 0) = 2 → 1 − 0/2
    expect(cfiOf(50, 10, 20, 10)).toBe(0); // worse than the baseline
    expect(cfiOf(1 + 1e-9, 1, 1, 1)).toBe(1); // both t's below 1.5e-8
    expect(tliOf(5, 0, 100, 10)).toBe(1); // df = 0
    expect(cfiOf(Number.NaN, 1, 1, 1)).toBeNaN();
  });

  it('RMSEA is multiplied by √G and 0 when df = 0 or X² < df', () => {
    expect(rmseaOf(85.3055217699727, 24, 301, 1)).toBeCloseTo(0.0921214845101686, 14);
    expect(rmseaOf(115.851343875559, 48, 301, 2)).toBeCloseTo(0.0969148567676119, 14);
    expect(rmseaOf(1, 2, 301, 1)).toBe(0);
    expect(rmseaOf(3, 0, 301, 1)).toBe(0);
  });

  it('RMSEA CI: exact roots solve pchisq(X², df, λ) = .95 / .05; the uniroot variant reproduces lavaan', () => {
    const x2 = 85.3055217697941;
    const exact = rmseaCiOf(x2, 24, 301, 1);
    // R: uniroot(function(l) pchisq(x2, 24, ncp = l) - 0.95 (resp. 0.05), …, tol = 1e-15), scaled as lavaan does
    expect(Math.abs(exact.lower - 0.0714184908109979) / 0.0714184908109979).toBeLessThan(1e-9);
    expect(Math.abs(exact.upper - 0.113678016848514) / 0.113678016848514).toBeLessThan(1e-9);
    const lamL = exact.lower ** 2 * 301 * 24;
    expect(pchisq(x2, 24, lamL)).toBeCloseTo(0.95, 13);
    const lavaan = rmseaCiOf(85.3055217699727, 24, 301, 1, UNIROOT_TOL);
    expect(Math.abs(lavaan.lower - 0.0714184904399382) / 0.0714184904399382).toBeLessThan(1e-9);
    expect(Math.abs(lavaan.upper - 0.113678016811963) / 0.113678016811963).toBeLessThan(1e-9);
    expect(rmseaCiOf(0.018806793902062, 2, 301, 1)).toEqual({ lower: 0, upper: 0 });
    expect(rmseaCiOf(0, 0, 301, 1)).toEqual({ lower: 0, upper: 0 });
  });

  it('zeroin (R uniroot algorithm) finds roots to full precision with tol = 0', () => {
    expect(zeroin((x) => x * x - 2, 0, 2, 0)).toBeCloseTo(Math.SQRT2, 15);
    expect(
      Math.abs(zeroin((x) => Math.cos(x) - x, 0, 1, UNIROOT_TOL) - 0.739085133215161),
    ).toBeLessThan(1e-4);
    expect(zeroin((x) => x + 1, 0, 1, 0)).toBeNaN(); // no sign change
  });

  it('SRMR scales S and Σ̂ by the observed SDs, leaves |x| < 1e-5 unscaled, includes means', () => {
    const S = [4, 2, 2, 9];
    const sigma = [4, 1, 1, 9];
    // one off-diagonal residual (2 − 1)/(2·3) over 3 elements
    expect(srmrGroup(S, sigma, null, null, 2)).toBeCloseTo(Math.sqrt((1 / 6) ** 2 / 3), 15);
    // mean residuals: (m − μ)/sd, denominator 3 + 2
    expect(srmrGroup(S, sigma, [1, 3], [1, 0], 2)).toBeCloseTo(
      Math.sqrt(((1 / 6) ** 2 + 1) / 5),
      15,
    );
    // lav_residuals_rescale: an element below 1e-5 is not divided by its SD
    expect(srmrGroup([4, 5e-6, 5e-6, 9], [4, 0, 0, 9], null, null, 2)).toBeCloseTo(
      Math.sqrt(5e-6 ** 2 / 3),
      20,
    );
  });
});
