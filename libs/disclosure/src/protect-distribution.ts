import { InvalidCollapseError, InvalidTwoWaySplitError } from './errors';
import { resolveMinimumGroupSize } from './minimum-group-size';
import { assertValidCount } from './validate-counts';

/** Default three-way collapse for a 1–5 disagree–agree item: the split a reader already understands. */
export const AGREE_NEUTRAL_DISAGREE: Readonly<Record<string, string>> = Object.freeze({
  '1': 'disagree',
  '2': 'disagree',
  '3': 'neutral',
  '4': 'agree',
  '5': 'agree',
});

/**
 * The last collapse before hiding: the categories counted as favourable against all the others
 * ("% favourable vs the rest"). Which answers are favourable depends on the question (a reverse-keyed
 * statement's favourable answer is "disagree"), so the caller declares it.
 */
export interface TwoWaySplit {
  readonly favourable: readonly string[];
  /** Key of the favourable count in the result; default 'favourable'. */
  readonly favourableKey?: string;
  /** Key of everything else in the result; default 'rest'. */
  readonly restKey?: string;
}

/** Which collapse a served distribution went through, so the reader can be told. */
export type DistributionCollapse = 'none' | 'three-way' | 'two-way';

export interface ProtectDistributionOptions {
  readonly k?: number;
  /**
   * Maps every category to one of three coarser ones, tried first when the distribution as answered is
   * unsafe. Default: AGREE_NEUTRAL_DISAGREE when the categories are '1'–'5'; null for none.
   */
  readonly threeWay?: Readonly<Record<string, string>> | null;
  /** Tried after the three-way collapse, before hiding. Default: none. */
  readonly twoWay?: TwoWaySplit | null;
}

export type DistributionSuppressionReason = 'below-k' | 'dominant-answer' | 'small-category';

export type ProtectedDistribution =
  | {
      readonly status: 'shown';
      /** 'none': as answered; otherwise the collapse that made it safe. */
      readonly collapse: DistributionCollapse;
      readonly n: number;
      readonly counts: Readonly<Record<string, number>>;
      /** 0–100, unrounded; the reader rounds for display. */
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
 * The most detailed safe form is served: as answered, else the three-way collapse, else the two-way
 * split (both halves ≥ K); if none is safe, nothing is served. n < K is never served.
 */
export function protectDistribution(
  counts: Readonly<Record<string, number>>,
  options: ProtectDistributionOptions = {},
): ProtectedDistribution {
  const k = resolveMinimumGroupSize(options.k);
  const attempts = distributionForms(counts, options);
  const n = sumOf(counts);
  if (n < k) return { status: 'suppressed', n: null, reason: 'below-k' };
  let last: Readonly<Record<string, number>> = counts;
  for (const [applied, attempt] of attempts) {
    last = attempt;
    if (unsafeReason(attempt, n, k) === null) {
      return {
        status: 'shown',
        collapse: applied,
        n,
        counts: attempt,
        percentages: percentagesOf(attempt, n),
      };
    }
  }
  return { status: 'suppressed', n, reason: unsafeReason(last, n, k) ?? 'small-category' };
}

/**
 * The forms a distribution may be shown in, most detailed first: as answered, then the three-way
 * collapse and the two-way split when they apply. Validates the counts and the declared collapses
 * (before anything is decided, so a bad declaration fails the same way whatever the counts are).
 */
export function distributionForms(
  counts: Readonly<Record<string, number>>,
  options: ProtectDistributionOptions,
): [DistributionCollapse, Record<string, number>][] {
  const entries = Object.entries(counts);
  for (const [key, c] of entries) assertValidCount(key, c);
  const keys = entries.map(([key]) => key);
  const threeWay = options.threeWay === undefined ? defaultThreeWay(keys) : options.threeWay;
  const twoWay = options.twoWay ?? null;
  const forms: [DistributionCollapse, Record<string, number>][] = [['none', { ...counts }]];
  if (threeWay !== null) forms.push(['three-way', collapse(entries, threeWay)]);
  if (twoWay !== null) forms.push(['two-way', split(entries, twoWay)]);
  return forms;
}

export const sumOf = (counts: Readonly<Record<string, number>>): number =>
  Object.values(counts).reduce((acc, c) => acc + c, 0);

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

export function unsafeReason(
  counts: Readonly<Record<string, number>>,
  n: number,
  k: number,
): DistributionSuppressionReason | null {
  const values = Object.values(counts);
  // Dominance first: it is how the privacy rule is worded (docs/privacy.md) and the likelier case in small teams.
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

function split(entries: readonly [string, number][], twoWay: TwoWaySplit): Record<string, number> {
  const favourableKey = twoWay.favourableKey ?? 'favourable';
  const restKey = twoWay.restKey ?? 'rest';
  if (favourableKey === restKey) {
    throw new InvalidTwoWaySplitError(`both halves are called '${favourableKey}'`);
  }
  const known = new Set(entries.map(([key]) => key));
  const favourable = new Set(twoWay.favourable);
  if (favourable.size === 0) throw new InvalidTwoWaySplitError('no category is favourable');
  for (const key of favourable) {
    if (!known.has(key)) throw new InvalidTwoWaySplitError(`'${key}' is not a category`);
  }
  if (favourable.size === known.size) {
    throw new InvalidTwoWaySplitError('every category is favourable, so there is no rest');
  }
  let inFavour = 0;
  let rest = 0;
  for (const [key, c] of entries) {
    if (favourable.has(key)) inFavour += c;
    else rest += c;
  }
  return { [favourableKey]: inFavour, [restKey]: rest };
}

function defaultThreeWay(keys: readonly string[]): Readonly<Record<string, string>> | null {
  const likert =
    keys.length > 0 &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(AGREE_NEUTRAL_DISAGREE, key));
  return likert ? AGREE_NEUTRAL_DISAGREE : null;
}

export function percentagesOf(
  counts: Readonly<Record<string, number>>,
  n: number,
): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([key, c]) => [key, (100 * c) / n]));
}
