import { EmptyQuasiIdentifiersError } from './errors';
import { resolveMinimumGroupSize } from './minimum-group-size';

/** A combination of quasi-identifier values shared by fewer than k records. */
export interface KAnonymityViolation {
  /** The combination; a missing value is reported as null (missing is itself identifying). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly count: number;
}

/**
 * k-anonymity for record-level research exports: every combination of quasi-identifier values
 * (e.g. LA region × role × years since qualifying) must be shared by at least k records, or one
 * record could be singled out by someone who knows those facts about a colleague.
 * Returns the violating combinations in order of first appearance ([] when the export is safe).
 */
export function checkKAnonymity<R extends Readonly<Record<string, unknown>>>(
  records: readonly R[],
  quasiIdentifiers: readonly (keyof R & string)[],
  k?: number,
): KAnonymityViolation[] {
  const minimum = resolveMinimumGroupSize(k);
  if (quasiIdentifiers.length === 0) throw new EmptyQuasiIdentifiersError();
  const classes = new Map<string, { values: Record<string, unknown>; count: number }>();
  for (const record of records) {
    const values = Object.fromEntries(quasiIdentifiers.map((q) => [q, record[q] ?? null]));
    // JSON keeps 1 and '1' apart, so differently typed values are different classes.
    const key = JSON.stringify(quasiIdentifiers.map((q) => values[q]));
    const found = classes.get(key);
    if (found) found.count += 1;
    else classes.set(key, { values, count: 1 });
  }
  return [...classes.values()].filter((c) => c.count < minimum);
}

/** True when every quasi-identifier combination is shared by at least k records. */
export function isKAnonymous<R extends Readonly<Record<string, unknown>>>(
  records: readonly R[],
  quasiIdentifiers: readonly (keyof R & string)[],
  k?: number,
): boolean {
  return checkKAnonymity(records, quasiIdentifiers, k).length === 0;
}
