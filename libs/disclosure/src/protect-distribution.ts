import { InvalidCollapseError } from './errors';
import { resolveMinimumGroupSize } from './minimum-group-size';
import { assertValidCount } from './validate-counts';

/** Default collapse for a 1–5 disagree–agree item: the three-way split a reader already understands. */
export const AGREE_NEUTRAL_DISAGREE: Readonly<Record<string, string>> = Object.freeze({
  '1': 'disagree',
  '2': 'disagree',
  '3': 'neutral',
  '4': 'agree',
  '5': 'agree',
});

export interface ProtectDistributionOptions {
  readonly k?: number;
  /**
   * Collapses to try in order when the distribution as given is unsafe; each maps every category to a
   * coarser one. Default: [AGREE_NEUTRAL_DISAGREE] when the categories are '1'–'5', otherwise none.
   */
  readonly collapses?: readonly Readonly<Record<string, string>>[];
}

export type DistributionSuppressionReason = 'below-k' | 'dominant-answer' | 'small-category';

export type ProtectedDistribution =
  | {
      readonly status: 'shown' | 'collapsed';
      readonly n: number;
      readonly counts: Readonly<Record<string, number>>;
      /** 0–100, unrounded; the report rounds for display. */
      readonly percentages: Readonly<Record<string, number>>;
    }
  | {
      readonly status: 'suppressed';
      readonly n: number | null;
      readonly reason: DistributionSuppressionReason;
    };

/**
 * Protects a distribution of answers from n respondents.
 *
 * A shown category count c is safe when
 *   - c = 0 or c ≥ K: a non-empty answer held by fewer than K people is a group below K; and
 *   - n − c ≥ K: otherwise the few who answered differently form a group below K found by subtraction
 *     (this includes c = n: a unanimous answer tells the reader what every member said).
 * When the distribution is unsafe, each collapse is tried in order and the first safe one is served
 * ('collapsed'); if none is safe, nothing is served. n < K is never served.
 */
export function protectDistribution(
  counts: Readonly<Record<string, number>>,
  options: ProtectDistributionOptions = {},
): ProtectedDistribution {
  const k = resolveMinimumGroupSize(options.k);
  const entries = Object.entries(counts);
  for (const [key, c] of entries) assertValidCount(key, c);
  const n = entries.reduce((acc, [, c]) => acc + c, 0);
  if (n < k) return { status: 'suppressed', n: null, reason: 'below-k' };

  const attempts: Record<string, number>[] = [{ ...counts }];
  for (const mapping of options.collapses ?? defaultCollapses(entries.map(([key]) => key))) {
    attempts.push(collapse(entries, mapping));
  }
  let last: Record<string, number> = { ...counts };
  for (const [index, attempt] of attempts.entries()) {
    last = attempt;
    if (unsafeReason(attempt, n, k) === null) {
      return {
        status: index === 0 ? 'shown' : 'collapsed',
        n,
        counts: attempt,
        percentages: percentagesOf(attempt, n),
      };
    }
  }
  return { status: 'suppressed', n, reason: unsafeReason(last, n, k) ?? 'small-category' };
}

/** Why a distribution of n answers may not be shown, or null when it may. */
export function distributionUnsafeReason(
  counts: Readonly<Record<string, number>>,
  k?: number,
): DistributionSuppressionReason | null {
  const minimum = resolveMinimumGroupSize(k);
  for (const [key, c] of Object.entries(counts)) assertValidCount(key, c);
  const n = Object.values(counts).reduce((acc, c) => acc + c, 0);
  return n < minimum ? 'below-k' : unsafeReason(counts, n, minimum);
}

function unsafeReason(
  counts: Readonly<Record<string, number>>,
  n: number,
  k: number,
): DistributionSuppressionReason | null {
  const values = Object.values(counts);
  // Dominance first: it is the standing decision's own wording and the likelier case in small teams.
  if (values.some((c) => n - c < k)) return 'dominant-answer';
  if (values.some((c) => c > 0 && c < k)) return 'small-category';
  return null;
}

function collapse(
  entries: readonly [string, number][],
  mapping: Readonly<Record<string, string>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, c] of entries) {
    const target = Object.prototype.hasOwnProperty.call(mapping, key) ? mapping[key] : undefined;
    if (target === undefined) throw new InvalidCollapseError(key);
    out[target] = (out[target] ?? 0) + c;
  }
  return out;
}

function defaultCollapses(keys: readonly string[]): Readonly<Record<string, string>>[] {
  const likert =
    keys.length > 0 &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(AGREE_NEUTRAL_DISAGREE, key));
  return likert ? [AGREE_NEUTRAL_DISAGREE] : [];
}

function percentagesOf(
  counts: Readonly<Record<string, number>>,
  n: number,
): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([key, c]) => [key, (100 * c) / n]));
}
