// cfa and invariance with --ordered (WLSMV) against lavaan 0.6-14 at the exact optimum
// (libs/psychometrics/fixtures/r/lavaan-ordinal.R): fitMeasures() names with `.` → `_`, parameterEstimates()
// with robust SEs and the standardised solution, lavTestLRT(..., method = "satorra.2000").
import { join } from 'node:path';
import {
  FIXTURES_DIR,
  TOLERANCE,
  expectClose,
  lavaanOrdinal,
  type SatorraReference,
  type WlsmvReference,
} from '@swhc/psychometrics/testing';
import { runInProcess } from '../testing/run-in-process';

const R = lavaanOrdinal();
const SIM = join(FIXTURES_DIR, 'ordinal-sim.csv');
const SIM_MODEL = join(FIXTURES_DIR, 'ordinal-sim.lav');
const TWO = join(FIXTURES_DIR, 'ordinal-two-group.csv');
const TWO_MODEL = join(FIXTURES_DIR, 'ordinal-two-group.lav');

function json(argv: string[]): Record<string, unknown> {
  const run = runInProcess(argv);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

const MEASURES = [
  'npar',
  'chisq',
  'df',
  'pvalue',
  'chisq.scaled',
  'df.scaled',
  'pvalue.scaled',
  'chisq.scaling.factor',
  'baseline.chisq',
  'baseline.df',
  'baseline.chisq.scaled',
  'baseline.chisq.scaling.factor',
  'cfi',
  'tli',
  'cfi.scaled',
  'tli.scaled',
  'cfi.robust',
  'tli.robust',
  'rmsea',
  'rmsea.pvalue',
  'rmsea.scaled',
  'rmsea.pvalue.scaled',
  'rmsea.robust',
  'rmsea.pvalue.robust',
  'srmr',
];

/** R's fit measures under the CLI's names (lavaan's with `.` → `_`); CIs are the exact roots. */
function expectedMeasures(ref: WlsmvReference): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of MEASURES) out[m.replace(/\./g, '_')] = ref.fit[m] ?? null;
  const ci = ref.rmsea_ci_precise;
  Object.assign(out, {
    chisq_shift_parameter: ref.shift_parameter,
    rmsea_ci_lower: ci.standard[0],
    rmsea_ci_upper: ci.standard[1],
    rmsea_ci_lower_scaled: ci.scaled[0],
    rmsea_ci_upper_scaled: ci.scaled[1],
    rmsea_ci_lower_robust: ci.robust[0],
    rmsea_ci_upper_robust: ci.robust[1],
  });
  return out;
}

function expectedEstimates(ref: WlsmvReference): Record<string, unknown>[] {
  return ref.estimates.map((e) => ({ ...e }));
}

/** `hc-stats <command>` on the two-group data, grouped by school, with `flags`. */
const twoGroups = (command: string, ...flags: string[]) =>
  json([command, '--data', TWO, '--model', TWO_MODEL, '--group', 'school', ...flags]);

/** A fit's measures are lavaan's. */
function expectMeasuresOf(out: unknown, ref: WlsmvReference): void {
  expectClose(out, expectedMeasures(ref), TOLERANCE.fitMeasure, { floor: 1e-6 });
}

/** A cfa's measures and estimates are lavaan's. */
function expectFitOf(out: Record<string, unknown>, ref: WlsmvReference): void {
  expectMeasuresOf(out, ref);
  expectClose(out.estimates, expectedEstimates(ref), TOLERANCE.estimate, { floor: 1e-8 });
}

/** lavTestLRT(…, method = "satorra.2000")'s row as the CLI prints it. */
function satorraTest(from: string, to: string, test: SatorraReference) {
  return {
    from,
    to,
    method: 'satorra.2000',
    chisq_diff: test.chisq_diff,
    df_diff: test.df_diff,
    p: test.pvalue,
    scale: test.scale,
    shift: test.shift,
  };
}

