// Each command on the small fixture against R (apps/hc-stats/fixtures/r/expected-small.R: R 4.2.2,
// psych 2.2.9, lavaan 0.6-14 at the polished optimum, survey 4.1-1, stats::t.test, lm()).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectClose, TOLERANCE } from '@swhc/psychometrics/testing';
import { FIXTURES, runInProcess, smallCfa, smallDrivers } from '../testing/run-in-process';

const DATA = join(FIXTURES, 'survey-small.csv');
const MODEL = join(FIXTURES, 'two-factor.lav');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected-small.json'), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

const { closedForm: CLOSED_FORM, fitMeasure: CFA_STATISTIC, estimate: PARAMETER } = TOLERANCE;

function json(argv: string[]): Record<string, unknown> {
  const run = runInProcess(argv);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout.endsWith('\n')).toBe(true);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

function without(object: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

describe('hc-stats commands on the small fixture, against R', () => {
  it('alpha --reverse matches psych::alpha(keys = "q3")', () => {
    const out = json(['alpha', '--data', DATA, '--items', 'q1,q2,q3', '--reverse', 'q3']);
    expect(Object.keys(out)).toEqual([
      'n',
      'alpha',
      'std_alpha',
      'g6',
      'average_r',
      'ci_feldt',
      'items',
      'warnings',
    ]);
    expectClose(out, without(expected.alpha!, 'code'), CLOSED_FORM);
  });

  it('omega matches the one-factor lavaan fit at its optimum', () => {
    const out = json(['omega', '--data', DATA, '--items', 'q1,q2,q3', '--reverse', 'q3']);
    expect(Object.keys(out)).toEqual(['n', 'omega_total', 'loadings', 'warnings']);
    expectClose(out, without(expected.omega!, 'code'), PARAMETER);
  });

  it('cfa matches lavaan fit measures and estimates', () => {
    const out = json(smallCfa());
    expect(out.converged).toBe(true);
    expectClose(
      without(out, 'estimates', 'converged'),
      without(expected.cfa!, 'code', 'estimates'),
      CFA_STATISTIC,
      { floor: 1e-3 },
    );
    expectClose(out.estimates, expected.cfa!.estimates, PARAMETER, { floor: 1e-2 });
  });

  it('cfa --group --group-equal loadings numbers the groups in order of first appearance', () => {
    const out = json(smallCfa('--group', 'site', '--group-equal', 'loadings'));
    const reference = expected.cfa_group_loadings!;
    expect(out.groups).toEqual(['B', 'A']);
    expectClose(
      without(out, 'estimates', 'converged', 'groups'),
      without(reference, 'code', 'estimates', 'group_labels'),
      CFA_STATISTIC,
      { floor: 1e-3 },
    );
    expectClose(out.estimates, reference.estimates, PARAMETER, { floor: 1e-2 });
  });

  it('invariance matches the configural, metric and scalar fits and their LRTs', () => {
    const out = json(['invariance', '--data', DATA, '--model', MODEL, '--group', 'site']);
    const reference = expected.invariance!;
    for (const level of ['configural', 'metric', 'scalar']) {
      expectClose(
        without(out[level] as Record<string, unknown>, 'converged'),
        reference[level],
        CFA_STATISTIC,
        { floor: 1e-3 },
      );
    }
    expectClose(out.tests, reference.tests, CFA_STATISTIC, { floor: 1e-3 });
  });

  it('rake matches survey::rake run to convergence, in input row order', () => {
    const out = json([
      'rake',
      '--data',
      DATA,
      '--margins',
      join(FIXTURES, 'margins-small.json'),
      '--mean',
      'overall',
    ]);
    expect(Object.keys(out)).toEqual([
      'sum_w',
      'weights',
      'weighted_mean',
      'deff_kish',
      'iterations',
      'achieved',
      'warnings',
    ]);
    expectClose(without(out, 'iterations'), without(expected.rake!, 'code'), 1e-8);
    expect(out.iterations).toBeGreaterThan(1);
  });

  it('rake without --mean prints a null weighted mean', () => {
    const out = json(['rake', '--data', DATA, '--margins', join(FIXTURES, 'margins-small.json')]);
    expect(out.weighted_mean).toBeNull();
  });

  it('drivers matches the all-subsets Shapley decomposition of lm() R2', () => {
    const out = json(smallDrivers('q1,q2,q4,q5'));
    expectClose(out, without(expected.drivers!, 'code'), CLOSED_FORM);
    expect(Object.keys(out.shapley as object)).toEqual(['q1', 'q2', 'q4', 'q5']);
  });

  it('compare matches t.test(B, A) and Hedges g for B - A', () => {
    const out = json([
      'compare',
      '--data',
      DATA,
      '--value',
      'overall',
      '--by',
      'sex',
      '--groups',
      'female,male',
    ]);
    expect(Object.keys(out)).toEqual([
      'n1',
      'n2',
      'mean1',
      'mean2',
      'welch_t',
      'df',
      'p',
      'hedges_g',
      'warnings',
    ]);
    expectClose(out, without(expected.compare!, 'code'), CLOSED_FORM);
  });

  it('compare with the groups swapped flips the signs', () => {
    const out = json([
      'compare',
      '--data',
      DATA,
      '--value',
      'overall',
      '--by',
      'sex',
      '--groups',
      'male,female',
    ]);
    const reference = expected.compare!;
    expectClose(out.welch_t, -(reference.welch_t as number), CLOSED_FORM);
    expectClose(out.hedges_g, -(reference.hedges_g as number), CLOSED_FORM);
    expect(out.n1).toBe(reference.n2);
  });

  it('funnel matches the unit z scores, sorted by unit', () => {
    const out = json(['funnel', '--data', DATA, '--value', 'overall', '--unit', 'team']);
    expectClose(out, without(expected.funnel!, 'code'), CLOSED_FORM);
  });

  it('--timing adds read and compute milliseconds', () => {
    const out = json(['alpha', '--data', DATA, '--items', 'q1,q2', '--timing']);
    const timing = out.timing_ms as Record<string, number>;
    expect(Object.keys(timing)).toEqual(['read', 'compute']);
    expect(timing.read).toBeGreaterThan(0);
    expect(timing.compute).toBeGreaterThan(0);
  });
});
