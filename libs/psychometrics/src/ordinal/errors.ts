import { PsychometricsError } from '../errors';

/** The data cannot be analysed as ordered categories (unknown or non-ordered variable, one category, …). */
export class OrdinalDataError extends PsychometricsError {}

/**
 * A category of an ordered variable that occurs in the data is absent from one group (or from the complete
 * rows): its thresholds cannot be estimated there. lavaan 0.6-14 stops with the same message
 * (lav_samplestats_step1: "some categories of variable `x' are empty in group g; frequencies are [..]").
 */
export class EmptyCategoryError extends OrdinalDataError {
  constructor(
    readonly variable: string,
    /** The group's label ('' without groups). */
    readonly group: string,
    /** 1-based group number, as lavaan counts. */
    readonly groupNumber: number,
    /** Frequencies of the variable's categories (all of them, in order) in that group. */
    readonly frequencies: readonly number[],
  ) {
    super(
      `some categories of variable '${variable}' are empty in group ${groupNumber}${group === '' ? '' : ` ('${group}')`}; frequencies of its categories are [${frequencies.join(' ')}]`,
    );
  }
}

/** The model syntax asks for something that has no meaning with ordered indicators. */
export class OrdinalModelError extends PsychometricsError {}
