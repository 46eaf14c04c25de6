/**
 * Φ₂ against pbivnorm::pbivnorm 0.6.0 (the Fortran BVND that lavaan 0.6-14 calls for polychorics), on a grid
 * of limits and correlations up to 0.999 (fixtures/r/lavaan-ordinal.R). Tolerance: closed form, 1e-9
 * relative, absolute below 1e-15 — BVND's own accuracy is 1e-15 absolute, so probabilities like 5.6e-78
 * carry no relative digits in either implementation.
 */
import { dbinorm, pbinorm } from './bivariate-normal';
import { TOLERANCE, deviationLog, lavaanOrdinal } from '../../testing';

const ref = lavaanOrdinal().pbivnorm;
const log = deviationLog('bivariate normal (pbivnorm 0.6.0)');

describe('pbinorm (Genz BVND)', () => {
  it('matches pbivnorm on the grid', () => {
    expect(ref.p.length).toBe(140);
    ref.p.forEach((p, i) => {
      log.check('pbivnorm', pbinorm(ref.h[i]!, ref.k[i]!, ref.rho[i]!), p, TOLERANCE.closedForm, {
        floor: 1e-15,
        context: `h=${ref.h[i]}, k=${ref.k[i]}, rho=${ref.rho[i]}`,
      });
    });
  });

  it('has the limits of a distribution function', () => {
    expect(pbinorm(-Infinity, 0.3, 0.5)).toBe(0);
    expect(pbinorm(0.3, Infinity, 0.5)).toBeCloseTo(0.6179114221889527, 15);
    // ρ = 0: the product of the margins
    expect(pbinorm(0.4, -0.7, 0)).toBeCloseTo(0.6554217416103242 * 0.241963652223073, 15);
  });

  it('integrates its density (central differences of Φ₂ in both limits)', () => {
    const h = 1e-4;
    const [u, v, rho] = [0.3, -0.8, 0.6];
    const mixed =
      (pbinorm(u + h, v + h, rho) -
        pbinorm(u + h, v - h, rho) -
        pbinorm(u - h, v + h, rho) +
        pbinorm(u - h, v - h, rho)) /
      (4 * h * h);
    expect(Math.abs(mixed - dbinorm(u, v, rho))).toBeLessThan(1e-6);
  });
});
