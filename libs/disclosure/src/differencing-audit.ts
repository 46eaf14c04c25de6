import {
  DisclosureViolationError,
  TooManyGroupsError,
  UnknownDimensionError,
  UnknownGroupKeyError,
} from './errors';
import { resolveMinimumGroupSize } from './minimum-group-size';
import {
  buildPartitions,
  crossTabulate,
  type DimensionSpec,
  type Partition,
  type RespondentGroups,
} from './partition';

/*
 * What a single viewer can see, and the rule it must satisfy.
 *
 * Membership: a group's members are the respondents whose answer for that dimension is the group's key.
 * A set is *visible* when its size and statistics can be read or computed from the report:
 *   - the empty set and the whole population T (T only when N >= K; below that the report shows nothing);
 *   - every served group, and every union of served groups of one dimension (n and mean combine);
 *   - T minus any such union (when T is visible), i.e. the suppressed groups plus some served ones.
 * Rule: for every pair A, B of visible sets, from the same or different dimensions, the symmetric
 * difference |A Δ B| is 0 or ≥ K. |A Δ B| is the number of people whose answers make up
 * n_A·mean_A − n_B·mean_B; when B ⊂ A it is exactly the group a viewer isolates by subtraction.
 * Pairs with A = ∅ give "every visible set is 0 or ≥ K"; A = T, B = served union gives
 * "total − Σ served is 0 or ≥ K".
 * Not covered: combinations of three or more sets from different dimensions, and sets made visible by
 * tables this library is not told about (cross-tabulations, other services or waves).
 */

/** One visible set, named by the groups of one dimension whose union it is. */
export interface VisibleSet {
  readonly dimension: string;
  /** Keys of the groups that make up the set; [] is the empty set, every key is the whole population. */
  readonly groups: readonly string[];
}

/** Two visible sets whose symmetric difference is between 1 and K − 1 respondents. */
export interface DifferencingViolation {
  readonly first: VisibleSet;
  readonly second: VisibleSet;
  readonly difference: number;
  readonly description: string;
}

/** Largest number of free choices (served groups + the suppressed block) enumerated for one dimension. */
export const MAX_ENUMERATED_GROUPS = 16;

/** Internal state shared with the cross-dimension suppressor. */
export interface AuditState {
  readonly partitions: readonly Partition[];
  readonly served: readonly (readonly boolean[])[];
  readonly k: number;
  readonly total: number;
}

/** The in/out choices that define a visible set of one dimension. */
interface Items {
  /** Indices of served groups; each may be in or out. */
  readonly served: readonly number[];
  /** Indices of suppressed non-empty groups; they are all in or all out (only via the total). */
  readonly hidden: readonly number[];
  /** Whether the hidden block may be "in" (requires a visible total). */
  readonly hiddenFree: boolean;
}

/** Internal witness: for each group index of each dimension, whether it is inside the set. */
export interface RawViolation {
  readonly first: { readonly dimension: number; readonly inside: readonly boolean[] };
  readonly second: { readonly dimension: number; readonly inside: readonly boolean[] };
  readonly difference: number;
}

/**
 * Checks the rule above for the released (served) groups of several dimensions over the same
 * respondents. Returns [] when safe; otherwise at least one violation (one witness per offending set),
 * each naming both sets. Use it as a runtime assertion after suppression and in tests.
 */
export function findDifferencingViolations(
  records: readonly RespondentGroups[],
  dimensions: readonly DimensionSpec[],
  served: Readonly<Record<string, readonly string[]>>,
  options: { readonly k?: number } = {},
): DifferencingViolation[] {
  const k = resolveMinimumGroupSize(options.k);
  const partitions = buildPartitions(records, dimensions);
  // A served key the audit cannot place would go unchecked, so refuse it.
  for (const name of Object.keys(served)) {
    const partition = partitions.find((p) => p.name === name);
    if (!partition) throw new UnknownDimensionError(name);
    for (const key of served[name] ?? []) {
      if (!partition.keys.includes(key)) throw new UnknownGroupKeyError(name, key);
    }
  }
  const state: AuditState = {
    partitions,
    served: partitions.map((p) => {
      const keys = new Set(served[p.name] ?? []);
      return p.keys.map((key) => keys.has(key));
    }),
    k,
    total: records.length,
  };
  const found = new Map<string, DifferencingViolation>();
  auditPairs(state, (raw) => {
    const violation = describe(state, raw);
    // Within one dimension each pair is met from both ends; report it once.
    const key = [setName(violation.first), setName(violation.second)].sort().join(' | ');
    if (!found.has(key)) found.set(key, violation);
    return false;
  });
  return [...found.values()];
}

