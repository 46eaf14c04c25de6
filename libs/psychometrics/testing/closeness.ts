/**
 * Closeness to R: the one definition every reference test in libs/psychometrics, apps/hc-stats and
 * bench/stats uses.
 *
 *   deviation(actual, expected, floor) = |actual − expected| / max(|expected|, floor)
 *
 * - floor = 0 (the default): purely relative. An expected value of exactly 0 (a χ² of a saturated
 *   model, a bound of 0) then gives the absolute difference |actual|.
 * - floor > 0: relative above |expected| = floor, absolute below it — for quantities that are near 0
 *   by nature (a loading near 0, a small Shapley share), where a relative tolerance means nothing.
 *
 * A value is close when its deviation is at most the tolerance. R's NA is NaN (or JSON null) on both
 * sides: an expected NA must come back as NaN, and never counts as close to a number.
 */

/** The tolerances the reference tests state (relative), one per kind of statistic. */
export const TOLERANCE = {
  /** Closed forms (alpha, Welch, Shapley, funnel, raking weights at convergence): 1e-9. */
  closedForm: 1e-9,
  /** Fit measures and test statistics evaluated at the optimum (χ², CFI, RMSEA, score tests): 1e-6. */
  fitMeasure: 1e-6,
  /** Estimates, standard errors, standardised solution and modification indices at the optimum: 1e-5. */
  estimate: 1e-5,
} as const;

/** |actual − expected| / max(|expected|, floor); the absolute difference when that scale is 0. */
export function deviation(actual: number, expected: number, floor = 0): number {
  const scale = Math.max(Math.abs(expected), floor);
  const diff = Math.abs(actual - expected);
  return scale > 0 ? diff / scale : diff;
}

/** R's NA as it arrives from a fixture: null (JSON), the string 'NA', or NaN. */
export type Expected = number | null | 'NA';

export interface CheckOptions {
  /** See {@link deviation}; default 0 (purely relative). */
  readonly floor?: number;
  /** Where the value comes from (the case or parameter), for the failure message. */
  readonly context?: string;
}

function isNa(expected: Expected): boolean {
  return expected === null || expected === 'NA' || Number.isNaN(expected);
}

/** Throws a readable error when `actual` is not within `tol` of R's `expected`; returns the deviation. */
export function assertClose(
  label: string,
  actual: number,
  expected: Expected,
  tol: number,
  options: CheckOptions = {},
): number {
  const where = options.context ? `${options.context}: ` : '';
  if (isNa(expected)) {
    if (!Number.isNaN(actual)) throw new Error(`${where}${label}: got ${actual}, R gives NA`);
    return 0;
  }
  const dev = deviation(actual, expected as number, options.floor ?? 0);
  if (!(dev <= tol)) {
    throw new Error(
      `${where}${label}: got ${actual}, R gives ${String(expected)} (deviation ${dev.toExponential(2)} > ${tol})`,
    );
  }
  return dev;
}

/**
 * Checks values against R and keeps the largest deviation per label, so a suite can print how close
 * it came (set REFERENCE_DEVIATIONS=1; the hand-over notes quote these figures).
 * Create it with {@link deviationLog} in a spec file, which prints it after the suite.
 */
export class DeviationLog {
  private readonly worst = new Map<string, number>();

  constructor(readonly title: string) {}

  /** {@link assertClose}, recording the deviation under `label`. */
  check(label: string, actual: number, expected: Expected, tol: number, options?: CheckOptions) {
    const dev = assertClose(label, actual, expected, tol, options);
    this.worst.set(label, Math.max(this.worst.get(label) ?? 0, dev));
  }

  /** The largest deviation seen per label. */
  largest(): ReadonlyMap<string, number> {
    return this.worst;
  }

  summary(): string {
    const lines = [...this.worst].map(([k, v]) => `  ${k}: ${v.toExponential(2)}`);
    return `${this.title}: largest deviation from R\n${lines.join('\n')}`;
  }
}

/** A {@link DeviationLog} whose summary is printed after the spec file when REFERENCE_DEVIATIONS is set. */
export function deviationLog(title: string): DeviationLog {
  const log = new DeviationLog(title);
  afterAll(() => {
    if (process.env['REFERENCE_DEVIATIONS']) process.stdout.write(`${log.summary()}\n`);
  });
  return log;
}

export interface CloseOptions extends CheckOptions {
  /** Records every number compared under its path (array indexes dropped), e.g. `estimates.se`. */
  readonly log?: DeviationLog;
}

/**
 * Deep comparison of a result with R's (objects and arrays as JSON gives them): every number in
 * `expected` within `tol` of the number at the same path in `actual`, anything else equal. Keys of
 * `actual` that `expected` lacks are not compared. The error names the path of the first value that is off.
 */
export function expectClose(
  actual: unknown,
  expected: unknown,
  tol: number,
  options: CloseOptions = {},
  path = '$',
): void {
  if (typeof expected === 'number' || expected === null) {
    if (expected === null && actual === null) return;
    const value = actual === null ? Number.NaN : actual;
    if (typeof value !== 'number') {
      throw new Error(`${path}: expected a number, got ${JSON.stringify(actual)}`);
    }
    const label = path.replace(/\[\d+\]/g, '').replace(/^\$\.?/, '') || '$';
    if (options.log) options.log.check(label, value, expected, tol, { ...options, context: path });
    else assertClose(label, value, expected, tol, { ...options, context: path });
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new Error(
        `${path}: expected an array of ${expected.length}, got ${JSON.stringify(actual)?.slice(0, 80)}`,
      );
    }
    expected.forEach((e, i) => expectClose(actual[i], e, tol, options, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null)
      throw new Error(`${path}: expected an object`);
    for (const [key, e] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], e, tol, options, `${path}.${key}`);
    }
    return;
  }
  if (actual !== expected) {
    throw new Error(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
