import { DuplicateKeyError, InvalidCountError } from './errors';

/** Throws InvalidCountError unless n is a whole number >= 0. */
export function assertValidCount(key: string, n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new InvalidCountError(key, n);
}

/** Throws DuplicateKeyError on the first repeated key. */
export function assertUniqueKeys(keys: readonly string[], where: string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new DuplicateKeyError(key, where);
    seen.add(key);
  }
}
