/** Problems are reported with typed errors (or converged: false), never hidden. */
import {
  CfaDataError,
  fitCfa,
  fitCfaToMoments,
  invariance,
  ModelSyntaxError,
  NonConvergenceError,
  NotIdentifiedError,
  sampleMoments,
} from './index';
import { NotPositiveDefiniteError } from '../linalg';
import { PsychometricsError } from '../errors';
import { loadCsv } from '../../testing';

const hs = loadCsv('holzinger-swineford-1939.csv');
const HS_MODEL = 'visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9';

/** HS x1..x3 plus x10 = x1 + x2 (a linear combination: singular sample covariance). */
function withCollinearColumn() {
  const j = ['x1', 'x2', 'x3'].map((c) => hs.columns.indexOf(c));
  return {
    columns: ['x1', 'x2', 'x3', 'x10'],
    rows: hs.rows.map((r) => [r[j[0]!]!, r[j[1]!]!, r[j[2]!]!, r[j[0]!]! + r[j[1]!]!]),
  };
}

describe('CFA error reporting', () => {
  it('syntax errors are ModelSyntaxError with the line', () => {
    expect(() => fitCfa(hs, 'visual =~ x1 + x2 + x3\nx9 ~ x1')).toThrow(ModelSyntaxError);
    expect(() => fitCfa(hs, 'visual =~ x1 + x2 + x3\nx9 ~ x1')).toThrow(
      /^model syntax, line 2: regressions/,
    );
  });

  it('a non-positive-definite sample covariance is a NotPositiveDefiniteError naming the variable', () => {
    const data = withCollinearColumn();
    const run = () => fitCfa(data, 'f =~ x1 + x2 + x3 + x10');
    expect(run).toThrow(NotPositiveDefiniteError);
    expect(run).toThrow(
      "the sample covariance matrix (variable 'x10' has zero variance or is a linear combination of earlier ones) is not positive definite",
    );
  });

  it('a constant item is a NotPositiveDefiniteError', () => {
    const data = { columns: ['a', 'b', 'c'], rows: hs.rows.map((r) => [r[6]!, r[7]!, 3]) };
    expect(() => fitCfa(data, 'f =~ a + b + c')).toThrow(NotPositiveDefiniteError);
  });

  it('more free parameters than moments is NotIdentifiedError', () => {
    const run = () => fitCfa(hs, 'f =~ x1 + x2');
    expect(run).toThrow(NotIdentifiedError);
    expect(run).toThrow(
      'model is not identified: the model has 4 free parameters but the data give only 3 sample moments (df = -1)',
    );
  });

  it('a factor with one indicator and a free residual variance is NotIdentifiedError', () => {
    const run = () => fitCfa(hs, 'visual =~ x1 + x2 + x3\nf =~ x4');
    expect(run).toThrow(NotIdentifiedError);
    expect(run).toThrow(
      "factor 'f' has a single indicator 'x4' with a free residual variance; fix it (e.g. 'x4 ~~ 0*x4')",
    );
    // fixing the residual variance identifies it (lavaan's single-indicator idiom)
    const r = fitCfa(hs, 'visual =~ x1 + x2 + x3\nf =~ x4\nx4 ~~ 0*x4');
    expect(r.converged).toBe(true);
    expect(r.df).toBe(2);
    expect(r.chisq).toBeCloseTo(11.798, 3); // lavaan 0.6-14 prints 11.798
  });

  it('an empirically unidentified model (two-indicator factor uncorrelated with the rest) is NotIdentifiedError', () => {
    const run = () => fitCfa(hs, 'visual =~ x1 + x2 + x3\ntextual =~ x4 + x5\nvisual ~~ 0*textual');
    expect(run).toThrow(NotIdentifiedError);
    expect(run).toThrow(
      /the information matrix is singular at the estimates; these parameters cannot be told apart: .*textual/,
    );
  });

  it('non-convergence is reported as converged: false (or thrown on request)', () => {
    const r = fitCfa(hs, HS_MODEL, { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
    expect(r.maxAbsGradient).toBeGreaterThan(1e-3);
    expect(r.warnings.some((w) => w.startsWith('did not converge'))).toBe(true);
    expect(() => fitCfa(hs, HS_MODEL, { maxIterations: 2, throwOnNonConvergence: true })).toThrow(
      NonConvergenceError,
    );
    expect(() => fitCfa(hs, HS_MODEL, { maxIterations: 2, throwOnNonConvergence: true })).toThrow(
      /^estimation did not converge: max \|gradient\| = .* after 2 iterations$/,
    );
  });

  it('a Heywood case (negative variance) is estimated without bounds, as lavaan does, and flagged', () => {
    // lavaan 0.6-14: chisq 53.915635532591, df 8, x8 ~~ x8 = -0.0157 ("some estimated ov variances are negative")
    const r = fitCfa(hs, 'f =~ x7 + x8\ng =~ x9 + x1 + x2 + x3');
    expect(r.converged).toBe(true);
    expect(r.df).toBe(8);
    expect(Math.abs(r.chisq - 53.915635532591) / 53.915635532591).toBeLessThan(1e-6);
    const x8 = r.estimates.find((e) => e.lhs === 'x8' && e.op === '~~' && e.rhs === 'x8')!;
    expect(x8.est).toBeLessThan(-0.0156);
    expect(r.warnings).toEqual([`negative variance estimate: x8 ~~ x8 = ${x8.est}`]);
  });

  it('data problems are CfaDataError', () => {
    expect(() => fitCfa(hs, 'f =~ x1 + x2 + nope')).toThrow(CfaDataError);
    expect(() => fitCfa(hs, 'f =~ x1 + x2 + nope')).toThrow(
      "the variable 'nope' is not in the data",
    );
    expect(() => fitCfa(hs, HS_MODEL, { groups: ['a'] })).toThrow(
      "'groups' has 1 labels but the data have 301 rows",
    );
    expect(() => fitCfa(hs, HS_MODEL, { group: 'school_id' })).toThrow(
      "the group column 'school_id' is not in the data",
    );
    expect(() => fitCfa(hs, HS_MODEL, { group: 'sex', groups: hs.textColumn('school') })).toThrow(
      CfaDataError,
    );
    expect(() => fitCfa(hs, HS_MODEL, { groupEqual: ['thresholds' as never] })).toThrow(
      /unknown groupEqual value 'thresholds'/,
    );
    expect(() =>
      invariance(
        hs,
        HS_MODEL,
        hs.rows.map(() => 'one'),
      ),
    ).toThrow('invariance needs at least two groups, got 1');
    const tiny = { columns: ['x1', 'x2', 'x3'], rows: [[1, 2, 3]] };
    expect(() => fitCfa(tiny, 'f =~ x1 + x2 + x3')).toThrow(
      'only 1 complete row(s): too few for a covariance matrix',
    );
    const m = sampleMoments(hs, ['x1', 'x2', 'x3']);
    expect(() => fitCfaToMoments(m, 'f =~ x1 + x2 + x4')).toThrow(
      "the model variable 'x4' is not among the sample moments' variables",
    );
    expect(() =>
      fitCfaToMoments(
        { variables: ['x1', 'x2', 'x3'], nPerGroup: [301], cov: m.cov },
        'f =~ x1 + x2 + x3',
        { meanStructure: true },
      ),
    ).toThrow('the model has a mean structure but the sample moments have no means');
  });

  it('a group with no more complete rows than variables says so (its covariance matrix is singular)', () => {
    const groups = hs.rows.map((_, i) => (i < 5 ? 'small' : 'large'));
    expect(() => fitCfa(hs, HS_MODEL, { groups })).toThrow(
      "group 'small' has 5 complete row(s) for 9 observed variables: a covariance matrix of 9 variables needs more rows than variables (at least 10)",
    );
    const few = { columns: hs.columns, rows: hs.rows.slice(0, 9) };
    expect(() => fitCfa(few, HS_MODEL)).toThrow(
      'the data have 9 complete row(s) for 9 observed variables',
    );
  });

  it('an empty column is named as empty, not as "too few rows"', () => {
    const x5 = hs.columns.indexOf('x5');
    const rows = hs.rows.map((r) => r.map((v, j) => (j === x5 ? NaN : v)));
    expect(() => fitCfa({ columns: hs.columns, rows }, HS_MODEL)).toThrow(
      "the variable 'x5' has no values: every cell is empty",
    );
  });

  it('group.partial and c(a, b)* modifiers are checked against the model and the groups', () => {
    const groups = hs.textColumn('school');
    expect(() =>
      fitCfa(hs, HS_MODEL, { groups, groupEqual: ['intercepts'], groupPartial: ['x10 ~ 1'] }),
    ).toThrow(
      "group.partial: 'x10 ~ 1' is not a parameter of the model (write it as lavaan does, e.g. 'x3 ~ 1' or 'visual =~ x2')",
    );
    expect(() => fitCfa(hs, 'f =~ x1 + c(a, b, c)*x2 + x3', { groups })).toThrow(
      "line 1: 'f =~ x2' has 3 modifiers in c(...) but the data have 2 group(s)",
    );
  });

  it('every error is a PsychometricsError with a stable name', () => {
    const errors: unknown[] = [];
    for (const run of [
      () => fitCfa(hs, 'f =~'),
      () => fitCfa(hs, 'f =~ x1 + x2'),
      () => fitCfa(withCollinearColumn(), 'f =~ x1 + x2 + x3 + x10'),
    ]) {
      try {
        run();
      } catch (e) {
        errors.push(e);
      }
    }
    expect(errors.map((e) => (e as Error).name)).toEqual([
      'ModelSyntaxError',
      'NotIdentifiedError',
      'NotPositiveDefiniteError',
    ]);
    for (const e of errors) expect(e).toBeInstanceOf(PsychometricsError);
  });
});