/** Throws DisclosureViolationError when findDifferencingViolations finds anything. */
export function assertNoDifferencing(
  records: readonly RespondentGroups[],
  dimensions: readonly DimensionSpec[],
  served: Readonly<Record<string, readonly string[]>>,
  options: { readonly k?: number } = {},
): void {
  const violations = findDifferencingViolations(records, dimensions, served, options);
  if (violations.length > 0) throw new DisclosureViolationError(violations);
}

/** Internal: the first violation, or null when the state is safe. */
export function findFirstViolation(state: AuditState): RawViolation | null {
  let first: RawViolation | null = null;
  auditPairs(state, (raw) => {
    first = raw;
    return true;
  });
  return first;
}

/**
 * Visits violations for every pair of dimensions (including a dimension with itself). `onViolation`
 * returns true to stop. One side is enumerated set by set; for each, a small dynamic programme over
 * the other side's groups finds whether any of its visible sets lies at distance 1..K−1.
 */
function auditPairs(state: AuditState, onViolation: (raw: RawViolation) => boolean): void {
  const items = state.partitions.map((_p, d) => itemsOf(state, d));
  for (let i = 0; i < state.partitions.length; i++) {
    for (let j = i; j < state.partitions.length; j++) {
      const pi = state.partitions[i];
      const pj = state.partitions[j];
      const ii = items[i];
      const ij = items[j];
      if (!pi || !pj || !ii || !ij) continue;
      if (i === j) {
        if (auditWithin(state, i, ii, onViolation)) return;
        continue;
      }
      // Enumerate the side with fewer choices; the relation is symmetric.
      const swap = choiceCount(ij) < choiceCount(ii);
      const [ea, eb] = swap ? [j, i] : [i, j];
      const table = crossTabulate(part(state, ea), part(state, eb));
      const stop = auditPair(state, ea, eb, table, items, onViolation);
      if (stop) return;
    }
  }
}

/**
 * One dimension with itself: two visible sets differ by a sum of whole items (served groups and the
 * suppressed block), and the smallest non-zero such sum is the smallest non-zero item, so it suffices
 * to check each item against the empty set. No enumeration, so no limit on the number of groups.
 */
function auditWithin(
  state: AuditState,
  d: number,
  items: Items,
  onViolation: (raw: RawViolation) => boolean,
): boolean {
  const sizes = part(state, d).sizes;
  const blocks = items.served.map((g) => [g]);
  if (items.hidden.length > 0 && items.hiddenFree) blocks.push([...items.hidden]);
  for (const block of blocks) {
    const size = block.reduce((acc, g) => acc + (sizes[g] ?? 0), 0);
    if (size > 0 && size < state.k) {
      const inside = sizes.map((_, g) => block.includes(g));
      const empty = sizes.map(() => false);
      const stop = onViolation({
        first: { dimension: d, inside: empty },
        second: { dimension: d, inside },
        difference: size,
      });
      if (stop) return true;
    }
  }
  return false;
}

function auditPair(
  state: AuditState,
  enumerated: number,
  other: number,
  table: readonly (readonly number[])[],
  items: readonly Items[],
  onViolation: (raw: RawViolation) => boolean,
): boolean {
  const pe = part(state, enumerated);
  const po = part(state, other);
  const ie = items[enumerated];
  const io = items[other];
  if (!ie || !io) return false;
  const choices = choiceCount(ie);
  if (choices > MAX_ENUMERATED_GROUPS)
    throw new TooManyGroupsError(pe.name, choices, MAX_ENUMERATED_GROUPS);
  const combos = 2 ** choices;
  for (let mask = 0; mask < combos; mask++) {
    const inside = insideFromMask(pe.keys.length, ie, mask);
    // overlap[b] = |P ∩ group b of the other dimension|
    const overlap = po.keys.map((_, b) => {
      let sum = 0;
      inside.forEach((isIn, a) => {
        if (isIn) sum += table[a]?.[b] ?? 0;
      });
      return sum;
    });
    const witness = nearbyVisibleSet(po.sizes, overlap, io, state.k);
    if (witness !== null) {
      const stop = onViolation({
        first: { dimension: enumerated, inside },
        second: { dimension: other, inside: witness.inside },
        difference: witness.difference,
      });
      if (stop) return true;
    }
  }
  return false;
}

