/**
 * psych::alpha (psych 2.2.9, R 4.2.2) reference values from test-vectors.json (alpha_bfi_A,
 * alpha_bfi_C, alpha_bfi_N, alpha_HS_x1_x3; 15 significant digits) on the CSV exports of psych::bfi
 * and lavaan::HolzingerSwineford1939. Tolerance: 1e-9 relative on every statistic
 * (observed ≤ 1e-13; run with REFERENCE_DEVIATIONS=1 to print the largest deviation per statistic).
 */
import fc from 'fast-check';
import type { DataSet } from '../data/data-set';
import {
  TOLERANCE,
  deviation,
  deviationLog,
  loadCsv,
  psychOutput,
  testVectors,
  type AlphaVector,
} from '../../testing';
import {
  ConstantItemError,
  EmptyItemError,
  InvalidArgumentError,
  TooFewRowsError,
  UnknownColumnError,
} from '../scoring/errors';
import { alpha } from './alpha';

const TOL = 1e-9;
const tv = testVectors();
const bfi = loadCsv('bfi.csv');
const hs = loadCsv('holzinger-swineford-1939.csv');
const log = deviationLog('alpha (psych 2.2.9)');

const cases: [string, DataSet, string[], string[], AlphaVector][] = [
  ['alpha_bfi_A', bfi, ['A1', 'A2', 'A3', 'A4', 'A5'], ['A1'], tv.alpha_bfi_A],
  ['alpha_bfi_C', bfi, ['C1', 'C2', 'C3', 'C4', 'C5'], ['C4', 'C5'], tv.alpha_bfi_C],
  ['alpha_bfi_N', bfi, ['N1', 'N2', 'N3', 'N4', 'N5'], [], tv.alpha_bfi_N],
  ['alpha_HS_x1_x3', hs, ['x1', 'x2', 'x3'], [], tv.alpha_HS_x1_x3],
];

describe.each(cases)('%s', (_name, data, items, reverse, ref) => {
  const res = alpha(data, items, { reverse });
  it(`matches $total and the Feldt / Duhachek CIs — ${ref.code}`, () => {
    const t = ref.total;
    log.check('raw_alpha', res.alpha, t['raw_alpha'] as number, TOL);
    log.check('std.alpha', res.stdAlpha, t['std.alpha'] as number, TOL);
    log.check('G6(smc)', res.g6, t['G6(smc)'] as number, TOL);
    log.check('average_r', res.averageR, t['average_r'] as number, TOL);
    log.check('S/N', res.signalToNoise, t['S/N'] as number, TOL);
    log.check('ase', res.ase, t['ase'] as number, TOL);
    log.check('mean', res.mean, t['mean'] as number, TOL);
    log.check('sd', res.sd, t['sd'] as number, TOL);
    log.check('median_r', res.medianR, t['median_r'] as number, TOL);
    log.check('feldt', res.ciFeldt[0], ref.feldt.lower, TOL);
    log.check('feldt', res.ciFeldt[1], ref.feldt.upper, TOL);
    log.check('duhachek', res.ciDuhachek[0], ref.duhachek.lower, TOL);
    log.check('duhachek', res.ciDuhachek[1], ref.duhachek.upper, TOL);
    expect(res.n).toBe(data.rows.length);
    expect(res.k).toBe(items.length);
  });
  it('matches $alpha.drop', () => {
    const d = ref.alpha_drop;
    res.items.forEach((it, i) => {
      const at = (key: string): number | 'NA' => (d[key] as (number | 'NA')[])[i] as number | 'NA';
      log.check('drop raw_alpha', it.alphaIfDropped, at('raw_alpha'), TOL);
      log.check('drop std.alpha', it.dropped.stdAlpha, at('std.alpha'), TOL);
      log.check('drop G6(smc)', it.dropped.g6, at('G6(smc)'), TOL);
      log.check('drop average_r', it.dropped.averageR, at('average_r'), TOL);
      log.check('drop S/N', it.dropped.signalToNoise, at('S/N'), TOL);
      log.check('drop alpha se', it.dropped.ase, at('alpha se'), TOL);
      log.check('drop var.r', it.dropped.varR, at('var.r'), TOL);
      log.check('drop med.r', it.dropped.medianR, at('med.r'), TOL);
    });
  });
  it('matches $item.stats', () => {
    const s = ref.item_stats;
    expect(res.items.map((i) => i.item)).toEqual(items);
    expect(res.items.map((i) => i.n)).toEqual(s['n']);
    res.items.forEach((it, i) => {
      log.check('raw.r', it.rawR, s['raw.r']?.[i] as number, TOL);
      log.check('std.r', it.stdR, s['std.r']?.[i] as number, TOL);
      log.check('r.cor', it.rCor, s['r.cor']?.[i] as number, TOL);
      log.check('r.drop', it.rDrop, s['r.drop']?.[i] as number, TOL);
      log.check('item mean', it.mean, s['mean']?.[i] as number, TOL);
      log.check('item sd', it.sd, s['sd']?.[i] as number, TOL);
    });
  });
});

