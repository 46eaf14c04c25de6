import { findFirstViolation, type AuditState } from './differencing-audit';
import { resolveMinimumGroupSize } from './minimum-group-size';
import { buildPartitions, type DimensionSpec, type RespondentGroups } from './partition';
import { suppressGroups } from './suppress-groups';
import type { SuppressionReason } from './suppression-message';

/** A group's count as released: n for served cells, null (with a reason) for suppressed ones. */
export type CountCell =
  | { readonly key: string; readonly n: number; readonly suppressed: false }
  | {
      readonly key: string;
      readonly n: null;
      readonly suppressed: true;
      readonly reason: SuppressionReason;
    };

export interface ProtectedDimension {
  readonly name: string;
  readonly groups: readonly CountCell[];
}

export interface ProtectedGroupedResults {
  /** The population's own count; suppressed (and so is every group) when N < K. */
  readonly total:
    | { readonly n: number; readonly suppressed: false }
    | { readonly n: null; readonly suppressed: true };
  readonly dimensions: readonly ProtectedDimension[];
  /** Served keys per dimension, in the shape findDifferencingViolations takes. */
  readonly served: Readonly<Record<string, readonly string[]>>;
}

/**
 * Decides which groups of several dimensions over the same respondents may be served.
 *
 * 1. Per dimension: primary and complementary suppression (suppressGroups with the population total).
 * 2. Across dimensions: while the differencing audit finds two visible sets at distance 1..K−1, make one
 *    of them underivable at least cost. A set is derivable while all suppressed groups of its dimension
 *    lie on one side of it, so suppress the smallest served group on the other side (two groups, one
 *    per side, if nothing is suppressed yet); the cheaper of the two sets' dimensions is chosen.
 * Each round suppresses at least one group and a fully suppressed dimension is always safe, so it ends.
 * Values (means, distributions) are computed afterwards, and only for served groups.
 */
export function suppressAcrossDimensions(
  records: readonly RespondentGroups[],
  dimensions: readonly DimensionSpec[],
  options: { readonly k?: number } = {},
): ProtectedGroupedResults {
  const k = resolveMinimumGroupSize(options.k);
  const partitions = buildPartitions(records, dimensions);
  const total = records.length;
  const reasons: Map<number, SuppressionReason>[] = partitions.map((p) => {
    const cells = suppressGroups(
      p.keys.map((key, g) => ({ key, n: p.sizes[g] ?? 0 })),
      { k, total },
    );
    const map = new Map<number, SuppressionReason>();
    cells.forEach((cell, g) => {
      if (cell.suppressed) map.set(g, cell.reason);
    });
    return map;
  });
  const served = (): boolean[][] =>
    partitions.map((p, d) => p.keys.map((_, g) => !reasons[d]?.has(g)));

  for (;;) {
    const state: AuditState = { partitions, served: served(), k, total };
    const violation = findFirstViolation(state);
    if (violation === null) break;
    const plans = [violation.first, violation.second].map((side) =>
      planToHide(
        partitions[side.dimension]?.sizes ?? [],
        state.served[side.dimension] ?? [],
        side.inside,
      ),
    );
    const [a, b] = plans;
    const pick = a && b && b.cost < a.cost ? 1 : 0;
    const chosen = plans[pick];
    const dimension = pick === 0 ? violation.first.dimension : violation.second.dimension;
    const map = reasons[dimension];
    // Unreachable by the argument above (each round hides a served group); guard against a bug anyway.
    if (!chosen || !map || chosen.groups.length === 0) {
      throw new Error(
        'suppressAcrossDimensions made no progress; this is a bug in libs/disclosure.',
      );
    }
    for (const g of chosen.groups) map.set(g, 'differencing');
  }

  const finalServed = served();
  return {
    total: total >= k ? { n: total, suppressed: false } : { n: null, suppressed: true },
    dimensions: partitions.map((p, d) => ({
      name: p.name,
      groups: p.keys.map((key, g): CountCell => {
        const reason = reasons[d]?.get(g);
        return reason === undefined
          ? { key, n: p.sizes[g] ?? 0, suppressed: false }
          : { key, n: null, suppressed: true, reason };
      }),
    })),
    served: Object.fromEntries(
      partitions.map((p, d) => [p.name, p.keys.filter((_, g) => finalServed[d]?.[g])]),
    ),
  };
}

/** The cheapest served groups whose suppression stops `inside` from being derivable. */
function planToHide(
  sizes: readonly number[],
  served: readonly boolean[],
  inside: readonly boolean[],
): { groups: number[]; cost: number } {
  const hiddenSides = new Set<boolean>();
  sizes.forEach((size, g) => {
    if (!served[g] && size > 0) hiddenSides.add(inside[g] ?? false);
  });
  const smallestServed = (side: boolean): number | undefined => {
    let best: number | undefined;
    sizes.forEach((size, g) => {
      if (
        served[g] &&
        (inside[g] ?? false) === side &&
        (best === undefined || size < (sizes[best] ?? 0))
      )
        best = g;
    });
    return best;
  };
  const needed = hiddenSides.size === 0 ? [true, false] : [...hiddenSides].map((side) => !side);
  const groups: number[] = [];
  for (const side of needed) {
    const g = smallestServed(side);
    if (g === undefined) return { groups: [], cost: Number.POSITIVE_INFINITY };
    groups.push(g);
  }
  return { groups, cost: groups.reduce((acc, g) => acc + (sizes[g] ?? 0), 0) };
}