/**
 * Is there a visible set Q of the other dimension with 0 < |P Δ Q| < K? Each group b contributes
 * overlap[b] when outside Q and size[b] − overlap[b] when inside, so reachable distances below K are
 * found by a subset-sum over the groups' two options (all contributions are ≥ 0, so sums ≥ K are dropped).
 */
function nearbyVisibleSet(
  sizes: readonly number[],
  overlap: readonly number[],
  items: Items,
  k: number,
): { inside: boolean[]; difference: number } | null {
  type Option = { readonly groups: readonly number[]; readonly out: number; readonly in: number };
  const options: Option[] = items.served.map((b) => ({
    groups: [b],
    out: overlap[b] ?? 0,
    in: (sizes[b] ?? 0) - (overlap[b] ?? 0),
  }));
  let base = 0;
  const hiddenOut = items.hidden.reduce((acc, b) => acc + (overlap[b] ?? 0), 0);
  const hiddenIn = items.hidden.reduce((acc, b) => acc + (sizes[b] ?? 0) - (overlap[b] ?? 0), 0);
  if (items.hidden.length > 0 && items.hiddenFree)
    options.push({ groups: items.hidden, out: hiddenOut, in: hiddenIn });
  else base = hiddenOut;
  if (base >= k) return null;

  // choice[t][s]: how sum s was first reached after option t (0 = out, 1 = in, -1 = unreachable).
  const choice: Int8Array[] = [];
  let reach = new Uint8Array(k);
  reach[base] = 1;
  for (const option of options) {
    const next = new Uint8Array(k);
    const how = new Int8Array(k).fill(-1);
    for (let s = 0; s < k; s++) {
      if (!reach[s]) continue;
      const viaOut = s + option.out;
      const viaIn = s + option.in;
      if (viaOut < k && !next[viaOut]) {
        next[viaOut] = 1;
        how[viaOut] = 0;
      }
      if (viaIn < k && !next[viaIn]) {
        next[viaIn] = 1;
        how[viaIn] = 1;
      }
    }
    choice.push(how);
    reach = next;
  }
  for (let s = 1; s < k; s++) {
    if (!reach[s]) continue;
    const inside = sizes.map(() => false);
    let sum = s;
    for (let t = options.length - 1; t >= 0; t--) {
      const option = options[t];
      const how = choice[t]?.[sum];
      if (!option || how === undefined) break;
      if (how === 1) {
        for (const b of option.groups) inside[b] = true;
        sum -= option.in;
      } else {
        sum -= option.out;
      }
    }
    return { inside, difference: s };
  }
  return null;
}

function itemsOf(state: AuditState, d: number): Items {
  const p = part(state, d);
  const served: number[] = [];
  const hidden: number[] = [];
  p.sizes.forEach((size, g) => {
    if (state.served[d]?.[g]) served.push(g);
    else if (size > 0) hidden.push(g);
  });
  // Without a visible total, nothing can be derived by subtraction, so suppressed groups stay out.
  return { served, hidden, hiddenFree: state.total >= state.k };
}

function choiceCount(items: Items): number {
  return items.served.length + (items.hidden.length > 0 && items.hiddenFree ? 1 : 0);
}

function insideFromMask(groupCount: number, items: Items, mask: number): boolean[] {
  const inside = new Array<boolean>(groupCount).fill(false);
  items.served.forEach((g, bit) => {
    if (mask & (1 << bit)) inside[g] = true;
  });
  if (items.hidden.length > 0 && items.hiddenFree && mask & (1 << items.served.length)) {
    for (const g of items.hidden) inside[g] = true;
  }
  return inside;
}

function part(state: AuditState, d: number): Partition {
  const p = state.partitions[d];
  if (!p) throw new RangeError(`No dimension at index ${d}`);
  return p;
}

function describe(state: AuditState, raw: RawViolation): DifferencingViolation {
  const first = visibleSet(state, raw.first.dimension, raw.first.inside);
  const second = visibleSet(state, raw.second.dimension, raw.second.inside);
  return {
    first,
    second,
    difference: raw.difference,
    description: `${setName(first)} and ${setName(second)} differ by ${raw.difference} respondent(s)`,
  };
}

function visibleSet(state: AuditState, d: number, inside: readonly boolean[]): VisibleSet {
  const p = part(state, d);
  return { dimension: p.name, groups: p.keys.filter((_, g) => inside[g]) };
}

function setName(v: VisibleSet): string {
  return `${v.dimension}{${v.groups.join(', ')}}`;
}
