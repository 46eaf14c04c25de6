// Typed errors for libs/disclosure. Messages are stable (the api maps them to 4xx and tests match them),
// and they never contain respondents' answers, only counts, keys and settings.

/** Base class of every error the library throws. */
export class DisclosureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** K was not a whole number of at least the allowed floor (5). */
export class InvalidMinimumGroupSizeError extends DisclosureError {
  constructor(
    readonly k: unknown,
    readonly floor: number,
  ) {
    super(`Minimum group size K must be a whole number of at least ${floor}; got ${String(k)}.`);
  }
}

/** A group or category count was negative, fractional or not a number. */
export class InvalidCountError extends DisclosureError {
  constructor(
    readonly key: string,
    readonly count: unknown,
  ) {
    super(`Count for '${key}' must be a whole number of at least 0; got ${String(count)}.`);
  }
}

/** Two groups (or dimensions) share a key, so cells could not be told apart. */
export class DuplicateKeyError extends DisclosureError {
  constructor(
    readonly key: string,
    readonly where: string,
  ) {
    super(`Duplicate key '${key}' in ${where}.`);
  }
}

/** The groups of a dimension add up to more than the total they are said to partition. */
export class InconsistentTotalError extends DisclosureError {
  constructor(
    readonly total: number,
    readonly sumOfGroups: number,
  ) {
    super(`Groups add up to ${sumOfGroups}, more than the total of ${total}.`);
  }
}

/** A record (or a served-keys list) names a group that is not one of the dimension's keys. */
export class UnknownGroupKeyError extends DisclosureError {
  constructor(
    readonly dimension: string,
    readonly value: unknown,
  ) {
    super(
      `Value ${JSON.stringify(value) ?? 'undefined'} for dimension '${dimension}' is not one of its keys; ` +
        `map missing answers to an explicit key such as 'not-answered'.`,
    );
  }
}

/** Served keys were given for a dimension the audit was not told about. */
export class UnknownDimensionError extends DisclosureError {
  constructor(readonly dimension: string) {
    super(`Served groups are given for unknown dimension '${dimension}'.`);
  }
}

/** The differencing audit would have to enumerate too many combinations of served groups. */
export class TooManyGroupsError extends DisclosureError {
  constructor(
    readonly dimension: string,
    readonly choices: number,
    readonly limit: number,
  ) {
    super(
      `Dimension '${dimension}' has ${choices} served groups (counting the suppressed groups as one); ` +
        `the differencing audit enumerates at most ${limit} per pair of dimensions.`,
    );
  }
}

/** A collapse mapping for a distribution is incomplete or maps onto nothing. */
export class InvalidCollapseError extends DisclosureError {
  constructor(readonly category: string) {
    super(`Collapse mapping has no target for category '${category}'.`);
  }
}

/** A two-way split names no category, an unknown one, or every one. */
export class InvalidTwoWaySplitError extends DisclosureError {
  constructor(readonly problem: string) {
    super(`Two-way split is invalid: ${problem}.`);
  }
}

/** k-anonymity was asked for over an empty list of quasi-identifiers. */
export class EmptyQuasiIdentifiersError extends DisclosureError {
  constructor() {
    super('At least one quasi-identifier is needed to check k-anonymity.');
  }
}

/** A runtime assertion found a released set that can be differenced down to fewer than K respondents. */
export class DisclosureViolationError extends DisclosureError {
  constructor(readonly violations: readonly { readonly description: string }[]) {
    super(
      `Released groups can be differenced to fewer than K respondents (${violations.length} violation(s)); first: ${
        violations[0]?.description ?? 'none'
      }.`,
    );
  }
}

/** l for l-diversity was not a whole number of at least 1. */
export class InvalidDiversityError extends DisclosureError {
  constructor(readonly l: unknown) {
    super(`l for l-diversity must be a whole number of at least 1; got ${String(l)}.`);
  }
}

/** A quasi-identifier's codes or generalisation levels are not usable (e.g. a code with no group). */
export class InvalidHierarchyError extends DisclosureError {
  constructor(
    readonly quasiIdentifier: string,
    readonly problem: string,
  ) {
    super(`Quasi-identifier '${quasiIdentifier}': ${problem}.`);
  }
}

/**
 * An export cannot be made k-anonymous without withholding a whole group that cannot be generalised
 * (e.g. one wave × service with fewer than k records).
 */
export class ImpossibleAnonymisationError extends DisclosureError {
  constructor(
    readonly groups: readonly {
      readonly values: Readonly<Record<string, number>>;
      readonly count: number;
    }[],
    readonly k: number,
  ) {
    super(
      `${groups.length} group(s) that cannot be generalised have fewer than ${k} records; first: ${JSON.stringify(
        groups[0]?.values ?? {},
      )} with ${groups[0]?.count ?? 0}.`,
    );
  }
}
