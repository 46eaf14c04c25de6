// `cfa --estimator MLR --missing ml` against lavaan 0.6-14 at the exact optimum: the library's reference
// (libs/psychometrics/fixtures/lavaan-robust-fiml.json, made by fixtures/r/lavaan-robust-fiml.R) on its
// simulated 8-item survey with 30% of the answers missing (fixtures/r/sim-mcar.R). Fit measures 1e-6,
// standard errors 1e-5 (relative; p-values below 1e-6 absolutely, as in the library's test).
import { join } from 'node:path';
import {
  FIXTURES_DIR,
  TOLERANCE,
  assertClose,
  lavaanRobustFiml,
  type RobustFimlCase,
} from '@swhc/psychometrics/testing';
import { runInProcess } from '../testing/run-in-process';

const DATA = join(FIXTURES_DIR, 'sim-mcar.csv');
const MODEL = join(FIXTURES_DIR, 'sim-mcar.lav');
type Json = Record<string, unknown>;

function json(argv: string[]): Json {
  const run = runInProcess(argv);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

/** Every lavaan fit measure the CLI prints under its `.` → `_` name, and the SEs of the estimates. */
function expectLavaan(out: Json, ref: RobustFimlCase, names: readonly string[]): void {
  for (const name of names) {
    const key = name.replace(/\./g, '_');
    expect(out).toHaveProperty(key);
    const actual = out[key] === null ? NaN : (out[key] as number);
    const floor = name.includes('pvalue') ? 1e-6 : 0;
    assertClose(key, actual, ref.fit[name]!, TOLERANCE.fitMeasure, { floor });
  }
  const rows = out.estimates as Json[];
  for (const row of ref.params) {
    const mine = rows.find(
      (e) => e.lhs === row.lhs && e.op === row.op && e.rhs === row.rhs && e.group === row.group,
    );
    expect(mine).toBeDefined();
    assertClose(
      `${row.lhs}${row.op}${row.rhs} est`,
      mine!.est as number,
      row.est,
      TOLERANCE.estimate,
    );
    assertClose(`${row.lhs}${row.op}${row.rhs} se`, mine!.se as number, row.se, TOLERANCE.estimate);
  }
}

const STANDARD = ['chisq', 'df', 'pvalue', 'cfi', 'tli', 'rmsea', 'srmr', 'logl', 'bic'];
const SCALED = [
  'chisq.scaled',
  'df.scaled',
  'pvalue.scaled',
  'chisq.scaling.factor',
  'baseline.chisq.scaled',
  'baseline.chisq.scaling.factor',
  'cfi.scaled',
  'tli.scaled',
  'rmsea.scaled',
];
const ROBUST = ['cfi.robust', 'tli.robust', 'rmsea.robust'];

describe('hc-stats cfa --estimator and --missing, against lavaan', () => {
  const R = lavaanRobustFiml();

  it('--missing ml uses every row with a value (n = 400, not the 23 complete rows)', () => {
    const out = json(['cfa', '--data', DATA, '--model', MODEL, '--missing', 'ml']);
    expect(out.n).toBe(400);
    expectLavaan(out, R.fiml_sim_mcar, [...STANDARD, ...ROBUST]);
    expect(out).not.toHaveProperty('chisq_scaled');
    expect(out.warnings).toEqual([]);
  });

  it('--estimator MLR --missing ml adds the scaled test and the robust SEs', () => {
    const out = json([
      'cfa',
      '--data',
      DATA,
      '--model',
      MODEL,
      '--estimator',
      'MLR',
      '--missing',
      'ml',
    ]);
    expect(out.n).toBe(400);
    expectLavaan(out, R.mlrfiml_sim_mcar, [...STANDARD, ...SCALED, ...ROBUST]);
  });

  it('listwise by default: 23 complete rows, no robust measures', () => {
    const out = json(['cfa', '--data', DATA, '--model', MODEL]);
    expect(out.n).toBe(23);
    expect(out).not.toHaveProperty('cfi_robust');
  });

  it('names the flag and the choices for an unknown value, and refuses --modindices with MLR', () => {
    const run = (argv: string[]) =>
      runInProcess(['cfa', '--data', DATA, '--model', MODEL, ...argv]);
    const bad = run(['--estimator', 'WLSMV']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--estimator takes ML or MLR, not 'WLSMV'/);
    expect(run(['--missing', 'pairwise']).stderr).toMatch(
      /--missing takes listwise or ml, not 'pairwise'/,
    );
    const mi = run(['--estimator', 'MLR', '--modindices']);
    expect(mi.status).toBe(2);
    expect(mi.stderr).toMatch(
      /--modindices is available with --estimator ML and --missing listwise only/,
    );
  });
});
