import fc from 'fast-check';
import {
  checkKAnonymity,
  findDifferencingViolations,
  protectDistribution,
  suppressAcrossDimensions,
  suppressGroups,
  type DimensionSpec,
  type RespondentGroups,
} from './index';

/*
 * Property tests over random populations. Membership (see differencing-audit.ts): a group's members
 * are the respondents whose key for that dimension is the group's key. The brute-force checker below
 * builds every set a viewer can see as an explicit set of respondents and compares all pairs, so it is
 * independent of the library's cross-tabulation and subset-sum shortcuts.
 */

/** Small seeded generator so that fast-check's seed drives respondent assignment reproducibly. */
/** Runs per property; raise it locally for a soak, e.g. DISCLOSURE_PROPERTY_RUNS=20000. */
const RUNS = Number(process.env['DISCLOSURE_PROPERTY_RUNS'] ?? 0) || undefined;
const runs = (normal: number): number => RUNS ?? normal;

function prng(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

type OtherDimension = { kind: 'random' | 'coarsen' | 'perturb'; groups: number; seed: number };
interface Population {
  k: number;
  records: RespondentGroups[];
  dimensions: DimensionSpec[];
}

function buildPopulation(k: number, sizes: number[], others: OtherDimension[]): Population {
  const first: number[] = sizes.flatMap((size, g) => Array.from({ length: size }, () => g));
  const n = first.length;
  const columns: number[][] = [first];
  for (const other of others) {
    const random = prng(other.seed);
    if (other.kind === 'coarsen') {
      // A hierarchy: every group of the first dimension sits inside one group of this one.
      const parent = sizes.map(() => random(other.groups));
      columns.push(first.map((g) => parent[g] ?? 0));
    } else if (other.kind === 'perturb') {
      // Nearly the first dimension: a few respondents moved, so groups differ by a handful of people.
      const column = [...first];
      const moves = random(13);
      for (let m = 0; m < moves && n > 0; m++)
        column[random(n)] = random(Math.max(other.groups, sizes.length));
      columns.push(column);
    } else {
      // Independent groups of random sizes 0–60 cut from a shuffled population.
      const order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = random(i + 1);
        [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
      }
      const column = new Array<number>(n).fill(other.groups - 1);
      let at = 0;
      for (let g = 0; g < other.groups - 1; g++) {
        const size = random(61);
        for (let s = 0; s < size && at < n; s++, at++) column[order[at] ?? 0] = g;
      }
      columns.push(column);
    }
  }
  const dimensions = columns.map((_, d) => ({ name: `d${d}` }));
  const records = Array.from({ length: n }, (_, r) =>
    Object.fromEntries(columns.map((column, d) => [`d${d}`, `g${column[r] ?? 0}`])),
  );
  return { k, records, dimensions };
}

const populations = fc
  .record({
    k: fc.integer({ min: 5, max: 15 }),
    sizes: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }),
    others: fc.array(
      fc.record({
        kind: fc.constantFrom<OtherDimension['kind']>('random', 'coarsen', 'perturb'),
        groups: fc.integer({ min: 1, max: 5 }),
        seed: fc.integer(),
      }),
      { maxLength: 2 },
    ),
  })
  .map(({ k, sizes, others }) => buildPopulation(k, sizes, others));

/** Bitset of respondents. */
type Members = Uint32Array;
const popcount = (x: number): number => {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};
const distance = (a: Members, b: Members): number => {
  let sum = 0;
  for (let w = 0; w < a.length; w++) sum += popcount((a[w] ?? 0) ^ (b[w] ?? 0));
  return sum;
};

/** Every set one viewer can see: ∅, T (if N ≥ K), unions of served groups per dimension and T minus them. */
function visibleSets(
  population: Population,
  served: Readonly<Record<string, readonly string[]>>,
): Members[] {
  const n = population.records.length;
  const words = Math.ceil(n / 32) || 1;
  const totalVisible = n >= population.k;
  const byKey = new Map<string, Members>();
  const add = (set: Members): void => {
    byKey.set(set.join(','), set);
  };
  for (const dimension of population.dimensions) {
    const groups = (served[dimension.name] ?? []).map((key) => {
      const set = new Uint32Array(words);
      population.records.forEach((record, r) => {
        if (record[dimension.name] === key) set[r >>> 5] = (set[r >>> 5] ?? 0) | (1 << (r & 31));
      });
      return set;
    });
    for (let mask = 0; mask < 2 ** groups.length; mask++) {
      const union = new Uint32Array(words);
      groups.forEach((set, g) => {
        if (mask & (1 << g))
          for (let w = 0; w < words; w++) union[w] = (union[w] ?? 0) | (set[w] ?? 0);
      });
      add(union);
      if (totalVisible) {
        const complement = new Uint32Array(words);
        for (let r = 0; r < n; r++)
          if (!((union[r >>> 5] ?? 0) & (1 << (r & 31))))
            complement[r >>> 5] = (complement[r >>> 5] ?? 0) | (1 << (r & 31));
        add(complement);
      }
    }
  }
  add(new Uint32Array(words));
  return [...byKey.values()];
}