describe('alpha semantics (psych 2.2.9 alpha())', () => {
  it('reverses with the global min + max over all items (A1 restricted to 2..6)', () => {
    // R: x$A1[x$A1 == 1] <- 2; alpha(x, keys = "A1")$item.stats["A1-", "mean"] == mean(7 - x$A1)
    const a1 = bfi.columns.indexOf('A1');
    const rows = bfi.rows.map((r) => r.map((v, j) => (j === a1 && v === 1 ? 2 : v)));
    const res = alpha({ columns: bfi.columns, rows }, ['A1', 'A2', 'A3', 'A4', 'A5'], {
      reverse: ['A1'],
    });
    const a1s = rows.map((r) => r[a1] as number).filter((v) => !Number.isNaN(v));
    const expected = a1s.reduce((s, v) => s + (7 - v), 0) / a1s.length;
    expect(deviation(res.items[0]?.mean as number, expected)).toBeLessThan(1e-14);
  });
  it('gives the same alpha for every keying form (bfi C: 0.726734972926683)', () => {
    const res = alpha(bfi, ['C1', 'C2', 'C3', 'C4', 'C5'], { reverse: ['C5', 'C4'] });
    expect(deviation(res.alpha, 0.726734972926683)).toBeLessThan(TOL);
  });
});

describe('psych-output.json: psych 2.2.9 warnings and G6 of a singular correlation matrix', () => {
  const data = new Map<string, DataSet>([
    ['bfi_A_no_keys', bfi],
    ['bfi_C_no_keys', bfi],
    ['bfi_C_keys_C4_C5', bfi],
  ]);
  const dup: DataSet = {
    columns: ['A2', 'A3', 'A4', 'A5', 'A2copy'],
    rows: bfi.select(['A2', 'A3', 'A4', 'A5', 'A2']).rows,
  };
  const complete = bfi
    .select(['A1', 'A2', 'A3', 'A4', 'A5'])
    .rows.filter((r) => r.every((v) => !Number.isNaN(v)));
  data.set('duplicated_item', dup);
  data.set('fewer_rows_than_items', {
    columns: ['A1', 'A2', 'A3', 'A4', 'A5'],
    rows: complete.slice(0, 5),
  });

  it.each(psychOutput().map((c) => [c.id, c] as const))('%s', (id, c) => {
    const res = alpha(data.get(id)!, c.items, { reverse: c.reverse });
    expect(res.n).toBe(c.n);
    const at = { context: id };
    log.check('raw_alpha', res.alpha, c.raw_alpha, TOLERANCE.closedForm, at);
    log.check('std.alpha', res.stdAlpha, c.std_alpha, TOLERANCE.closedForm, at);
    log.check('G6(smc), singular R', res.g6, c.g6, TOLERANCE.closedForm, at);
    log.check('average_r', res.averageR, c.average_r, TOLERANCE.closedForm, at);
    res.items.forEach((item, i) => {
      log.check('drop G6(smc), singular R', item.dropped.g6, c.drop_g6[i]!, TOLERANCE.closedForm, {
        ...at,
        floor: 1e-6,
      });
      log.check(
        'drop raw_alpha',
        item.alphaIfDropped,
        c.drop_raw_alpha[i]!,
        TOLERANCE.closedForm,
        at,
      );
    });
    // psych warns (and names the items) only without keys; with the right keys nothing is left to name
    if (c.reverse.length === 0 && c.psych_warnings.some((w) => /negatively correlated/.test(w))) {
      expect(res.warnings).toEqual([
        `Some items (${c.negative_first_component.join(', ')}) correlate negatively with the total scale and probably should be reversed (psych alpha() warns the same).`,
      ]);
    }
    if (id === 'bfi_C_keys_C4_C5' || id === 'duplicated_item') expect(res.warnings).toEqual([]);
  });
});

