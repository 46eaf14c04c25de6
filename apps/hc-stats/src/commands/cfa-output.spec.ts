import type { CfaResult } from '@swhc/psychometrics';
import { estimatesJson, fitMeasuresJson, requireConverged } from './cfa-output';

// Only the fields these functions read; the real objects come from fitCfa (see commands.spec.ts).
const fit = {
  n: 300,
  chisq: 12.5,
  df: 8,
  pvalue: 0.13,
  cfi: 0.99,
  tli: 0.98,
  rmsea: 0.04,
  rmseaCiLower: 0,
  rmseaCiUpper: 0.09,
  srmr: 0.03,
  converged: true,
  estimates: [{ lhs: 'f', op: '=~', rhs: 'x1', group: 1, est: 1, se: 0, free: false, label: '' }],
} as unknown as CfaResult;

describe('cfa output', () => {
  it('names the fit measures in snake_case', () => {
    expect(fitMeasuresJson(fit)).toEqual({
      n: 300,
      chisq: 12.5,
      df: 8,
      pvalue: 0.13,
      cfi: 0.99,
      tli: 0.98,
      rmsea: 0.04,
      rmsea_ci_lower: 0,
      rmsea_ci_upper: 0.09,
      srmr: 0.03,
      converged: true,
    });
  });

  it('keeps lhs, op, rhs, group and est of each estimate', () => {
    expect(estimatesJson(fit)).toEqual([{ lhs: 'f', op: '=~', rhs: 'x1', group: 1, est: 1 }]);
  });

  it('turns a fit that did not converge into an error naming the model', () => {
    expect(() => requireConverged(fit, 'the CFA')).not.toThrow();
    expect(() => requireConverged({ ...fit, converged: false }, 'the metric model')).toThrow(
      /^the metric model did not converge/,
    );
  });
});