function bruteForceSmallestBadDifference(
  population: Population,
  served: Readonly<Record<string, readonly string[]>>,
): number | null {
  const sets = visibleSets(population, served);
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const d = distance(sets[a] ?? new Uint32Array(), sets[b] ?? new Uint32Array());
      if (d > 0 && d < population.k) return d;
    }
  }
  return null;
}

/** Served groups as a naive report would have them: every group of K or more, no complements. */
function naiveServed(population: Population): Record<string, string[]> {
  return Object.fromEntries(
    population.dimensions.map((dimension) => {
      const counts = new Map<string, number>();
      for (const record of population.records) {
        const key = record[dimension.name] ?? '';
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [dimension.name, [...counts].filter(([, c]) => c >= population.k).map(([key]) => key)];
    }),
  );
}

describe('properties: suppressAcrossDimensions over random populations', () => {
  it('serves only cells of K or more, and every pair of visible sets differs by 0 or ≥ K respondents', () => {
    let crossDimensionRuns = 0;
    fc.assert(
      fc.property(populations, (population) => {
        const { k, records, dimensions } = population;
        const result = suppressAcrossDimensions(records, dimensions, { k });
        for (const dimension of result.dimensions) {
          for (const cell of dimension.groups) {
            if (!cell.suppressed) expect(cell.n).toBeGreaterThanOrEqual(k);
          }
          // total − Σ served is the suppressed block: 0 or ≥ K (when the total is shown at all).
          if (!result.total.suppressed) {
            const servedSum = dimension.groups.reduce((acc, cell) => acc + (cell.n ?? 0), 0);
            const left = result.total.n - servedSum;
            expect(left === 0 || left >= k).toBe(true);
          } else {
            expect(dimension.groups.every((cell) => cell.suppressed)).toBe(true);
          }
        }
        expect(bruteForceSmallestBadDifference(population, result.served)).toBeNull();
        expect(findDifferencingViolations(records, dimensions, result.served, { k })).toEqual([]);
        if (
          result.dimensions.some((d) =>
            d.groups.some((g) => g.suppressed && g.reason === 'differencing'),
          )
        ) {
          crossDimensionRuns += 1;
        }
      }),
      { numRuns: runs(300) },
    );
    // Populations must include cases that per-dimension suppression alone would have left unsafe.
    expect(crossDimensionRuns).toBeGreaterThan(0);
  });

  it('the library audit agrees with the brute-force check on unprotected (naive) releases', () => {
    const outcomes = { safe: 0, unsafe: 0 };
    fc.assert(
      fc.property(populations, (population) => {
        const served = naiveServed(population);
        const brute = bruteForceSmallestBadDifference(population, served);
        const audit = findDifferencingViolations(
          population.records,
          population.dimensions,
          served,
          { k: population.k },
        );
        expect(audit.length > 0).toBe(brute !== null);
        outcomes[brute === null ? 'safe' : 'unsafe'] += 1;
        for (const violation of audit) {
          expect(violation.difference).toBeGreaterThan(0);
          expect(violation.difference).toBeLessThan(population.k);
        }
      }),
      { numRuns: runs(300) },
    );
    // The generator must exercise both outcomes, or the agreement above proves little.
    expect(outcomes.safe).toBeGreaterThan(0);
    expect(outcomes.unsafe).toBeGreaterThan(0);
  });
});

describe('properties: suppressGroups for one dimension', () => {
  const groupLists = fc.record({
    k: fc.integer({ min: 5, max: 15 }),
    sizes: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }),
    unlisted: fc.integer({ min: 0, max: 20 }),
  });

  it('serves n ≥ K with its value, hides n and value otherwise, and leaves total − Σ served at 0 or ≥ K', () => {
    fc.assert(
      fc.property(groupLists, ({ k, sizes, unlisted }) => {
        const groups = sizes.map((n, i) => ({ key: `g${i}`, n, value: n * 2 }));
        const total = sizes.reduce((a, b) => a + b, 0) + unlisted;
        const cells = suppressGroups(groups, { k, total });
        let servedSum = 0;
        cells.forEach((cell, i) => {
          if (cell.suppressed) {
            expect(cell.n).toBeNull();
            expect(cell.value).toBeNull();
          } else {
            expect(cell.n).toBeGreaterThanOrEqual(k);
            expect(cell.n).toBe(sizes[i]);
            expect(cell.value).toBe((sizes[i] ?? 0) * 2);
            servedSum += cell.n;
          }
        });
        const left = total - servedSum;
        // Below K the total itself is not shown, so nothing is served to subtract from it.
        if (total < k) expect(cells.every((c) => c.suppressed)).toBe(true);
        else expect(left === 0 || left >= k).toBe(true);
        // Complementary suppression costs at most one extra group.
        expect(
          cells.filter((c) => c.suppressed && c.reason === 'complementary').length,
        ).toBeLessThanOrEqual(1);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('properties: protectDistribution', () => {
  const keys = ['1', '2', '3', '4', '5'];
  const distributions = fc.record({
    k: fc.integer({ min: 5, max: 15 }),
    counts: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
    tiny: fc.boolean(),
    // A non-empty proper subset of the categories counts as favourable (bit i: category i + 1).
    favourableMask: fc.integer({ min: 1, max: 30 }),
    threeWay: fc.boolean(),
  });

  /** The rule, written out again independently of the library: every count 0 or ≥ K, and n − c ≥ K. */
  const safe = (counts: readonly number[], n: number, k: number): boolean =>
    n >= k && counts.every((c) => (c === 0 || c >= k) && n - c >= k);

  it('no served category reveals a group under K, directly or by subtraction from n', () => {
    fc.assert(
      fc.property(distributions, ({ k, counts, tiny, favourableMask, threeWay }) => {
        // "tiny" skews towards small non-zero cells and dominant answers.
        const input = Object.fromEntries(counts.map((c, i) => [keys[i] ?? '', tiny ? c % 4 : c]));
        const favourable = keys.filter((_, i) => favourableMask & (1 << i));
        const n = Object.values(input).reduce((a, b) => a + b, 0);
        const result = protectDistribution(input, {
          k,
          threeWay: threeWay ? undefined : null,
          twoWay: { favourable },
        });
        if (result.status === 'suppressed') {
          if (n < k) expect(result.n).toBeNull();
          return;
        }
        expect(result.n).toBe(n);
        expect(n).toBeGreaterThanOrEqual(k);
        const shown = Object.values(result.counts);
        expect(shown.reduce((a, b) => a + b, 0)).toBe(n);
        for (const c of shown) {
          expect(c === 0 || c >= k).toBe(true);
          expect(n - c).toBeGreaterThanOrEqual(k);
        }
        const total = Object.values(result.percentages).reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(100, 9);
        if (result.collapse === 'none') expect(result.counts).toEqual(input);
        if (result.collapse === 'two-way') {
          const inFavour = favourable.reduce((acc, key) => acc + (input[key] ?? 0), 0);
          expect(result.counts).toEqual({ favourable: inFavour, rest: n - inFavour });
        }
      }),
      { numRuns: runs(500) },
    );
  });

  it('serves the most detailed safe form, and a two-way split whenever it is safe', () => {
    const seen = { none: 0, 'three-way': 0, 'two-way': 0, suppressed: 0 };
    fc.assert(
      fc.property(distributions, ({ k, counts, tiny, favourableMask, threeWay }) => {
        const values = counts.map((c) => (tiny ? c % 4 : c));
        const input = Object.fromEntries(values.map((c, i) => [keys[i] ?? '', c]));
        const n = values.reduce((a, b) => a + b, 0);
        const inFavour = values.reduce((acc, c, i) => acc + (favourableMask & (1 << i) ? c : 0), 0);
        const asAnswered = safe(values, n, k);
        const at = (i: number): number => values[i] ?? 0;
        const three = threeWay && safe([at(0) + at(1), at(2), at(3) + at(4)], n, k);
        const two = safe([inFavour, n - inFavour], n, k);
        const result = protectDistribution(input, {
          k,
          threeWay: threeWay ? undefined : null,
          twoWay: { favourable: keys.filter((_, i) => favourableMask & (1 << i)) },
        });
        const expected = asAnswered ? 'none' : three ? 'three-way' : two ? 'two-way' : 'suppressed';
        expect(result.status === 'suppressed' ? 'suppressed' : result.collapse).toBe(expected);
        seen[expected] += 1;
      }),
      { numRuns: runs(1000) },
    );
    // Every outcome must occur, or the agreement above proves little.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
  });
});

describe('properties: checkKAnonymity', () => {
  it('reports exactly the quasi-identifier combinations held by fewer than k records', () => {
    const rows = fc.array(
      fc.record({ a: fc.integer({ min: 0, max: 2 }), b: fc.constantFrom('x', 'y', null) }),
      {
        maxLength: 80,
      },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 5, max: 15 }), (records, k) => {
        const violations = checkKAnonymity(records, ['a', 'b'], k);
        const counts = new Map<string, number>();
        for (const r of records)
          counts.set(`${r.a}|${String(r.b)}`, (counts.get(`${r.a}|${String(r.b)}`) ?? 0) + 1);
        const expected = [...counts.values()].filter((c) => c < k).length;
        expect(violations).toHaveLength(expected);
        for (const v of violations) {
          expect(v.count).toBe(counts.get(`${String(v.values.a)}|${String(v.values.b)}`));
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
