// Multi-group lavaan::cfa (0.6-14) on the simulated two-site survey: configural, metric (equal loadings),
// scalar (equal loadings and intercepts), groups in order of first appearance ("west" then "east").
import { fitCfa, invariance } from '../index';
import { checkFitMeasures, checkFreeParameters } from './cfa-checks';
import {
  DeviationLog,
  TOL,
  numericColumns,
  readFixtureCsv,
  readFixtureText,
  reference,
  textColumnOf,
} from './sim-fixtures';

const twoGroup = readFixtureCsv('sim-two-group.csv');
const items = twoGroup.header.filter((h) => /^q\d\d$/.test(h));
const data = numericColumns(twoGroup, items);
const groups = textColumnOf(twoGroup, 'site');
const model = readFixtureText('sim-four-factor.lav');
const log = new DeviationLog();

const LEVELS = [
  ['configural', []],
  ['metric', ['loadings']],
  ['scalar', ['loadings', 'intercepts']],
] as const;

describe.each(LEVELS)('%s model vs lavaan', (level, groupEqual) => {
  const ref = reference.invariance[level];
  const fit = fitCfa(data, model, { groups, groupEqual: [...groupEqual] });

  it('uses the listwise N per group and converges', () => {
    expect(ref.group_labels).toEqual(['west', 'east']);
    expect(fit.n).toBe(ref.nobs[0]! + ref.nobs[1]!);
    expect(fit.converged).toBe(true);
  });

  it('matches the fit measures at the optimum', () => {
    checkFitMeasures(fit, ref, log);
  });

  it('matches every free parameter at the polished optimum', () => {
    checkFreeParameters(fit, ref, log);
  });
});

describe('invariance() vs lavTestLRT(configural, metric, scalar)', () => {
  const result = invariance(data, model, groups);
  const lrt = reference.invariance.lrt;

  it('fits the three levels like fitCfa', () => {
    for (const [level] of LEVELS) {
      log.check(
        'chisq',
        result[level].chisq,
        reference.invariance[level].fit_at_optimum.chisq,
        TOL.cfaStatistic,
      );
    }
  });

  it('matches the chi-square difference tests', () => {
    expect(result.tests).toHaveLength(2);
    result.tests.forEach((test, i) => {
      expect(test.deltaDf).toBe(lrt.df_diff[i]);
      log.check('chisq_diff', test.deltaChisq, lrt.chisq_diff[i]!, TOL.cfaStatistic);
      log.check('lrt p', test.p, lrt.p[i]!, TOL.cfaStatistic);
    });
  });
});

afterAll(() => {
  if (process.env.REFERENCE_DEVIATIONS)
    console.log(`invariance, largest relative deviation from R\n${log.summary()}`);
});
