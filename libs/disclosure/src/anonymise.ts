import { ImpossibleAnonymisationError, InvalidHierarchyError } from './errors';
import { resolveMinimumGroupSize } from './minimum-group-size';

/**
 * k-anonymity and l-diversity for record-level research exports, made rather than checked:
 *
 * 1. Global recoding: each quasi-identifier has a hierarchy of coarser levels (local authority →
 *    region; years since qualifying in wider bands; …) and, last, leaving the column out. Starting
 *    from the answers as given, the column whose next level protects the most records per unit of
 *    information lost is coarsened, one level at a time, until at most `maxSuppressedShare` of the
 *    records sit in classes of fewer than k (a class: the records sharing every quasi-identifier).
 * 2. Local suppression: the records still in classes under k have every removable quasi-identifier
 *    blanked, so together they form one class per combination of the columns that cannot be removed
 *    (wave, service). Coarsening goes on until each such blank class is empty or reaches k itself;
 *    a record the plan did not see is withheld.
 * 3. Distinct l-diversity: in every released class, a sensitive variable with exactly one known
 *    value (fewer than l distinct values, l = 2) is blanked for the whole class.
 *
 * The planner sees only small integer codes (the caller keeps the meaning); the same codes given to
 * `release` say how a record appears in the export. Classes are counted in one pass per candidate
 * level, so a plan over 100,000 records with a dozen quasi-identifiers takes well under a second.
 */

export interface QuasiIdentifierColumn {
  readonly name: string;
  /** Each record's code as answered (level 0): whole numbers from 0. */
  readonly codes: ArrayLike<number>;
  /**
   * Coarser levels, finest first: `levels[j][c]` is the code at level j + 1 of the level-0 code c.
   * Each level must merge groups of the level before it (a hierarchy).
   */
  readonly levels?: readonly (readonly number[])[];
  /** May the column be left out of the export as its last step (default true)? */
  readonly removable?: boolean;
}

export interface SensitiveColumn {
  readonly name: string;
  /** Each record's value; NaN when missing. */
  readonly values: ArrayLike<number>;
}

export interface AnonymisationOptions {
  /** Minimum class size (K, default 10). */
  readonly k?: number;
  /** Distinct values each sensitive variable needs within a class (default 2). */
  readonly l?: number;
  /** Share of records that local suppression may blank before a column is coarsened (default 0.05). */
  readonly maxSuppressedShare?: number;
}

export interface QuasiIdentifierOutcome {
  readonly name: string;
  /** 0 = as answered; j = the j-th coarser level; levels + 1 when removed. */
  readonly level: number;
  readonly removed: boolean;
  /** Released cells shown at a coarser level than answered. */
  readonly cellsGeneralised: number;
  /** Released cells blanked by local suppression. */
  readonly cellsSuppressed: number;
}

export interface SensitiveOutcome {
  readonly name: string;
  /** Classes in which the variable was blanked (one known value only). */
  readonly classesBlanked: number;
  /** Known values blanked. */
  readonly cellsBlanked: number;
}

/** How one record appears in the export. */
export interface ReleasedRecord {
  /** Per quasi-identifier, in the order given: the code at its level, or null (suppressed or removed). */
  readonly codes: readonly (number | null)[];
  /** Per sensitive variable, in the order given: blank it in this record. */
  readonly blankSensitive: readonly boolean[];
  readonly suppressed: boolean;
}

export interface AnonymisationPlan {
  readonly k: number;
  readonly l: number;
  readonly records: number;
  readonly quasiIdentifiers: readonly QuasiIdentifierOutcome[];
  readonly sensitive: readonly SensitiveOutcome[];
  /** Records whose removable quasi-identifiers were all blanked. */
  readonly suppressedRecords: number;
  /** Records left out (their blank class would have had fewer than k). */
  readonly withheldRecords: number;
  /**
   * The released form of a record given its level-0 codes and sensitive values (as planned); null
   * when it is withheld. A combination the plan never saw is withheld.
   */
  release(codes: readonly number[], sensitive: readonly number[]): ReleasedRecord | null;
}

interface Hierarchy {
  readonly name: string;
  readonly codes: Int32Array;
  /** lookup[level][code0] for level 0..levels (level 0 is the identity). */
  readonly lookup: readonly Int32Array[];
  /** Codes per level (max + 1). */
  readonly cardinality: readonly number[];
  /** Distinct codes seen per level (for information loss). */
  readonly distinct: readonly number[];
  readonly removable: boolean;
  /** Highest level: lookup.length when removable (= removed); 0 when it cannot be coarsened. */
  readonly top: number;
}

