/**
 * Typed errors for the data-handling functions (scoring, alpha, drivers, compare, funnel). Each message
 * says what was wrong and with what, in words a report reader can act on; the texts are stable.
 */
import { PsychometricsError } from '../errors';

/** A named column is not in the data set. */
export class UnknownColumnError extends PsychometricsError {
  constructor(
    readonly column: string,
    readonly available: readonly string[],
  ) {
    super(`Unknown column "${column}"; the data has: ${available.join(', ') || '(no columns)'}.`);
  }
}

/** Not enough (complete) rows or values for the statistic. */
export class TooFewRowsError extends PsychometricsError {
  constructor(
    readonly what: string,
    readonly needed: number,
    readonly got: number,
  ) {
    super(`${what} needs at least ${needed} usable value(s), got ${got}.`);
  }
}

/** An item has no variance (all answers equal, or fewer than two answers), so it cannot be scaled. */
export class ConstantItemError extends PsychometricsError {
  constructor(readonly item: string) {
    super(
      `Item "${item}" has zero variance (every non-missing answer is the same); drop it first.`,
    );
  }
}

/** An item has no answers at all (every value is missing), e.g. an empty column. */
export class EmptyItemError extends PsychometricsError {
  constructor(readonly item: string) {
    super(`Item "${item}" has no answers: every value is missing (an empty column?).`);
  }
}

/** An argument is outside its allowed range or the inputs disagree in shape. */
export class InvalidArgumentError extends PsychometricsError {}
