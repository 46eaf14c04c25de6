import { EmptyQuasiIdentifiersError, InvalidDiversityError } from './errors';

/** An equivalence class in which a sensitive variable takes fewer than l distinct values. */
export interface LDiversityViolation {
  /** The class's quasi-identifier values (missing as null). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly sensitive: string;
  readonly distinct: number;
}

const isMissing = (value: unknown): boolean =>
  value === null || value === undefined || value === '';

/**
 * Distinct l-diversity (Machanavajjhala et al. 2007) for record-level exports: within every class of
 * records sharing their quasi-identifier values, each sensitive variable must take at least l distinct
 * values, so knowing which class a colleague is in does not tell their answer. A class in which the
 * variable is missing for every record tells nothing and passes; a class with one known value fails
 * however many records lack it (those records might not include the colleague).
 * Returns the violations in order of first appearance ([] when the export is l-diverse).
 */
export function checkLDiversity<R extends Readonly<Record<string, unknown>>>(
  records: readonly R[],
  quasiIdentifiers: readonly (keyof R & string)[],
  sensitive: readonly (keyof R & string)[],
  l = 2,
): LDiversityViolation[] {
  if (quasiIdentifiers.length === 0) throw new EmptyQuasiIdentifiersError();
  if (!Number.isInteger(l) || l < 1) throw new InvalidDiversityError(l);
  const classes = new Map<string, { values: Record<string, unknown>; seen: Set<string>[] }>();
  for (const record of records) {
    const values = Object.fromEntries(
      quasiIdentifiers.map((q) => [q, isMissing(record[q]) ? null : record[q]]),
    );
    const key = JSON.stringify(quasiIdentifiers.map((q) => values[q]));
    let found = classes.get(key);
    if (!found) {
      found = { values, seen: sensitive.map(() => new Set<string>()) };
      classes.set(key, found);
    }
    sensitive.forEach((s, i) => {
      const value = record[s];
      if (!isMissing(value)) found.seen[i]?.add(JSON.stringify(value));
    });
  }
  const violations: LDiversityViolation[] = [];
  for (const c of classes.values()) {
    sensitive.forEach((s, i) => {
      const distinct = c.seen[i]?.size ?? 0;
      if (distinct > 0 && distinct < l)
        violations.push({ values: c.values, sensitive: s, distinct });
    });
  }
  return violations;
}
