/** Argument checks shared by the interval and weighting functions, with their stable messages. */
import { InvalidArgumentError } from './errors';

/** @throws InvalidArgumentError unless 0 < level < 1. */
export function checkConfidenceLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new InvalidArgumentError(`The confidence level must be between 0 and 1, got ${level}.`);
  }
}

/** @throws InvalidArgumentError unless there is exactly one weight per value. */
export function checkOneWeightPerValue(
  weights: readonly number[],
  values: readonly number[],
): void {
  if (weights.length !== values.length) {
    throw new InvalidArgumentError(
      `There are ${weights.length} weights for ${values.length} values.`,
    );
  }
}
