import { PsychometricsError } from '../errors';

/** The lavaan model syntax could not be read. `line` is 1-based (0 when the problem is global). */
export class ModelSyntaxError extends PsychometricsError {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `model syntax, line ${line}: ${problem}` : `model syntax: ${problem}`);
  }
}

/** The model has fewer pieces of information than unknowns, or a parameter cannot be separated from others. */
export class NotIdentifiedError extends PsychometricsError {
  constructor(
    readonly reason: string,
    /** Parameters involved, as lavaan labels ("f=~x2", "x1~~x1", …), when known. */
    readonly parameters: readonly string[] = [],
  ) {
    super(`model is not identified: ${reason}`);
  }
}

/** The optimiser stopped with max |gradient| above lavaan's tolerance (1e-3). Thrown only on request. */
export class NonConvergenceError extends PsychometricsError {
  constructor(
    readonly iterations: number,
    readonly maxAbsGradient: number,
  ) {
    super(
      `estimation did not converge: max |gradient| = ${maxAbsGradient.toExponential(3)} after ${iterations} iterations`,
    );
  }
}

/** The data cannot support the requested fit (unknown variable, too few complete rows, bad group labels, …). */
export class CfaDataError extends PsychometricsError {}