describe('hc-stats with --ordered (WLSMV), against lavaan 0.6-14', () => {
  it('cfa --ordered all: lavaan names, thresholds as `|` rows with t1…, robust SEs and std solution', () => {
    const out = json(['cfa', '--data', SIM, '--model', SIM_MODEL, '--ordered', 'all']);
    expect(out.estimator).toBe('WLSMV');
    expect(out.parameterization).toBe('delta');
    expect(out.converged).toBe(true);
    expect(out.warnings).toEqual([]);
    expectMeasuresOf(out, R.sim_delta);
    const estimates = out.estimates as Record<string, unknown>[];
    expect(Object.keys(estimates[0]!)).toEqual([
      'lhs',
      'op',
      'rhs',
      'group',
      'est',
      'se',
      'z',
      'pvalue',
      'std_lv',
      'std_all',
    ]);
    expect(estimates.find((e) => e.op === '|')).toMatchObject({ lhs: 'y01', rhs: 't1', group: 1 });
    expectClose(estimates, expectedEstimates(R.sim_delta), TOLERANCE.estimate, { floor: 1e-8 });
  });

  it('cfa --group --group-equal thresholds,loadings --parameterization theta', () => {
    const out = twoGroups(
      'cfa',
      '--ordered',
      'x1,x2,x3,x4,x5,x6,x7,x8',
      '--group-equal',
      'thresholds,loadings',
      '--parameterization',
      'theta',
    );
    const ref = R.two_group_thresholds_loadings_theta;
    expect(out.groups).toEqual(ref.group_labels);
    expect(out.cfi_robust).toBeNull(); // lavaan: NA once thresholds are held equal
    expectFitOf(out, ref);
  });

  it('cfa --group-partial exempts a threshold and a loading (lavaan group.partial)', () => {
    const out = twoGroups(
      'cfa',
      '--ordered',
      'all',
      '--group-equal',
      'thresholds,loadings',
      '--group-partial',
      'x3|t1,f1=~x2',
      '--missing',
      'listwise', // lavaan's default, and the only missing-data rule WLSMV has here
    );
    expectFitOf(out, R.two_group_partial_delta);
  });

  it('invariance --ordered all: configural, thresholds, thresholds + loadings and the Satorra (2000) tests', () => {
    const out = twoGroups('invariance', '--ordered', 'all');
    expect(Object.keys(out)).toEqual([
      'configural',
      'thresholds',
      'thresholds_loadings',
      'tests',
      'warnings',
    ]);
    expectMeasuresOf(out.configural, R.two_group_configural_delta);
    expectMeasuresOf(out.thresholds, R.two_group_thresholds_delta);
    expectMeasuresOf(out.thresholds_loadings, R.two_group_thresholds_loadings_delta);
    const lrt = R.two_group_lrt_delta;
    expectClose(
      out.tests,
      [
        satorraTest('configural', 'thresholds', lrt.thresholds_vs_configural),
        satorraTest('thresholds', 'thresholds_loadings', lrt.thresholds_loadings_vs_thresholds),
      ],
      TOLERANCE.fitMeasure,
    );
  });

  it.each([
    [
      ['--ordered', 'all', '--group', 'school', '--group-equal', 'intercepts'],
      2,
      /with --ordered takes thresholds, loadings, lv.variances, lv.covariances, not 'intercepts' \(the intercepts of ordered variables are fixed to 0/,
    ],
    [
      ['--group', 'school', '--group-equal', 'thresholds'],
      2,
      /not 'thresholds' \(thresholds need --ordered\)/,
    ],
    [['--parameterization', 'theta'], 2, /--parameterization needs --ordered/],
    [
      ['--ordered', 'all', '--parameterization', 'probit'],
      2,
      /--parameterization takes delta or theta, not 'probit'/,
    ],
    [['--ordered', 'x1,x9'], 2, /--ordered names 'x9', which is not an indicator of the model/],
    [['--ordered', 'x1,x2'], 1, /every indicator must be ordered for WLSMV: 'x3', 'x4'/],
    [['--ordered', 'all', '--modindices'], 2, /--modindices is not available with --ordered/],
    // lavaan refuses estimator = "ML"/"MLR" and missing = "ml" for ordered indicators
    [
      ['--ordered', 'all', '--estimator', 'MLR'],
      2,
      /--estimator MLR cannot be combined with --ordered: ordered indicators are fitted by WLSMV/,
    ],
    [
      ['--ordered', 'all', '--estimator', 'ML'],
      2,
      /--estimator ML cannot be combined with --ordered/,
    ],
    [
      ['--ordered', 'all', '--missing', 'ml'],
      2,
      /--missing ml cannot be combined with --ordered: WLSMV drops incomplete rows listwise/,
    ],
  ])('cfa %j fails with exit %d', (extra, status, message) => {
    const run = runInProcess(['cfa', '--data', TWO, '--model', TWO_MODEL, ...extra]);
    expect(run.status).toBe(status);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
