// The output researchers read, against R on the small fixture (fixtures/r/expected-small.R: lavaan 0.6-14
// at the exact optimum, parameterEstimates(standardized = TRUE), modindices(), lavTestScore(); psych 2.2.9;
// Spiegelhalter's funnel formulas in R). Tolerances: fit measures and score tests 1e-6, estimates, SEs,
// standardised solution and modification indices 1e-5, closed forms 1e-9 (relative; floors as stated).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOLERANCE, expectClose } from '@swhc/psychometrics/testing';
import { FIXTURES, runInProcess, smallCfa } from '../testing/run-in-process';

const DATA = join(FIXTURES, 'survey-small.csv');
const MODEL = join(FIXTURES, 'two-factor.lav');
type Json = Record<string, unknown>;
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected-small.json'), 'utf8')) as Record<
  string,
  Json
>;

function json(argv: string[]): Json {
  const run = runInProcess(argv);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

function without(object: Json, ...keys: string[]): Json {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** Fit measures at 1e-6, estimates (se, z, p, std_lv, std_all) at 1e-5: the CLI's output against R's. */
function expectFit(out: Json, reference: Json): void {
  const measures = without(reference, 'code', 'estimates', 'modindices', 'score_tests');
  expectClose(out, measures, TOLERANCE.fitMeasure, { floor: 1e-12 });
  const estimates = reference.estimates as Json[];
  const rows = out.estimates as Json[];
  expect(rows.map((e) => [e.lhs, e.op, e.rhs, e.group])).toEqual(
    estimates.map((e) => [e.lhs, e.op, e.rhs, e.group]),
  );
  for (const field of ['est', 'se', 'std_lv', 'std_all']) {
    expectClose(
      rows.map((e) => e[field]),
      estimates.map((e) => e[field]),
      TOLERANCE.estimate,
      { floor: 1e-6 },
    );
  }
  expectClose(
    rows.map((e) => e.z),
    estimates.map((e) => e.z ?? null),
    TOLERANCE.estimate,
    { floor: 1e-3 },
  );
  expectClose(
    rows.map((e) => e.pvalue),
    estimates.map((e) => e.pvalue ?? null),
    TOLERANCE.estimate,
    { floor: 1e-9 },
  );
}

describe('hc-stats cfa: the JSON researchers read, against lavaan', () => {
  it('prints every fit measure, estimates with se, z, p and the standardised solution, and modindices', () => {
    const out = json(smallCfa('--modindices'));
    const reference = expected.cfa_output!;
    expectFit(out, reference);
    expect(out.warnings).toEqual([]);
    const mi = out.modindices as Json[];
    const miRef = reference.modindices as Json[];
    expect(mi.map((m) => [m.lhs, m.op, m.rhs, m.group])).toEqual(
      miRef.map((m) => [m.lhs, m.op, m.rhs, m.group]),
    );
    expectClose(mi, miRef, TOLERANCE.estimate, { floor: 1e-3 });
  });

  it('leaves out modindices without --modindices, and score tests when nothing is held equal', () => {
    const out = json(smallCfa());
    expect(out).not.toHaveProperty('modindices');
    expect(out).not.toHaveProperty('score_tests');
  });

  it('--std-lv identifies the factors by their variances, as lavaan std.lv = TRUE', () => {
    expectFit(json(smallCfa('--std-lv')), expected.cfa_std_lv!);
  });

  it('--group-partial frees a parameter from --group-equal; score tests name each constraint', () => {
    const out = json(
      smallCfa(
        '--group',
        'site',
        '--group-equal',
        'loadings,intercepts',
        '--group-partial',
        'q2 ~ 1',
      ),
    );
    const reference = expected.cfa_group_partial!;
    expectFit(out, reference);
    const st = out.score_tests as { total: Json; univariate: Json[] };
    const stRef = reference.score_tests as { total: Json; univariate: Json[] };
    expectClose(st.total, stRef.total, TOLERANCE.fitMeasure);
    expect(st.univariate.map((u) => [u.constraint, u.lhs, u.op, u.rhs, u.group])).toEqual(
      stRef.univariate.map((u) => [u.constraint, u.lhs, u.op, u.rhs, u.group]),
    );
    expectClose(st.univariate, stRef.univariate, TOLERANCE.fitMeasure, { floor: 1e-3 });
    // the released intercept is no longer among the constraints
    expect(st.univariate.some((u) => u.lhs === 'q2' && u.op === '~1')).toBe(false);
  });

  it('invariance prints the score tests of the metric and scalar models', () => {
    const out = json(['invariance', '--data', DATA, '--model', MODEL, '--group', 'site']);
    const reference = expected.invariance_score_tests!;
    for (const level of ['metric', 'scalar']) {
      const st = (out[level] as Json).score_tests as { total: Json; univariate: Json[] };
      const stRef = reference[level] as { total: Json; univariate: Json[] };
      expectClose(st.total, stRef.total, TOLERANCE.fitMeasure);
      expectClose(st.univariate, stRef.univariate, TOLERANCE.fitMeasure, { floor: 1e-3 });
    }
    expect(out.configural).not.toHaveProperty('score_tests');
    expect(out.warnings).toEqual([]);
  });
});

describe('hc-stats funnel: limits and --overdispersion', () => {
  it.each(['multiplicative', 'additive'] as const)(
    '%s: phi, tau2, adjusted z and limits',
    (type) => {
      const out = json([
        'funnel',
        '--data',
        DATA,
        '--value',
        'overall',
        '--unit',
        'team',
        '--overdispersion',
        type,
      ]);
      const reference = expected[`funnel_${type}`]!;
      expect(out.overdispersion).toBe(type);
      expect(out.adjusted).toBe(true);
      expectClose(
        { target: out.target, sigma: out.sigma, phi: out.phi, phi_pvalue: out.phi_pvalue },
        without(reference, 'code', 'units', 'tau2'),
        TOLERANCE.closedForm,
      );
      expectClose(out.tau2, reference.tau2, TOLERANCE.closedForm, { floor: 1e-12 });
      const units = (out.units as Json[]).map((u) => {
        const l95 = u.limits95 as number[];
        const l998 = u.limits998 as number[];
        return {
          ...u,
          lower95: l95[0],
          upper95: l95[1],
          lower998: l998[0],
          upper998: l998[1],
        };
      });
      expectClose(units, reference.units, TOLERANCE.closedForm);
    },
  );

  it('without --overdispersion the limits are the plain ones (z_adjusted = z)', () => {
    const out = json(['funnel', '--data', DATA, '--value', 'overall', '--unit', 'team']);
    expect(out.overdispersion).toBe('none');
    for (const u of out.units as Json[]) expect(u.z_adjusted).toBe(u.z);
  });
});
