import type { CfaResult } from '@swhc/psychometrics';
import {
  cfaJson,
  estimatesJson,
  fitMeasuresJson,
  prefixedWarnings,
  requireConverged,
} from './cfa-output';

// The fields of an estimate that keep their name in the JSON (a fixed loading: z and p are NA).
const kept = {
  lhs: 'f',
  op: '=~',
  rhs: 'x1',
  group: 1,
  est: 1,
  se: 0,
  z: Number.NaN,
  pvalue: Number.NaN,
};

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
  npar: 13,
  fmin: 0.0208,
  baselineChisq: 500,
  baselineDf: 15,
  baselinePvalue: 0,
  logl: -2000,
  unrestrictedLogl: -1993.75,
  aic: 4026,
  bic: 4074.1,
  bic2: 4032.9,
  rmseaPvalue: 0.6,
  rmseaNotClosePvalue: 0.01,
  groups: ['A', 'B'],
  warnings: ['negative variance estimate: x1 ~~ x1 = -0.1'],
  estimates: [{ ...kept, stdLv: 0.7, stdAll: 0.6, free: false, label: '' }],
} as unknown as CfaResult;

describe('cfa output', () => {
  it('names the fit measures as lavaan does (. → _), the first eleven as the CLI always has', () => {
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
      npar: 13,
      fmin: 0.0208,
      baseline_chisq: 500,
      baseline_df: 15,
      baseline_pvalue: 0,
      logl: -2000,
      unrestricted_logl: -1993.75,
      aic: 4026,
      bic: 4074.1,
      bic2: 4032.9,
      rmsea_pvalue: 0.6,
      rmsea_notclose_pvalue: 0.01,
    });
    expect(Object.keys(fitMeasuresJson(fit)).slice(0, 11)).toEqual([
      'n',
      'chisq',
      'df',
      'pvalue',
      'cfi',
      'tli',
      'rmsea',
      'rmsea_ci_lower',
      'rmsea_ci_upper',
      'srmr',
      'converged',
    ]);
  });

  it('keeps lhs, op, rhs, group and est of each estimate and adds se, z, pvalue, std_lv, std_all', () => {
    expect(estimatesJson(fit)).toEqual([{ ...kept, std_lv: 0.7, std_all: 0.6 }]);
    // NaN (R's NA, e.g. z of a fixed parameter) prints as null
    expect(JSON.parse(JSON.stringify(estimatesJson(fit)))).toMatchObject([
      { z: null, pvalue: null },
    ]);
  });

  it('prints the groups only for a multi-group fit; modindices and score tests only when computed', () => {
    expect(cfaJson(fit, { groups: false })).not.toHaveProperty('groups');
    expect(cfaJson(fit, { groups: true })['groups']).toEqual(['A', 'B']);
    expect(cfaJson(fit, { groups: true })).not.toHaveProperty('modindices');
    expect(cfaJson(fit, { groups: true })).not.toHaveProperty('score_tests');
  });

  it('prefixes the warnings of several fits with the fit they come from', () => {
    expect(prefixedWarnings([['metric', fit]])).toEqual([
      'metric: negative variance estimate: x1 ~~ x1 = -0.1',
    ]);
  });

  it('turns a fit that did not converge into an error naming the model', () => {
    expect(() => requireConverged(fit, 'the CFA')).not.toThrow();
    expect(() => requireConverged({ ...fit, converged: false }, 'the metric model')).toThrow(
      /^the metric model did not converge/,
    );
  });
});
