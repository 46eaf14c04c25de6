/**
 * survey::rake (survey 4.1-1, R 4.2.2) reference values from test-vectors.json (rake_counts_default,
 * rake_counts_tight, rake_scaled_to_n_default), data = CSV export of psych::bfi.
 * Tolerance 1e-9 relative on weights, Σw, Kish deff, weighted mean and achieved margins
 * (observed ≤ ~1e-13; REFERENCE_DEVIATIONS=1 prints the largest per statistic).
 */
import fc from 'fast-check';
import { deviationLog, loadCsv, testVectors, type RakeVector } from '../../testing';
import { TooFewRowsError } from '../scoring/errors';
import { InvalidMarginsError, kishDeff, rake, RakeNonConvergenceError, weightedMean } from './rake';

const TOL = 1e-9;
const tv = testVectors();
const bfi = loadCsv('bfi.csv');
const log = deviationLog('rake (survey 4.1-1)');

// d <- bfi[!is.na(bfi$education), c("gender","education","age","A2","C1")]; d <- d[complete.cases(d),]
const [gender, education, age, a2, c1] = ['gender', 'education', 'age', 'A2', 'C1'].map((c) =>
  bfi.column(c),
) as [number[], number[], number[], number[], number[]];
const keep = gender
  .map((_, i) => i)
  .filter((i) => [gender, education, age, a2, c1].every((col) => !Number.isNaN(col[i] as number)));
// agegrp = cut(age, c(0,20,30,40,Inf), right = FALSE)
const ageGroup = (x: number): string =>
  x < 20 ? '<20' : x < 30 ? '20-29' : x < 40 ? '30-39' : '40+';
const rows = keep.map((i) => [
  gender[i] === 1 ? 'male' : 'female',
  ageGroup(age[i] as number),
  String(education[i]),
]);
const y = keep.map((i) => a2[i] as number);

function pops(scale: number): Record<string, Record<string, number>> {
  const p = tv.rake_counts_default.pops as Record<string, Record<string, string | number>[]>;
  const out: Record<string, Record<string, number>> = {};
  for (const [v, entries] of Object.entries(p)) {
    out[v] = Object.fromEntries(entries.map((e) => [String(e[v]), (e['Freq'] as number) * scale]));
  }
  return out;
}

function checkAgainst(ref: RakeVector, res: ReturnType<typeof rake>): void {
  expect(rows).toHaveLength(ref.n);
  log.check('sum_w', res.sumW, ref.sum_w, TOL);
  ref.first10_w.forEach((w, i) => log.check('weights', res.weights[i] as number, w, TOL));
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = r.join('|');
    const want = ref.cell_weights[key];
    if (want === undefined) throw new Error(`no R cell weight for ${key}`);
    log.check('weights', res.weights[i] as number, want, TOL);
    seen.add(key);
  });
  expect(seen.size).toBe(Object.keys(ref.cell_weights).length);
  log.check('kish_deff', kishDeff(res.weights), ref.kish_deff, TOL);
  log.check('weighted mean', weightedMean(y, res.weights), ref.mean_A2, TOL);
  for (const [v, levels] of Object.entries(ref.margins)) {
    for (const [l, want] of Object.entries(levels)) {
      log.check('margins', res.achieved[v]?.[l] as number, want, TOL);
    }
  }
}

describe('rake vs survey::rake on bfi (survey 4.1-1)', () => {
  it(`default control (maxit = 10, epsilon = 1): 7 sweeps, margins not exact — ${tv.rake_counts_default.code ?? ''}`, () => {
    const res = rake(rows, pops(1), { epsilon: 1, maxPasses: 10 });
    expect(res.converged).toBe(true);
    expect(res.iterations).toBe(7);
    checkAgainst(tv.rake_counts_default, res);
  });
  it('control = list(maxit = 100, epsilon = 1e-12): converged', () => {
    const res = rake(rows, pops(1), { epsilon: 1e-12, maxPasses: 100 });
    expect(res.converged).toBe(true);
    checkAgainst(tv.rake_counts_tight, res);
  });
  it('margins scaled to n = 2531, default control: 4 sweeps', () => {
    const res = rake(rows, pops(2531 / 1e6), { epsilon: 1, maxPasses: 10 });
    expect(res.iterations).toBe(4);
    checkAgainst(tv.rake_scaled_to_n_default, res);
  });
  it('takes rows as objects with margins keyed by variable, and margins as Maps', () => {
    const objects = rows.map(([g, a, e]) => ({
      gender: g as string,
      agegrp: a as string,
      education: e as string,
    }));
    const p = pops(1);
    const a = rake(objects, p, { epsilon: 1, maxPasses: 10 });
    const b = rake(
      rows,
      [
        new Map(Object.entries(p['gender']!)),
        new Map(Object.entries(p['agegrp']!)),
        new Map(Object.entries(p['education']!)),
      ],
      { epsilon: 1, maxPasses: 10 },
    );
    expect(a.weights).toEqual(b.weights);
  });
});

