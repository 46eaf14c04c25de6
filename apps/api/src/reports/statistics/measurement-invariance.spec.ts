import { invarianceVerdict, oneFactorModel } from './measurement-invariance';

const fit = (cfi: number, rmsea: number, converged = true) => ({ cfi, rmsea, converged });

describe('invarianceVerdict (Chen 2007: ΔCFI ≥ −0.01 and ΔRMSEA ≤ 0.015 at both steps)', () => {
  it('holds when fit barely changes', () => {
    const v = invarianceVerdict({
      configural: fit(0.98, 0.03),
      metric: fit(0.975, 0.035),
      scalar: fit(0.97, 0.04),
    });
    expect(v.holds).toBe(true);
    expect(v.steps.map((s) => [s.from, s.to])).toEqual([
      ['configural', 'metric'],
      ['metric', 'scalar'],
    ]);
  });

  it('accepts a step exactly at the limits', () => {
    const v = invarianceVerdict({
      configural: fit(0.95, 0.05),
      metric: fit(0.94, 0.065),
      scalar: fit(0.94, 0.065),
    });
    expect(v.steps[0]?.deltaCfi).toBeCloseTo(-0.01, 12);
    expect(v.holds).toBe(true);
  });

  it('fails when CFI drops too far from metric to scalar', () => {
    const v = invarianceVerdict({
      configural: fit(0.98, 0.03),
      metric: fit(0.978, 0.031),
      scalar: fit(0.95, 0.04),
    });
    expect(v).toMatchObject({ holds: false, why: expect.stringContaining('metric to the scalar') });
  });

  it('fails when RMSEA rises too far, or a model did not converge', () => {
    expect(
      invarianceVerdict({
        configural: fit(0.98, 0.03),
        metric: fit(0.98, 0.05),
        scalar: fit(0.98, 0.05),
      }).holds,
    ).toBe(false);
    expect(
      invarianceVerdict({
        configural: fit(0.98, 0.03),
        metric: fit(0.98, 0.03),
        scalar: fit(0.98, 0.03, false),
      }),
    ).toMatchObject({ holds: false, why: 'a model did not converge' });
    expect(
      invarianceVerdict({
        configural: fit(Number.NaN, 0.03),
        metric: fit(0.98, 0.03),
        scalar: fit(0.98, 0.03),
      }).holds,
    ).toBe(false);
  });

  it('writes a one-factor model in lavaan syntax', () => {
    expect(oneFactorModel('support', ['s1', 's2', 's3'])).toBe('support =~ s1 + s2 + s3');
  });
});
