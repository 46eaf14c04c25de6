import { InvalidMinimumGroupSizeError } from './errors';

/** K = 10 unless an administrator sets another value (docs/privacy.md). */
export const DEFAULT_MINIMUM_GROUP_SIZE = 10;

/** An administrator may raise or lower K, but never below this floor. */
export const MINIMUM_GROUP_SIZE_FLOOR = 5;

/** Nor above this ceiling: beyond it nearly every LA's report would be hidden. */
export const MINIMUM_GROUP_SIZE_CEILING = 100;

/** Whether an administrator may set K to this: a whole number from the floor to the ceiling. */
export function isSettableMinimumGroupSize(k: unknown): k is number {
  return (
    typeof k === 'number' &&
    Number.isInteger(k) &&
    k >= MINIMUM_GROUP_SIZE_FLOOR &&
    k <= MINIMUM_GROUP_SIZE_CEILING
  );
}

/**
 * The K to use: the configured value, or the default when none is configured.
 * Throws InvalidMinimumGroupSizeError for anything that is not a whole number >= 5, so a typo in
 * configuration fails loudly instead of silently weakening protection.
 */
export function resolveMinimumGroupSize(k?: number | null): number {
  if (k === undefined || k === null) return DEFAULT_MINIMUM_GROUP_SIZE;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < MINIMUM_GROUP_SIZE_FLOOR) {
    throw new InvalidMinimumGroupSizeError(k, MINIMUM_GROUP_SIZE_FLOOR);
  }
  return k;
}

/** True when a group of n respondents may have statistics served about it (n >= K). */
export function meetsMinimumGroupSize(n: number, k: number): boolean {
  return n >= resolveMinimumGroupSize(k);
}
