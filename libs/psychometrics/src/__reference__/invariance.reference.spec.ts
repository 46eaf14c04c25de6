// Multi-group lavaan::cfa (0.6-14) on the simulated two-site survey: configural, metric (equal loadings),
// scalar (equal loadings and intercepts), groups in order of first appearance ("west" then "east").
import { fitCfa, invariance } from '../index';
import { checkFitMeasures, checkFreeParameters } from './cfa-checks';
import { TOLERANCE, deviationLog, loadCsv, readFixtureText, simReference } from '../../testing';

const reference = simReference();
const twoGroup = loadCsv('sim-two-group.csv');
const items = twoGroup.columns.filter((h) => /^q\d\d$/.test(h));
const data = twoGroup.select(items);
const groups = twoGroup.textColumn('site');
const model = readFixtureText('sim-four-factor.lav');
const log = deviationLog('invariance vs lavaan 0.6-14, simulated two-site survey');

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
        TOLERANCE.fitMeasure,
      );
    }
  });

  it('matches the chi-square difference tests', () => {
    expect(result.tests).toHaveLength(2);
    result.tests.forEach((test, i) => {
      expect(test.deltaDf).toBe(lrt.df_diff[i]);
      log.check('chisq_diff', test.deltaChisq, lrt.chisq_diff[i]!, TOLERANCE.fitMeasure);
      log.check('lrt p', test.p, lrt.p[i]!, TOLERANCE.fitMeasure);
    });
  });
});
