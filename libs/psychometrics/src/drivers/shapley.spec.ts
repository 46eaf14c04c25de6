/**
 * relaimpo 2.2-7 `calc.relimp(type = "lmg")` (R 4.2.2) reference values: test-vectors.json
 * lmg_HS_x9_on_x1_x8, lmg_HS_x9_on_x1_x4_x7_x8, and relaimpo's values for a weighted fit and for bfi
 * scale scores quoted in the tests below.
 * Tolerance 1e-9 relative (observed ≤ ~1e-14; REFERENCE_DEVIATIONS=1 prints the largest).
 */
import fc from 'fast-check';
import type { DataSet } from '../data/data-set';
import { deviationLog, loadCsv, testVectors } from '../../testing';
import { scoreScale } from '../scoring/score-scale';
import {
  ConstantItemError,
  InvalidArgumentError,
  TooFewRowsError,
  UnknownColumnError,
} from '../scoring/errors';
import { shapleyR2 } from './shapley';

const TOL = 1e-9;
const tv = testVectors();
const hs = loadCsv('holzinger-swineford-1939.csv');
const bfi = loadCsv('bfi.csv');
const log = deviationLog('drivers (relaimpo 2.2-7 calc.relimp, type = "lmg")');

describe('shapleyR2 vs relaimpo::calc.relimp(type = "lmg")', () => {
  it.each([
    ['lmg_HS_x9_on_x1_x8', ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8']],
    ['lmg_HS_x9_on_x1_x4_x7_x8', ['x1', 'x4', 'x7', 'x8']],
  ] as const)('%s', (key, predictors) => {
    const ref = tv[key];
    const res = shapleyR2(hs, 'x9', predictors);
    expect(res.n).toBe(301);
    log.check('R2', res.r2, ref.R2, TOL);
    predictors.forEach((p, j) => {
      log.check('lmg', res.shapley[j] as number, ref.lmg[p] as number, TOL);
      log.check('lmg', res.shares[p] as number, ref.lmg[p] as number, TOL);
    });
  });
  it('with weights = ageyr − 10 (calc.relimp(x9 ~ x1 + x4 + x7 + x8, data = HS, weights = w))', () => {
    const w = hs.column('ageyr').map((a) => a - 10);
    const res = shapleyR2(hs, 'x9', ['x1', 'x4', 'x7', 'x8'], { weights: w });
    log.check('R2 weighted', res.r2, 0.298157032191512, TOL);
    [0.10361167476448, 0.0132179230604701, 0.0681527223335523, 0.113174712033009].forEach((v, j) =>
      log.check('lmg weighted', res.shapley[j] as number, v, TOL),
    );
  });
  it('bfi age ~ A + C + E + N + O on scoreItems(impute = "none") scale means (calc.relimp)', () => {
    // keys: A(-A1), C(-C4,-C5), E(-E1,-E2), N, O(-O2,-O5); scoreItems mean of the answered items
    const scales: Record<string, [string[], number[]]> = {
      A: [['A1', 'A2', 'A3', 'A4', 'A5'], [0]],
      C: [
        ['C1', 'C2', 'C3', 'C4', 'C5'],
        [3, 4],
      ],
      E: [
        ['E1', 'E2', 'E3', 'E4', 'E5'],
        [0, 1],
      ],
      N: [['N1', 'N2', 'N3', 'N4', 'N5'], []],
      O: [
        ['O1', 'O2', 'O3', 'O4', 'O5'],
        [1, 4],
      ],
    };
    const cols = Object.values(scales).map(([items]) => items.map((i) => bfi.column(i)));
    const age = bfi.column('age');
    const rows = age.map((a, r) => [
      a,
      ...Object.values(scales).map(([, rev], s) => {
        const answers = (cols[s] as number[][]).map((c) => c[r] as number);
        return scoreScale(answers, { reversed: rev, min: 1, max: 6, minAnswered: 1 }).mean ?? NaN;
      }),
    ]);
    const data: DataSet = { columns: ['age', 'A', 'C', 'E', 'N', 'O'], rows };
    const res = shapleyR2(data, 'age', ['A', 'C', 'E', 'N', 'O']);
    expect(res.n).toBe(2800);
    log.check('R2 bfi', res.r2, 0.0491506884119616, TOL);
    [
      0.0275101175648972, 0.00732013472000637, 0.00215246537987765, 0.00872647851328805,
      0.00344149223389231,
    ].forEach((v, j) => log.check('lmg bfi', res.shapley[j] as number, v, TOL));
  });
});

describe('shapleyR2 errors and missing data', () => {
  it('drops incomplete rows (listwise)', () => {
    const rows = hs.rows.map((r, i) => (i % 10 === 0 ? r.map(() => NaN) : r));
    const res = shapleyR2({ columns: hs.columns, rows }, 'x9', ['x1', 'x4']);
    expect(res.n).toBe(301 - 31);
  });
  it('rejects unknown columns, too few rows, constant and collinear predictors', () => {
    expect(() => shapleyR2(hs, 'x9', ['nope'])).toThrow(UnknownColumnError);
    expect(() =>
      shapleyR2({ columns: hs.columns, rows: hs.rows.slice(0, 3) }, 'x9', ['x1', 'x2']),
    ).toThrow(TooFewRowsError);
    expect(() => shapleyR2({ columns: hs.columns, rows: [] }, 'x9', ['x1'])).toThrow(
      TooFewRowsError,
    );
    const d: DataSet = {
      columns: ['y', 'a', 'b', 'c'],
      rows: [1, 2, 3, 4, 5, 6].map((i) => [i % 3, i, 2 * i, 7]),
    };
    expect(() => shapleyR2(d, 'y', ['a', 'c'])).toThrow(ConstantItemError);
    expect(() => shapleyR2(d, 'y', ['a', 'b'])).toThrow(InvalidArgumentError);
    expect(() => shapleyR2(d, 'y', ['a', 'b'])).toThrow('are collinear');
    expect(() => shapleyR2(d, 'y', [])).toThrow(InvalidArgumentError);
  });
});

describe('shapleyR2 properties (fast-check)', () => {
  it('shares are ≥ 0 and sum to R² (1e-12)', () => {
    // Values on a 0.1 grid, like scale means: unconstrained doubles draw denormals (1e-300) whose
    // products underflow, a failure of floating point rather than of the decomposition.
    const value = fc.integer({ min: -100, max: 100 }).map((v) => v / 10);
    const row = fc.array(value, {
      minLength: 5,
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 12, maxLength: 40 }), (rows) => {
        let res;
        try {
          res = shapleyR2({ columns: ['y', 'a', 'b', 'c', 'd'], rows }, 'y', ['a', 'b', 'c', 'd']);
        } catch (e) {
          if (e instanceof ConstantItemError || e instanceof InvalidArgumentError) return true;
          throw e;
        }
        const sum = res.shapley.reduce((s, v) => s + v, 0);
        return (
          Math.abs(sum - res.r2) <= 1e-12 * Math.max(1, res.r2) &&
          res.shapley.every((v) => v >= -1e-12)
        );
      }),
      { numRuns: 200 },
    );
  });
});
