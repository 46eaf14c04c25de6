/**
 * Omega total against R (test-vectors.json omega_*: `cfa('f =~ …', std.lv = TRUE)`, lavaan 0.6-14;
 * lavaan-optimum.json: the same fits at the exact optimum; semTools 0.5-6
 * compRelSEM for the observed-variance variant).
 * Tolerances (relative): omega vs lavaan's default output 1e-6 (lavaan's estimates are ~5e-7 off the
 * optimum); omega vs the exact optimum 1e-9; loadings/thetas and the observed-variance omega vs
 * lavaan 1e-5; N exact.
 */
import { CfaDataError, NotIdentifiedError, NotPositiveDefiniteError, omegaTotal } from '../index';
import {
  deviationLog,
  lavaanOptimum,
  loadCsv,
  testVectors,
  type OmegaVectorKey,
} from '../../testing';

const V = testVectors();
const hs = loadCsv('holzinger-swineford-1939.csv');
const bfi = loadCsv('bfi.csv');
const atOptimum = lavaanOptimum();
const log = deviationLog('omega (lavaan 0.6-14 / semTools 0.5-6)');

const cases: [OmegaVectorKey, typeof hs, string[], string[]][] = [
  ['omega_HS_x4_x6', hs, ['x4', 'x5', 'x6'], []],
  ['omega_HS_x1_x9', hs, ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9'], []],
  ['omega_bfi_A_listwise', bfi, ['A1', 'A2', 'A3', 'A4', 'A5'], ['A1']],
];

describe.each(cases)('%s', (key, data, items, reverse) => {
  const v = V[key];
  const r = omegaTotal(data, items, { reverse });

  it('omega total = (Σλ)²/((Σλ)²+Σθ), the model-implied omega', () => {
    expect(r.n).toBe(v.nobs);
    log.check('omega vs lavaan', r.omegaTotal, v.omega_model, 1e-6, { context: key });
    log.check('omega vs exact optimum', r.omegaTotal, atOptimum[key]!.omega_at_optimum, 1e-9, {
      context: key,
    });
    // compRelSEM() default (obs.var = TRUE) is a different number, also returned; (Σλ)²/sum(S) is first-order
    // in lavaan's parameter error (~1e-6), so it is compared at the parameter tolerance
    log.check(
      'omega observed-variance (compRelSEM default)',
      r.omegaObservedVariance,
      v.omega_obsvar,
      1e-5,
      { context: key },
    );
  });

  it('loadings and residual variances by item', () => {
    items.forEach((item, i) => {
      log.check('loadings', r.loadings[item]!, v.lambda[i]!, 1e-5, { context: `${key} ${item}` });
      log.check('residual variances', r.residualVariances[item]!, v.theta[i]!, 1e-5, {
        context: `${key} ${item}`,
      });
    });
    expect(Object.keys(r.loadings)).toEqual(items);
    expect(r.fit.df).toBe(v.df);
  });
});

describe('omegaTotal', () => {
  it('reverses with the global range of the items (psych: max + min − x)', () => {
    // A1 ranges 1..6 like the other items, so 7 − A1; recoding by hand gives the same omega
    const cols = ['A1', 'A2', 'A3', 'A4', 'A5'].map((c) => bfi.columns.indexOf(c));
    const manual = {
      columns: ['A1', 'A2', 'A3', 'A4', 'A5'],
      rows: bfi.rows.map((r) => cols.map((j, a) => (a === 0 ? 7 - r[j]! : r[j]!))),
    };
    expect(omegaTotal(manual, ['A1', 'A2', 'A3', 'A4', 'A5']).omegaTotal).toBe(
      omegaTotal(bfi, ['A1', 'A2', 'A3', 'A4', 'A5'], { reverse: ['A1'] }).omegaTotal,
    );
    // an item that never uses the top category is still reversed with the scale-wide range
    const data = {
      columns: ['a', 'b', 'c'],
      rows: [
        [1, 5, 2],
        [2, 4, 3],
        [3, 1, 5],
        [2, 2, 4],
        [1, 4, 1],
        [3, 3, 3],
      ],
    };
    const shifted = { columns: data.columns, rows: data.rows.map(([a, b, c]) => [6 - a!, b!, c!]) };
    expect(omegaTotal(data, ['a', 'b', 'c'], { reverse: ['a'] }).omegaTotal).toBeCloseTo(
      omegaTotal(shifted, ['a', 'b', 'c']).omegaTotal,
      12,
    );
  });

  it('warns about loadings of mixed sign (an unreversed, negatively worded item)', () => {
    const items = ['A1', 'A2', 'A3', 'A4', 'A5'];
    const unreversed = omegaTotal(bfi, items);
    expect(unreversed.warnings).toEqual([
      'The loadings have mixed signs (A1 against the rest): reverse the negatively worded items first; with mixed signs (Σλ)² cancels and omega understates reliability.',
    ]);
    expect(omegaTotal(bfi, items, { reverse: ['A1'] }).warnings).toEqual([]);
  });

  it('reports bad input with typed errors', () => {
    expect(() => omegaTotal(hs, ['x1', 'x2'])).toThrow(NotIdentifiedError);
    expect(() => omegaTotal(hs, ['x1', 'x2', 'nope'])).toThrow(CfaDataError);
    expect(() => omegaTotal(hs, ['x1', 'x2', 'x3'], { reverse: ['x4'] })).toThrow(
      "the reverse-keyed item 'x4' is not among the items",
    );
    const j = ['x1', 'x2'].map((c) => hs.columns.indexOf(c));
    const collinear = {
      columns: ['a', 'b', 'c'],
      rows: hs.rows.map((r) => [r[j[0]!]!, r[j[1]!]!, r[j[0]!]! - r[j[1]!]!]),
    };
    expect(() => omegaTotal(collinear, ['a', 'b', 'c'])).toThrow(NotPositiveDefiniteError);
  });
});
