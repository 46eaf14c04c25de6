/**
 * Bad input to the WLSMV functions ends in a typed PsychometricsError that names the variable, group or
 * option; the empty-category case is compared with lavaan 0.6-14's own stop, and the Heywood warning with
 * lavaan's post-check warning and estimate (fixtures/r/lavaan-ordinal.R).
 */
import { PsychometricsError } from '../errors';
import { ModelSyntaxError, NotIdentifiedError } from '../cfa/errors';
import { EmptyCategoryError, OrdinalDataError, OrdinalModelError } from './errors';
import { fitOrdinalCfa } from './fit';
import { scaledDifferenceTest } from './difference-test';
import { lavaanOrdinal, loadCsv } from '../../testing';
import type { DataSet } from '../data/data-set';

const R = lavaanOrdinal();
const two = loadCsv('ordinal-two-group.csv');
const TWO_MODEL = R.meta.two_group_model;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('ordinal errors', () => {
  it('a category empty in one group only: lavaan stops, and so do we, naming the variable and group', () => {
    const change = R.empty_category.data_change;
    const school = two.textColumn('school');
    const col = two.columns.indexOf(change.variable);
    const rows = two.rows.map((row, r) =>
      school[r] === change.group && row[col] === change.from
        ? row.map((v, j) => (j === col ? change.to : v))
        : row,
    );
    const e = thrown(() =>
      fitOrdinalCfa({ columns: two.columns, rows }, TWO_MODEL, { groups: school }),
    );
    expect(e).toBeInstanceOf(EmptyCategoryError);
    const err = e as EmptyCategoryError;
    expect(R.empty_category.error).toMatch(
      /some categories of variable `x3' are empty in group 2; frequencies are \[/,
    );
    expect(err.variable).toBe('x3');
    expect(err.groupNumber).toBe(2);
    expect(err.group).toBe('south');
    expect(err.message).toContain(
      "some categories of variable 'x3' are empty in group 2 ('south')",
    );
    // lavaan lists the group's frequencies of the categories present, then the zeros; ours keep each count
    // under its category (here category 1 is the empty one), so the same counts in another order
    const lavaans = /\[([\d ]+)\]/.exec(R.empty_category.error)![1]!.split(' ').map(Number);
    expect([...err.frequencies].sort((a, b) => a - b)).toEqual([...lavaans].sort((a, b) => a - b));
    expect(err.frequencies[0]).toBe(0);
  });

  it('every indicator must be ordered', () => {
    const e = thrown(() =>
      fitOrdinalCfa(two, TWO_MODEL, { ordered: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'] }),
    );
    expect(e).toBeInstanceOf(OrdinalDataError);
    expect((e as Error).message).toMatch(/'x8' is not in 'ordered'/);
  });

  it('group.equal classes that do not apply to ordered indicators are refused by name', () => {
    const e = thrown(() =>
      fitOrdinalCfa(two, TWO_MODEL, {
        groups: two.textColumn('school'),
        groupEqual: ['thresholds', 'intercepts' as 'thresholds'],
      }),
    );
    expect(e).toBeInstanceOf(OrdinalModelError);
    expect((e as Error).message).toMatch(/unknown groupEqual value 'intercepts'/);
  });

  it('intercepts, residual variances and thresholds of ordered variables cannot be specified', () => {
    expect(thrown(() => fitOrdinalCfa(two, `${TWO_MODEL}\nx1 ~ 1`))).toBeInstanceOf(
      OrdinalModelError,
    );
    expect((thrown(() => fitOrdinalCfa(two, `${TWO_MODEL}\nx2 ~~ x2`)) as Error).message).toMatch(
      /'x2 ~~ x2'/,
    );
    expect(thrown(() => fitOrdinalCfa(two, `${TWO_MODEL}\nx1 | t1`))).toBeInstanceOf(
      ModelSyntaxError,
    );
  });

  it('a group.partial threshold that does not exist is named', () => {
    const e = thrown(() =>
      fitOrdinalCfa(two, TWO_MODEL, {
        groups: two.textColumn('school'),
        groupEqual: ['thresholds'],
        groupPartial: ['x3|t9'],
      }),
    );
    expect(e).toBeInstanceOf(OrdinalModelError);
    expect((e as Error).message).toMatch(/'x3\|t9' is not a threshold of the model/);
  });

  it('an unknown parameterization is named', () => {
    const e = thrown(() =>
      fitOrdinalCfa(two, TWO_MODEL, { parameterization: 'probit' as 'delta' }),
    );
    expect(e).toBeInstanceOf(OrdinalModelError);
    expect((e as Error).message).toMatch(/'probit'/);
  });

  it('a variable with one category, and a 2×2 table with two empty cells, are named', () => {
    const one: DataSet = {
      columns: ['a', 'b', 'c'],
      rows: [
        [1, 1, 2],
        [1, 2, 1],
        [1, 1, 2],
      ],
    };
    const e1 = thrown(() => fitOrdinalCfa(one, 'f =~ a + b + c'));
    expect(e1).toBeInstanceOf(OrdinalDataError);
    expect((e1 as Error).message).toMatch(/'a' has a single category \(1\)/);
    const twoEmpty: DataSet = {
      columns: ['a', 'b', 'c'],
      rows: [
        [0, 0, 1],
        [1, 1, 0],
        [0, 0, 0],
        [1, 1, 1],
        [0, 0, 1],
        [1, 1, 1],
      ],
    };
    const e2 = thrown(() => fitOrdinalCfa(twoEmpty, 'f =~ a + b + c'));
    expect(e2).toBeInstanceOf(OrdinalDataError);
    expect((e2 as Error).message).toMatch(/2×2 table of 'a' and 'b' has two empty cells/);
  });

  it('a model with more parameters than statistics is not identified', () => {
    const e = thrown(() => fitOrdinalCfa(two, 'f =~ x1 + x2\nx1 ~~ x2'));
    expect(e).toBeInstanceOf(NotIdentifiedError);
  });

  it('the difference test needs two fits of the same data', () => {
    const a = fitOrdinalCfa(two, TWO_MODEL);
    const half: DataSet = { columns: two.columns, rows: two.rows.slice(0, 700) };
    const b = fitOrdinalCfa(half, 'f1 =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8');
    expect(thrown(() => scaledDifferenceTest(a, b))).toBeInstanceOf(OrdinalModelError);
    expect(thrown(() => scaledDifferenceTest(a, { ...a }))).toBeInstanceOf(OrdinalModelError);
  });

  it('a Heywood case is a warning with the estimate, as lavaan post-check warns', () => {
    const fit = fitOrdinalCfa(two, R.heywood.model);
    expect(R.heywood.warning).toMatch(/some estimated ov variances are negative/);
    const x2 = fit.estimates.find((e) => e.lhs === 'x2' && e.op === '~~')!;
    expect(Math.abs(x2.est - R.heywood.x2_residual_variance)).toBeLessThan(1e-5 * Math.abs(x2.est));
    expect(fit.warnings).toEqual([`negative variance estimate: x2 ~~ x2 = ${x2.est}`]);
  });

  it('every error is a PsychometricsError', () => {
    for (const E of [OrdinalDataError, OrdinalModelError])
      expect(new E('x')).toBeInstanceOf(PsychometricsError);
    expect(new EmptyCategoryError('x', '', 1, [0, 1])).toBeInstanceOf(PsychometricsError);
  });
});