describe('alpha errors', () => {
  const small: DataSet = {
    columns: ['a', 'b', 'c'],
    rows: [
      [1, 2, 3],
      [2, 2, 4],
      [3, 2, NaN],
      [4, 2, 1],
    ],
  };
  it('rejects an unknown column', () => {
    expect(() => alpha(small, ['a', 'zz'])).toThrow(UnknownColumnError);
    expect(() => alpha(small, ['a', 'zz'])).toThrow('Unknown column "zz"; the data has: a, b, c.');
  });
  it('names an item without any answer as empty', () => {
    const d: DataSet = {
      columns: ['a', 'b', 'c'],
      rows: small.rows.map((r) => [r[0]!, NaN, r[2]!]),
    };
    expect(() => alpha(d, ['a', 'b', 'c'])).toThrow(EmptyItemError);
    expect(() => alpha(d, ['a', 'b', 'c'])).toThrow(
      'Item "b" has no answers: every value is missing (an empty column?).',
    );
  });
  it('rejects a constant item with a clear message', () => {
    expect(() => alpha(small, ['a', 'b', 'c'])).toThrow(ConstantItemError);
    expect(() => alpha(small, ['a', 'b'])).toThrow('Item "b" has zero variance');
  });
  it('rejects empty input and too few items', () => {
    expect(() => alpha({ columns: ['a', 'c'], rows: [] }, ['a', 'c'])).toThrow(TooFewRowsError);
    expect(() => alpha(small, ['a'])).toThrow(InvalidArgumentError);
    expect(() => alpha(small, ['a', 'c'], { reverse: ['b'] })).toThrow(InvalidArgumentError);
  });
  it('rejects a pair of items never answered together', () => {
    const d: DataSet = {
      columns: ['a', 'b'],
      rows: [
        [1, NaN],
        [2, NaN],
        [NaN, 3],
        [NaN, 1],
      ],
    };
    expect(() => alpha(d, ['a', 'b'])).toThrow(TooFewRowsError);
  });
  it('skips NaN cells pairwise (HS x1..x3 with holes still runs and n = nrow)', () => {
    const rows = hs.rows.map((r, i) => r.map((v, j) => (i % 7 === j % 3 ? NaN : v)));
    const res = alpha({ columns: hs.columns, rows }, ['x1', 'x2', 'x3']);
    expect(res.n).toBe(hs.rows.length);
    expect(Number.isFinite(res.alpha)).toBe(true);
  });
});

describe('alpha properties (fast-check)', () => {
  it('alpha ≤ 1 and std alpha ≤ 1 for any non-degenerate data', () => {
    const row = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 5, maxLength: 40 }), (rows) => {
        const data: DataSet = { columns: ['a', 'b', 'c', 'd'], rows };
        let res;
        try {
          res = alpha(data, ['a', 'b', 'c', 'd'], { reverse: ['b'] });
        } catch (e) {
          if (e instanceof ConstantItemError) return true;
          throw e;
        }
        return (
          res.alpha <= 1 + 1e-12 && res.stdAlpha <= 1 + 1e-12 && res.ciFeldt[0] <= res.ciFeldt[1]
        );
      }),
      { numRuns: 200 },
    );
  });
});
