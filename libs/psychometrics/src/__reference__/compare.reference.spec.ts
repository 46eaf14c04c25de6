// stats::t.test (Welch, R 4.2.2) and Hedges' g with J = 1 - 3/(4(n1+n2) - 9): overall, male minus female.
import { hedgesG, welch } from '../index';
import {
  DeviationLog,
  TOL,
  numericColumns,
  readFixtureCsv,
  reference,
  textColumnOf,
} from './sim-fixtures';

const survey = readFixtureCsv('sim-staff-survey.csv');
const ref = reference.compare;
const sex = textColumnOf(survey, 'sex');
const overall = numericColumns(survey, ['overall']).rows.map((row) => row[0]!);
const values = (label: string): number[] =>
  overall.filter((v, i) => sex[i] === label && !Number.isNaN(v));
const log = new DeviationLog();

describe('welch and hedgesG vs t.test(male, female)', () => {
  const [groupA, groupB] = ref.groups;
  const a = values(groupA);
  const b = values(groupB);

  it('has the group sizes R used', () => {
    expect([a.length, b.length]).toEqual([ref.n1, ref.n2]);
  });

  it('matches t, df and p for B - A', () => {
    const test = welch(b, a);
    log.check('welch_t', test.t, ref.welch_t, TOL.closedForm);
    log.check('df', test.df, ref.df, TOL.closedForm);
    log.check('p', test.p, ref.p, TOL.closedForm);
  });

  it('matches Hedges g for B - A', () => {
    log.check('hedges_g', hedgesG(b, a).g, ref.hedges_g, TOL.closedForm);
  });
});

afterAll(() => {
  if (process.env.REFERENCE_DEVIATIONS)
    console.log(`compare, largest relative deviation from R\n${log.summary()}`);
});
