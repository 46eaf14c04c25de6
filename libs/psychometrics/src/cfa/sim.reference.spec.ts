/**
 * The 24-item, 4-factor staff-survey simulation (libs/psychometrics/fixtures/sim-*, made by
 * fixtures/r/sim-reference.R with R 4.2.2 and lavaan 0.6-14): `cfa(model, data = survey)`
 * and configural/metric/scalar fits across two sites, compared with fitMeasures re-evaluated by lavaan at
 * the polished optimum (`fit_at_optimum`) and with the polished free parameters.
 * Tolerances (relative): statistics 1e-6; parameters 1e-5; df, npar, N exact. The RMSEA CI is compared
 * through rmseaCi*Lavaan (lavaan's uniroot tolerance), since lavaan's lower bound near 0 is up to 7e-5 off
 * the exact root (the exact roots are checked in cfa.reference.spec.ts).
 */
import { fitCfa, invariance, type CfaResult } from './index';
import {
  deviationLog,
  loadCsv,
  readFixtureText,
  simReference,
  type CfaReference,
  type FitMeasures,
} from '../../testing';

type SimCfaRef = Pick<
  CfaReference,
  'nobs' | 'group_labels' | 'fit' | 'fit_at_optimum' | 'polished'
>;
const ref = simReference();
const model = readFixtureText('sim-four-factor.lav');
const survey = loadCsv('sim-staff-survey.csv');
const twoGroup = loadCsv('sim-two-group.csv');
const log = deviationLog('CFA on the simulated 24-item survey (lavaan 0.6-14)');

const FIELDS: [keyof CfaResult, keyof FitMeasures][] = [
  ['chisq', 'chisq'],
  ['fmin', 'fmin'],
  ['pvalue', 'pvalue'],
  ['baselineChisq', 'baseline.chisq'],
  ['cfi', 'cfi'],
  ['tli', 'tli'],
  ['rmsea', 'rmsea'],
  ['rmseaCiLowerLavaan', 'rmsea.ci.lower'],
  ['rmseaCiUpperLavaan', 'rmsea.ci.upper'],
  ['rmseaPvalue', 'rmsea.pvalue'],
  ['srmr', 'srmr'],
  ['logl', 'logl'],
  ['aic', 'aic'],
  ['bic', 'bic'],
];

function check(name: string, r: CfaResult, v: SimCfaRef): void {
  expect(r.converged).toBe(true);
  expect(r.maxAbsGradient).toBeLessThan(1e-10);
  expect(r.nPerGroup).toEqual([...v.nobs]);
  if (v.group_labels.length > 0) expect(r.groups).toEqual([...v.group_labels]);
  expect(r.df).toBe(v.fit['df']);
  expect(r.npar).toBe(v.fit['npar']);
  expect(r.baselineDf).toBe(v.fit['baseline.df']);
  for (const [field, rName] of FIELDS) {
    const expected = v.fit_at_optimum[rName];
    const actual = r[field] as number;
    if (expected === 0) expect(actual).toBe(0);
    else log.check(field, actual, expected, 1e-6, { context: name });
  }
  const byKey = new Map(r.estimates.map((e) => [`${e.lhs}${e.op}${e.rhs}@g${e.group}`, e.est]));
  for (const [k, value] of Object.entries(v.polished.free_params)) {
    log.check('parameters vs polished optimum', byKey.get(k)!, value, 1e-5, {
      context: `${name} ${k}`,
    });
  }
}

describe('simulated staff survey: 4 factors × 6 items', () => {
  it('single group (N = 321 complete of 1000)', () => {
    const r = fitCfa(survey, model);
    expect(r.n).toBe(321);
    check('four-factor', r, ref.cfa_four_factor);
  });

  describe('two sites: configural, metric, scalar', () => {
    const inv = invariance(twoGroup, model, twoGroup.textColumn('site'));
    it.each(['configural', 'metric', 'scalar'] as const)('%s', (step) => {
      check(step, inv[step], ref.invariance[step]);
    });
    it('likelihood-ratio tests', () => {
      inv.tests.forEach((t, i) => {
        log.check('Δchisq', t.deltaChisq, ref.invariance.lrt.chisq_diff[i]!, 1e-6);
        expect(t.deltaDf).toBe(ref.invariance.lrt.df_diff[i]);
        log.check('Δchisq p', t.p, ref.invariance.lrt.p[i]!, 1e-6);
      });
    });
  });
});
