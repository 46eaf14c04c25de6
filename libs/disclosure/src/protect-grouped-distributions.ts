import { resolveMinimumGroupSize } from './minimum-group-size';
import {
  distributionForms,
  percentagesOf,
  protectDistribution,
  sumOf,
  unsafeReason,
  type DistributionCollapse,
  type DistributionSuppressionReason,
  type ProtectDistributionOptions,
  type ProtectedDistribution,
} from './protect-distribution';
import { suppressGroups } from './suppress-groups';
import type { SuppressionReason } from './suppression-message';
import { assertUniqueKeys } from './validate-counts';

export interface GroupDistributionInput {
  readonly key: string;
  /** This group's answers per category (the same categories as the overall distribution). */
  readonly counts: Readonly<Record<string, number>>;
}

export interface ProtectGroupedOptions extends ProtectDistributionOptions {
  /**
   * Groups that may be shown at all, e.g. `suppressAcrossDimensions(...).served[dimension]`. Default:
   * suppressGroups on the groups' sizes (primary and complementary suppression in this dimension).
   */
  readonly served?: readonly string[];
}

export type GroupDistribution =
  | Extract<ProtectedDistribution, { status: 'shown' }>
  | {
      readonly status: 'suppressed';
      readonly n: null;
      readonly reason: DistributionSuppressionReason | SuppressionReason;
    };

export interface ProtectedGroupedDistributions {
  readonly overall: ProtectedDistribution;
  /** One per input group, in input order. */
  readonly groups: readonly { readonly key: string; readonly distribution: GroupDistribution }[];
}

/**
 * One question's distribution overall and in the groups of one dimension (e.g. by region).
 *
 * Served groups are all shown in one form (as answered, three-way or two-way): the most detailed in
 * which every served group AND the rest (overall minus the served groups, which a reader can work
 * out) are safe: each shown count 0 or ≥ K, and at least K people outside it. When no form is, no
 * group's distribution is shown. Since safe parts add up to a safe whole, the groups are then never
 * shown in more detail than the overall distribution may be.
 */
export function protectGroupedDistributions(
  overall: Readonly<Record<string, number>>,
  groups: readonly GroupDistributionInput[],
  options: ProtectGroupedOptions = {},
): ProtectedGroupedDistributions {
  const k = resolveMinimumGroupSize(options.k);
  assertUniqueKeys(
    groups.map((g) => g.key),
    'groups',
  );
  const overallResult = protectDistribution(overall, options);
  const sizes = groups.map((g) => ({ key: g.key, n: sumOf(g.counts) }));
  const total = sumOf(overall);
  const served = new Set(
    options.served ??
      suppressGroups(sizes, { k, total })
        .filter((cell) => !cell.suppressed)
        .map((cell) => cell.key),
  );
  const hidden = (key: string, n: number): GroupDistribution => ({
    status: 'suppressed',
    n: null,
    reason: n < k ? 'below-k' : 'complementary',
  });
  if (overallResult.status === 'suppressed') {
    return {
      overall: overallResult,
      groups: groups.map((g, i) => ({ key: g.key, distribution: hidden(g.key, sizes[i]?.n ?? 0) })),
    };
  }

  const servedGroups = groups.filter((g) => served.has(g.key));
  const groupForms = servedGroups.map((g) => new Map(distributionForms(g.counts, options)));
  let chosen: DistributionCollapse | null = null;
  let lastReason: DistributionSuppressionReason = 'small-category';
  for (const [form, overallCounts] of distributionForms(overall, options)) {
    const rest: Record<string, number> = { ...overallCounts };
    let reason: DistributionSuppressionReason | null = null;
    for (const forms of groupForms) {
      const counts = forms.get(form) ?? {};
      const n = sumOf(counts);
      for (const [key, c] of Object.entries(counts)) rest[key] = (rest[key] ?? 0) - c;
      reason ??= unsafeReason(counts, n, k);
    }
    const restN = sumOf(rest);
    if (restN > 0) reason ??= unsafeReason(rest, restN, k);
    if (reason === null) {
      chosen = form;
      break;
    }
    lastReason = reason;
  }

  return {
    overall: overallResult,
    groups: groups.map((g, i) => {
      const n = sizes[i]?.n ?? 0;
      if (!served.has(g.key)) return { key: g.key, distribution: hidden(g.key, n) };
      const forms = groupForms[servedGroups.indexOf(g)];
      const counts = chosen === null ? undefined : forms?.get(chosen);
      if (chosen === null || counts === undefined) {
        return {
          key: g.key,
          distribution: { status: 'suppressed', n: null, reason: lastReason },
        };
      }
      return {
        key: g.key,
        distribution: {
          status: 'shown',
          collapse: chosen,
          n,
          counts,
          percentages: percentagesOf(counts, n),
        },
      };
    }),
  };
}
