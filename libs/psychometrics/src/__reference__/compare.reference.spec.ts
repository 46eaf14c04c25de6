// stats::t.test (Welch, R 4.2.2) and Hedges' g with J = 1 - 3/(4(n1+n2) - 9): overall, male minus female.
import { hedgesG, welch } from '../index';
import { TOLERANCE, deviationLog, loadCsv, simReference } from '../../testing';

const reference = simReference();
const survey = loadCsv('sim-staff-survey.csv');
const ref = reference.compare;
const sex = survey.textColumn('sex');
const overall = survey.select(['overall']).rows.map((row) => row[0]!);
const values = (label: string): number[] =>
  overall.filter((v, i) => sex[i] === label && !Number.isNaN(v));
const log = deviationLog('Welch and Hedges g vs t.test (R 4.2.2), simulated survey');

describe('welch and hedgesG vs t.test(male, female)', () => {
  const [groupA, groupB] = ref.groups;
  const a = values(groupA);
  const b = values(groupB);

  it('has the group sizes R used', () => {
    expect([a.length, b.length]).toEqual([ref.n1, ref.n2]);
  });

  it('matches t, df and p for B - A', () => {
    const test = welch(b, a);
    log.check('welch_t', test.t, ref.welch_t, TOLERANCE.closedForm);
    log.check('df', test.df, ref.df, TOLERANCE.closedForm);
    log.check('p', test.p, ref.p, TOLERANCE.closedForm);
  });

  it('matches Hedges g for B - A', () => {
    log.check('hedges_g', hedgesG(b, a).g, ref.hedges_g, TOLERANCE.closedForm);
  });
});