describe('rake errors', () => {
  const small = [
    ['a', 'x'],
    ['b', 'y'],
    ['a', 'y'],
  ];
  it('rejects a data level missing from the margins', () => {
    expect(() => rake(small, [{ a: 1 }, { x: 1, y: 2 }])).toThrow(InvalidMarginsError);
    expect(() => rake(small, [{ a: 1 }, { x: 1, y: 2 }])).toThrow(
      'Level "b" of margin 1 (row 2) is not in the margins; they have: a.',
    );
  });
  it('rejects a margin level with no rows', () => {
    expect(() => rake(small, { sex: { a: 1, b: 1, c: 1 }, age: { x: 1, y: 2 } })).toThrow(
      'Margin level "c" of sex has no rows in the data.',
    );
  });
  it('rejects non-positive counts and empty input', () => {
    expect(() =>
      rake(small, [
        { a: 1, b: 0 },
        { x: 1, y: 2 },
      ]),
    ).toThrow(InvalidMarginsError);
    expect(() => rake([], [{ a: 1 }])).toThrow(TooFewRowsError);
  });
  it('warns when it stops with a margin unmet (two variables that split the rows alike)', () => {
    // sex and gender are the same split, with 60/40 and 50/50 asked: each sweep ends at 50/50, the
    // joint table stops changing, and survey::rake would return without a word
    const same = [
      ['f', 'F'],
      ['f', 'F'],
      ['m', 'M'],
      ['m', 'M'],
    ];
    const res = rake(same, { sex: { f: 60, m: 40 }, gender: { F: 50, M: 50 } });
    expect(res.converged).toBe(true);
    expect(res.achieved['sex']).toEqual({ f: 50, m: 50 });
    expect(res.warnings).toEqual([
      'The margin of sex is not met: f 50 (target 60), m 50 (target 40).',
    ]);
    // the survey defaults leave margins 0.05 weight units off 1e6 totals: met within 1e-6
    expect(rake(rows, pops(1), { epsilon: 1, maxPasses: 10 }).warnings).toEqual([]);
  });
  it('throws on non-convergence unless allowed (survey warns and returns the last weights)', () => {
    const opts = { epsilon: 1e-15, maxPasses: 2 };
    expect(() => rake(rows, pops(1), opts)).toThrow(RakeNonConvergenceError);
    expect(() => rake(rows, pops(1), opts)).toThrow(/Raking did not converge after 2 sweeps/);
    const res = rake(rows, pops(1), { ...opts, allowNonConvergence: true });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(2);
  });
  it('kishDeff and weightedMean: empty input, NaN skipped, mismatched lengths', () => {
    expect(() => kishDeff([])).toThrow(TooFewRowsError);
    expect(weightedMean([1, NaN, 3], [1, 100, 3])).toBe(2.5);
    expect(() => weightedMean([NaN], [1])).toThrow(TooFewRowsError);
    expect(() => weightedMean([1, 2], [1])).toThrow('There are 1 weights for 2 values.');
    expect(kishDeff([2, 2, 2])).toBe(1);
  });
});

describe('rake properties (fast-check)', () => {
  it('raked margins hit their targets within 1e-8 relative', () => {
    // Margins are the totals of a random positive weighting of the rows, so an exact fit exists.
    const row = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 3 }),
      fc.double({ min: 0.2, max: 5, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 12, maxLength: 80 }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        (cells, scale) => {
          const data = cells.map(([a, b]) => [`a${a}`, `b${b}`]);
          const ma: Record<string, number> = {};
          const mb: Record<string, number> = {};
          cells.forEach(([a, b, w]) => {
            ma[`a${a}`] = (ma[`a${a}`] ?? 0) + w * scale;
            mb[`b${b}`] = (mb[`b${b}`] ?? 0) + w * scale;
          });
          // stop when the joint table moves by < 1e-12 of the population total (survey: relative to n)
          const total = Object.values(ma).reduce((t, v) => t + v, 0);
          const res = rake(data, [ma, mb], {
            epsilon: (1e-12 * total) / data.length,
            maxPasses: 10000,
          });
          const ok = (m: Record<string, number>, col: 0 | 1): boolean =>
            Object.entries(m).every(([l, t]) => {
              const got = data.reduce(
                (s, r, i) => s + (r[col] === l ? (res.weights[i] as number) : 0),
                0,
              );
              return Math.abs(got - t) <= 1e-8 * t;
            });
          return res.converged && ok(ma, 0) && ok(mb, 1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