function hierarchyOf(column: QuasiIdentifierColumn, n: number): Hierarchy {
  if (column.codes.length !== n)
    throw new InvalidHierarchyError(
      column.name,
      `has ${column.codes.length} codes for ${n} records`,
    );
  const codes = new Int32Array(n);
  let max = -1;
  for (let i = 0; i < n; i++) {
    const c = column.codes[i] as number;
    if (!Number.isInteger(c) || c < 0)
      throw new InvalidHierarchyError(column.name, `code ${String(c)} is not a whole number ≥ 0`);
    codes[i] = c;
    if (c > max) max = c;
  }
  const card0 = max + 1;
  const identity = new Int32Array(card0).map((_, i) => i);
  const lookup: Int32Array[] = [identity];
  for (const [j, level] of (column.levels ?? []).entries()) {
    const table = new Int32Array(card0);
    for (let c = 0; c < card0; c++) {
      const mapped = level[c];
      if (mapped === undefined || !Number.isInteger(mapped) || mapped < 0)
        throw new InvalidHierarchyError(column.name, `level ${j + 1} has no group for code ${c}`);
      table[c] = mapped;
    }
    // A hierarchy: records together at the level below stay together.
    const below = lookup[lookup.length - 1] as Int32Array;
    const seen = new Map<number, number>();
    for (let c = 0; c < card0; c++) {
      const previous = seen.get(below[c] as number);
      if (previous !== undefined && previous !== table[c])
        throw new InvalidHierarchyError(column.name, `level ${j + 1} splits a group of level ${j}`);
      seen.set(below[c] as number, table[c] as number);
    }
    lookup.push(table);
  }
  const cardinality = lookup.map((t) => t.reduce((m, v) => Math.max(m, v), -1) + 1);
  const distinct = lookup.map((t) => {
    const present = new Set<number>();
    for (let i = 0; i < n; i++) present.add(t[codes[i] as number] as number);
    return present.size;
  });
  const removable = column.removable ?? true;
  return {
    name: column.name,
    codes,
    lookup,
    cardinality,
    distinct,
    removable,
    top: removable ? lookup.length : 0,
  };
}

const SAFE_SPAN = 2 ** 52;

/** Renumbers keys densely (0..distinct − 1) so more columns fit in a double. */
function renumber(keys: Float64Array): number {
  const ids = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size;
      ids.set(k, id);
    }
    keys[i] = id;
  }
  return Math.max(1, ids.size);
}

/**
 * Each record's class at the given levels as a number (two records share a class exactly when
 * their numbers are equal), built a column at a time over typed arrays.
 */
function classKeys(hs: readonly Hierarchy[], levels: readonly number[], n: number): Float64Array {
  const keys = new Float64Array(n);
  let span = 1;
  hs.forEach((h, q) => {
    const table = h.lookup[levels[q] as number];
    if (table === undefined) return; // removed
    const radix = h.cardinality[levels[q] as number] as number;
    if (radix <= 1) return;
    if (span * radix >= SAFE_SPAN) span = renumber(keys);
    const codes = h.codes;
    for (let i = 0; i < n; i++)
      keys[i] = (keys[i] as number) * radix + (table[codes[i] as number] as number);
    span *= radix;
  });
  return keys;
}

