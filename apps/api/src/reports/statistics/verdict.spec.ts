import { welch } from '@swhc/psychometrics';
import { SIGNIFICANCE, verdictOf } from './verdict';

describe('verdictOf, the one verdict rule', () => {
  it('is better or worse only for a clear difference, by its sign', () => {
    expect(verdictOf(4.2, 0.001)).toBe('better');
    expect(verdictOf(-4.2, 0.001)).toBe('worse');
    expect(verdictOf(4.2, 0.2)).toBe('similar');
    expect(verdictOf(-4.2, SIGNIFICANCE)).toBe('similar');
    expect(verdictOf(0, 0)).toBe('similar');
    expect(verdictOf(1, Number.NaN)).toBe('similar');
  });

  it('calls a difference clear exactly when its 95% interval leaves out zero', () => {
    const base = [40, 45, 50, 55, 60, 48, 52, 47, 53, 50];
    for (let shift = -12; shift <= 12; shift += 0.5) {
      const w = welch(
        base.map((v) => v + shift),
        base.map((v, i) => v + (i % 3)),
      );
      const excludesZero = w.ci95[0] > 0 || w.ci95[1] < 0;
      expect(verdictOf(w.difference, w.p) !== 'similar').toBe(excludesZero);
    }
  });
});
