import { InconsistentTotalError } from './errors';
import { resolveMinimumGroupSize } from './minimum-group-size';
import type { SuppressionReason } from './suppression-message';
import { assertUniqueKeys, assertValidCount } from './validate-counts';

/** One group of a dimension (e.g. role = "Team manager") as the report service computed it. */
export interface GroupInput<T> {
  readonly key: string;
  /** Respondents behind `value`; for a mean, the number who have a score, not the group's headcount. */
  readonly n: number;
  readonly value?: T;
}

/** A served cell keeps its n and value; a suppressed cell exposes neither. */
export type GroupCell<T> =
  | {
      readonly key: string;
      readonly n: number;
      readonly value: T | null;
      readonly suppressed: false;
    }
  | {
      readonly key: string;
      readonly n: null;
      readonly value: null;
      readonly suppressed: true;
      readonly reason: SuppressionReason;
    };

export interface SuppressGroupsOptions {
  /** Minimum group size; validated by resolveMinimumGroupSize (default 10, never below 5). */
  readonly k?: number;
  /**
   * The dimension's total as shown elsewhere in the report (e.g. the LA's response count). When the
   * groups add up to less (a "prefer not to say" group the report does not list), the remainder is a
   * hidden cell and is protected like a suppressed one.
   */
  readonly total?: number;
}

/**
 * Primary and complementary suppression for one dimension.
 *
 * Primary: every group with n < K is suppressed (including empty groups, whose cell would still say 0).
 * Complementary: the viewer can compute total − Σ served = Σ suppressed (+ any unlisted remainder).
 * That sum is a group of real people, so it must be 0 or ≥ K. While it is between, the smallest
 * served group is suppressed too (ties: first listed); one such group is always enough because it has
 * n ≥ K. Two small groups together (3 + 4) are not enough, which is why the rule is on the sum.
 */
export function suppressGroups<T>(
  groups: readonly GroupInput<T>[],
  options: SuppressGroupsOptions = {},
): GroupCell<T>[] {
  const k = resolveMinimumGroupSize(options.k);
  assertUniqueKeys(
    groups.map((g) => g.key),
    'groups',
  );
  for (const g of groups) assertValidCount(g.key, g.n);
  const sum = groups.reduce((acc, g) => acc + g.n, 0);
  let hidden = 0;
  if (options.total !== undefined) {
    assertValidCount('total', options.total);
    if (sum > options.total) throw new InconsistentTotalError(options.total, sum);
    hidden = options.total - sum;
  }

  const reasons = new Map<string, SuppressionReason>();
  for (const g of groups) {
    if (g.n < k) {
      reasons.set(g.key, 'below-k');
      hidden += g.n;
    }
  }
  while (hidden > 0 && hidden < k) {
    const next = smallestServed(groups, reasons);
    // Unreachable with a consistent total (every group would then be < K and already suppressed),
    // but never loop forever on it.
    if (next === undefined) break;
    reasons.set(next.key, 'complementary');
    hidden += next.n;
  }

  return groups.map((g): GroupCell<T> => {
    const reason = reasons.get(g.key);
    return reason === undefined
      ? { key: g.key, n: g.n, value: g.value ?? null, suppressed: false }
      : { key: g.key, n: null, value: null, suppressed: true, reason };
  });
}

function smallestServed<T>(
  groups: readonly GroupInput<T>[],
  suppressed: ReadonlyMap<string, SuppressionReason>,
): GroupInput<T> | undefined {
  let best: GroupInput<T> | undefined;
  for (const g of groups) {
    if (suppressed.has(g.key)) continue;
    if (best === undefined || g.n < best.n) best = g;
  }
  return best;
}