function countsOf(keys: Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Each record's group of the columns that cannot be coarsened (wave × service), numbered densely. */
function fixedGroups(hs: readonly Hierarchy[], n: number): { group: Int32Array; size: number } {
  const keys = classKeys(
    hs.filter((h) => !h.removable),
    hs.filter((h) => !h.removable).map(() => 0),
    n,
  );
  const size = renumber(keys);
  return { group: Int32Array.from(keys), size: n === 0 ? 0 : size };
}

/**
 * Records in classes under k, and whether local suppression could release them: their blank class
 * in each group that cannot be coarsened (wave × service) must be empty or reach k itself.
 */
function recordsAtRisk(
  hs: readonly Hierarchy[],
  levels: readonly number[],
  n: number,
  k: number,
  fixed: { group: Int32Array; size: number },
): { readonly atRisk: number; readonly releasable: boolean } {
  const keys = classKeys(hs, levels, n);
  const counts = countsOf(keys);
  const perGroup = new Int32Array(fixed.size);
  let atRisk = 0;
  for (let i = 0; i < n; i++) {
    if ((counts.get(keys[i] as number) as number) >= k) continue;
    atRisk++;
    const g = fixed.group[i] as number;
    perGroup[g] = (perGroup[g] as number) + 1;
  }
  return { atRisk, releasable: perGroup.every((c) => c === 0 || c >= k) };
}

/** Share of a column's information a step loses: the drop in log(distinct values), normalised. */
function stepLoss(h: Hierarchy, level: number): number {
  const d = (j: number) => (j >= h.lookup.length ? 1 : Math.max(1, h.distinct[j] as number));
  const whole = Math.log(Math.max(2, d(0)));
  return Math.max(1e-9, (Math.log(d(level)) - Math.log(d(level + 1))) / whole);
}

/** Plans the release of `n` records (see the file comment). Throws ImpossibleAnonymisationError. */
export function planAnonymisation(
  quasiIdentifiers: readonly QuasiIdentifierColumn[],
  sensitive: readonly SensitiveColumn[],
  options: AnonymisationOptions = {},
): AnonymisationPlan {
  const k = resolveMinimumGroupSize(options.k);
  const l = options.l ?? 2;
  const maxShare = options.maxSuppressedShare ?? 0.05;
  const n = quasiIdentifiers[0]?.codes.length ?? sensitive[0]?.values.length ?? 0;
  const hs = quasiIdentifiers.map((q) => hierarchyOf(q, n));
  for (const s of sensitive)
    if (s.values.length !== n)
      throw new InvalidHierarchyError(s.name, `has ${s.values.length} values for ${n} records`);

  // Groups that can never be coarsened must each reach k on their own.
  const fixed = fixedGroups(hs, n);
  const groupCounts = new Int32Array(fixed.size);
  const groupFirst = new Int32Array(fixed.size).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = fixed.group[i] as number;
    groupCounts[g] = (groupCounts[g] as number) + 1;
    if (groupFirst[g] === -1) groupFirst[g] = i;
  }
  const tooSmall = [...groupCounts.keys()].filter((g) => (groupCounts[g] as number) < k);
  if (tooSmall.length > 0) {
    throw new ImpossibleAnonymisationError(
      tooSmall.map((g) => {
        const i = groupFirst[g] as number;
        const values: Record<string, number> = {};
        for (const h of hs) if (!h.removable) values[h.name] = h.codes[i] as number;
        return { values, count: groupCounts[g] as number };
      }),
      k,
    );
  }

  // 1. Global recoding, greedily.
  const levels = hs.map(() => 0);
  const allowed = Math.floor(maxShare * n);
  let current = recordsAtRisk(hs, levels, n, k, fixed);
  while (current.atRisk > allowed || !current.releasable) {
    let best: {
      q: number;
      score: number;
      after: number;
      loss: number;
      releasable: boolean;
    } | null = null;
    for (let q = 0; q < hs.length; q++) {
      const h = hs[q] as Hierarchy;
      const level = levels[q] as number;
      if (level >= h.top) continue;
      levels[q] = level + 1;
      const next = recordsAtRisk(hs, levels, n, k, fixed);
      levels[q] = level;
      const loss = stepLoss(h, level);
      const score = (current.atRisk - next.atRisk) / loss;
      const better =
        best === null ||
        score > best.score ||
        (score === best.score &&
          (next.atRisk < best.after || (next.atRisk === best.after && loss < best.loss)));
      if (better) best = { q, score, after: next.atRisk, loss, releasable: next.releasable };
    }
    if (best === null) break;
    levels[best.q] = (levels[best.q] as number) + 1;
    current = { atRisk: best.after, releasable: best.releasable };
  }

  // 2. Local suppression: a record in a class under k joins its wave × service's blank class,
  //    numbered −1 − group so that it never meets a class key (those are ≥ 0).
  const keys = classKeys(hs, levels, n);
  const counts = countsOf(keys);
  const blankCounts = new Int32Array(fixed.size);
  for (let i = 0; i < n; i++) {
    if ((counts.get(keys[i] as number) as number) >= k) continue;
    const g = fixed.group[i] as number;
    blankCounts[g] = (blankCounts[g] as number) + 1;
  }
  /** The released class of record i, or null when it is withheld. */
  const releasedClass = (i: number): number | null => {
    const key = keys[i] as number;
    if ((counts.get(key) as number) >= k) return key;
    const g = fixed.group[i] as number;
    return (blankCounts[g] as number) >= k ? -1 - g : null;
  };

  // 3. l-diversity per released class: up to l distinct known values of each sensitive variable.
  const diversity = new Map<number, Set<number>[]>();
  for (let i = 0; i < n; i++) {
    const key = releasedClass(i);
    if (key === null) continue;
    let seen = diversity.get(key);
    if (!seen) {
      seen = sensitive.map(() => new Set<number>());
      diversity.set(key, seen);
    }
    sensitive.forEach((s, j) => {
      const v = s.values[i] as number;
      const values = seen[j] as Set<number>;
      if (!Number.isNaN(v) && values.size < l) values.add(v);
    });
  }
  /** Fewer than l known values (but some): the variable is blanked for the class; none tells nothing. */
  const blankedClass = (key: number, j: number): boolean => {
    const size = diversity.get(key)?.[j]?.size ?? 0;
    return size > 0 && size < l;
  };

  let suppressedRecords = 0;
  let withheldRecords = 0;
  const generalised = new Float64Array(hs.length);
  const suppressedCells = new Float64Array(hs.length);
  const sensitiveCells = new Float64Array(sensitive.length);
  for (let i = 0; i < n; i++) {
    const key = releasedClass(i);
    if (key === null) {
      withheldRecords++;
      continue;
    }
    const isSuppressed = key < 0;
    if (isSuppressed) suppressedRecords++;
    hs.forEach((h, q) => {
      const level = levels[q] as number;
      if (level >= h.lookup.length) return;
      if (isSuppressed && h.removable) suppressedCells[q] = (suppressedCells[q] ?? 0) + 1;
      else if (level > 0) generalised[q] = (generalised[q] ?? 0) + 1;
    });
    sensitive.forEach((s, j) => {
      if (!Number.isNaN(s.values[i]) && blankedClass(key, j))
        sensitiveCells[j] = (sensitiveCells[j] ?? 0) + 1;
    });
  }
  const sensitiveOutcomes = sensitive.map((s, j) => {
    let classesBlanked = 0;
    for (const key of diversity.keys()) if (blankedClass(key, j)) classesBlanked++;
    return { name: s.name, classesBlanked, cellsBlanked: sensitiveCells[j] as number };
  });

  // release() finds a record's class from its codes: every combination seen, by its shown codes.
  const shownCodes = (codes0: readonly number[], out: number[]): string => {
    hs.forEach((h, q) => {
      const table = h.lookup[levels[q] as number];
      out[q] = table === undefined ? -1 : (table[codes0[q] as number] ?? -2);
    });
    return out.join(',');
  };
  const fixedOf = (codes0: readonly number[]): string =>
    hs.map((h, q) => (h.removable ? '' : String(codes0[q]))).join(',');
  const classOfShown = new Map<string, number>();
  const groupOfFixed = new Map<string, number>();
  {
    const out: number[] = new Array<number>(hs.length);
    const codes0: number[] = new Array<number>(hs.length);
    const firstOfClass = new Set<number>();
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      const g = fixed.group[i] as number;
      if (firstOfClass.has(key) && groupOfFixed.size === fixed.size) continue;
      hs.forEach((h, q) => (codes0[q] = h.codes[i] as number));
      if (!firstOfClass.has(key)) {
        firstOfClass.add(key);
        classOfShown.set(shownCodes(codes0, out), key);
      }
      groupOfFixed.set(fixedOf(codes0), g);
    }
  }
  const scratch: number[] = new Array<number>(hs.length);
  const release = (codes0: readonly number[], values: readonly number[]): ReleasedRecord | null => {
    if (codes0.length !== hs.length)
      throw new InvalidHierarchyError('release', 'wrong number of codes');
    const key = classOfShown.get(shownCodes(codes0, scratch));
    if (key === undefined) return null;
    let released = key;
    const isSuppressed = (counts.get(key) as number) < k;
    if (isSuppressed) {
      const g = groupOfFixed.get(fixedOf(codes0));
      if (g === undefined || (blankCounts[g] as number) < k) return null;
      released = -1 - g;
    }
    return {
      codes: hs.map((h, q) => {
        if (isSuppressed && h.removable) return null;
        const shown = scratch[q] as number;
        return shown < 0 ? null : shown;
      }),
      blankSensitive: sensitive.map(
        (_, j) => !Number.isNaN(values[j] ?? Number.NaN) && blankedClass(released, j),
      ),
      suppressed: isSuppressed,
    };
  };

  return {
    k,
    l,
    records: n,
    quasiIdentifiers: hs.map((h, q) => ({
      name: h.name,
      level: levels[q] as number,
      removed: (levels[q] as number) >= h.lookup.length,
      cellsGeneralised: generalised[q] as number,
      cellsSuppressed: suppressedCells[q] as number,
    })),
    sensitive: sensitiveOutcomes,
    suppressedRecords,
    withheldRecords,
    release,
  };
}
