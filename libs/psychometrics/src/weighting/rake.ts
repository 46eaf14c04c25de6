/**
 * Raking (iterative proportional fitting) with survey::rake's exact stopping rule (survey 4.1-1,
 * `rake()`): margins are post-stratified in the order given, one sweep = all margins; after each
 * sweep the joint table over all raking variables is compared with the previous sweep's and raking
 * stops when max |new − old| < eps, where eps = epsilon if epsilon ≥ 1 (absolute weight units) and
 * epsilon·Σ(initial weights) otherwise. Replicates survey's weights to ~1e-13 for the same
 * epsilon/maxit (survey's defaults are epsilon = 1, maxit = 10; ours are 1e-10 and 100).
 * Plus the Kish design effect (Kish 1992, J. Off. Stat. 8:183) and the weighted mean.
 */
import { PsychometricsError } from '../errors';
import { checkOneWeightPerValue } from '../scoring/argument-checks';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';

/** Population counts per level of one raking variable. */
export type MarginTable = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export interface RakeOptions {
  /** survey's control$epsilon (see above). Default 1e-10. */
  readonly epsilon?: number;
  /** survey's control$maxit: the maximum number of sweeps. Default 100. */
  readonly maxPasses?: number;
  /** Starting (design) weights, survey's 1/prob; default 1 for every row. */
  readonly initialWeights?: readonly number[];
  /** Return the last weights with converged = false instead of throwing (survey warns). */
  readonly allowNonConvergence?: boolean;
  /**
   * A margin counts as met when every level's weighted total is within this fraction of the margin's
   * total (default 1e-6). survey::rake does not check; its defaults leave up to 5e-8 unmet.
   */
  readonly marginTolerance?: number;
}

export interface RakeResult {
  /** One weight per input row, in input order. */
  readonly weights: number[];
  readonly sumW: number;
  /** Sweeps performed (survey's `iter` + 1 when it converged). */
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest joint-table change of the last sweep. */
  readonly lastChange: number;
  /** Achieved weighted totals per variable and level (survey's svytable). */
  readonly achieved: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * One warning per margin the weights do not meet — raking can stop with a margin unmet, e.g. when two
   * raking variables split the rows the same way but their targets differ (the last one wins).
   */
  readonly warnings: string[];
}

/** The margins do not fit the data: unknown or empty levels, bad counts, shape mismatches. */
export class InvalidMarginsError extends PsychometricsError {}

/** Raking stopped at maxPasses before the joint table settled. */
export class RakeNonConvergenceError extends PsychometricsError {
  constructor(
    readonly passes: number,
    readonly lastChange: number,
    readonly threshold: number,
  ) {
    super(
      `Raking did not converge after ${passes} sweeps (last change ${lastChange.toExponential(3)} ` +
        `weight units, threshold ${threshold.toExponential(3)}); raise maxPasses or epsilon.`,
    );
  }
}

const toMap = (m: MarginTable): Map<string, number> =>
  m instanceof Map
    ? new Map<string, number>(m as ReadonlyMap<string, number>)
    : new Map<string, number>(Object.entries(m as Readonly<Record<string, number>>));

/**
 * Rakes weights to the margins.
 * Forms: `rake(rows: string[][], margins: MarginTable[])` — row r's level of variable v at rows[r][v],
 * margins in the same positional order; or `rake(rows, margins: Record<variable, MarginTable>)` with
 * rows as `Record<variable, level>` objects or as arrays in the margins' key order.
 * @throws InvalidMarginsError (a data level missing from the margins, a margin level with no rows,
 *   a non-positive or non-finite count), RakeNonConvergenceError, TooFewRowsError (no rows)
 */
export function rake(
  rows: readonly (readonly string[])[] | readonly Readonly<Record<string, string>>[],
  margins: readonly MarginTable[] | Readonly<Record<string, MarginTable>>,
  options: RakeOptions = {},
): RakeResult {
  const { epsilon = 1e-10, maxPasses = 100 } = options;
  if (!(epsilon > 0)) throw new InvalidArgumentError(`epsilon must be positive, got ${epsilon}.`);
  if (!(Number.isInteger(maxPasses) && maxPasses >= 1)) {
    throw new InvalidArgumentError(`maxPasses must be a whole number ≥ 1, got ${maxPasses}.`);
  }
  const n = rows.length;
  if (n === 0) throw new TooFewRowsError('Raking', 1, 0);
  const names = Array.isArray(margins)
    ? margins.map((_, v) => `margin ${v + 1}`)
    : Object.keys(margins);
  const tables = (Array.isArray(margins) ? margins : Object.values(margins)).map(toMap);
  const nv = tables.length;
  if (nv === 0) throw new InvalidMarginsError('At least one margin is needed.');

  // level of every row for every variable
  const level: string[][] = tables.map(() => new Array<string>(n));
  rows.forEach((row, r) => {
    for (let v = 0; v < nv; v++) {
      let value: string | undefined;
      if (Array.isArray(row)) value = (row as readonly string[])[v];
      else value = (row as Readonly<Record<string, string>>)[names[v] as string];
      if (value === undefined) {
        throw new InvalidMarginsError(`Row ${r + 1} has no value for ${names[v]}.`);
      }
      (level[v] as string[])[r] = String(value);
    }
  });
  // validate margins against the data
  const cells: Int32Array[] = [];
  const targets: Float64Array[] = [];
  tables.forEach((table, v) => {
    const levels = [...table.keys()];
    const index = new Map(levels.map((l, i) => [l, i]));
    const counts = new Float64Array(levels.length);
    levels.forEach((l, i) => {
      const c = table.get(l) as number;
      if (!(Number.isFinite(c) && c > 0)) {
        throw new InvalidMarginsError(
          `The population count for ${names[v]} = "${l}" must be positive, got ${c}.`,
        );
      }
      counts[i] = c;
    });
    const cell = new Int32Array(n);
    const seen = new Array<boolean>(levels.length).fill(false);
    (level[v] as string[]).forEach((l, r) => {
      const i = index.get(l);
      if (i === undefined) {
        throw new InvalidMarginsError(
          `Level "${l}" of ${names[v]} (row ${r + 1}) is not in the margins; they have: ${levels.join(', ')}.`,
        );
      }
      cell[r] = i;
      seen[i] = true;
    });
    seen.forEach((s, i) => {
      if (!s) {
        throw new InvalidMarginsError(
          `Margin level "${levels[i]}" of ${names[v]} has no rows in the data.`,
        );
      }
    });
    cells.push(cell);
    targets.push(counts);
  });

  // joint cells (only observed combinations can carry weight)
  const jointKey = new Map<string, number>();
  const joint = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const key = cells.map((c) => c[r]).join('|');
    let id = jointKey.get(key);
    if (id === undefined) {
      id = jointKey.size;
      jointKey.set(key, id);
    }
    joint[r] = id;
  }
  const jointTable = (w: Float64Array): Float64Array => {
    const t = new Float64Array(jointKey.size);
    for (let r = 0; r < n; r++)
      t[joint[r] as number] = (t[joint[r] as number] as number) + (w[r] as number);
    return t;
  };

  const w = new Float64Array(n);
  if (options.initialWeights) {
    if (options.initialWeights.length !== n) {
      throw new InvalidArgumentError(
        `There are ${options.initialWeights.length} initial weights for ${n} rows.`,
      );
    }
    options.initialWeights.forEach((x, r) => {
      if (!(Number.isFinite(x) && x > 0))
        throw new InvalidArgumentError(`Initial weight ${r + 1} must be positive.`);
      w[r] = x;
    });
  } else w.fill(1);
  const threshold = epsilon >= 1 ? epsilon : epsilon * w.reduce((a, b) => a + b, 0);

  let old = jointTable(w);
  let iter = 0;
  let converged = false;
  let delta = Infinity;
  let sweeps = 0;
  while (iter < maxPasses) {
    for (let v = 0; v < nv; v++) {
      const cell = cells[v] as Int32Array;
      const target = targets[v] as Float64Array;
      const tot = new Float64Array(target.length);
      for (let r = 0; r < n; r++)
        tot[cell[r] as number] = (tot[cell[r] as number] as number) + (w[r] as number);
      // postStratify: w ← w · Pop(c)/Σ_{c} w
      for (let r = 0; r < n; r++) {
        const c = cell[r] as number;
        w[r] = (w[r] as number) * ((target[c] as number) / (tot[c] as number));
      }
    }
    sweeps++;
    const now = jointTable(w);
    delta = 0;
    for (let i = 0; i < now.length; i++)
      delta = Math.max(delta, Math.abs((now[i] as number) - (old[i] as number)));
    if (delta < threshold) {
      converged = true;
      break;
    }
    old = now;
    iter++;
  }
  if (!converged && !options.allowNonConvergence)
    throw new RakeNonConvergenceError(sweeps, delta, threshold);

  const achieved: Record<string, Record<string, number>> = {};
  const warnings: string[] = [];
  const marginTolerance = options.marginTolerance ?? 1e-6;
  tables.forEach((table, v) => {
    const levels = [...table.keys()];
    const tot = new Float64Array(levels.length);
    const cell = cells[v] as Int32Array;
    for (let r = 0; r < n; r++)
      tot[cell[r] as number] = (tot[cell[r] as number] as number) + (w[r] as number);
    achieved[names[v] as string] = Object.fromEntries(levels.map((l, i) => [l, tot[i] as number]));
    const target = targets[v] as Float64Array;
    const total = target.reduce((a, b) => a + b, 0);
    const off = levels.filter(
      (_, i) => !(Math.abs(tot[i]! - target[i]!) <= marginTolerance * total),
    );
    if (off.length > 0) {
      const shown = levels.map((l, i) => `${l} ${fmt(tot[i]!)} (target ${fmt(target[i]!)})`);
      warnings.push(`The margin of ${names[v]} is not met: ${shown.join(', ')}.`);
    }
  });
  const weights = Array.from(w);
  return {
    weights,
    sumW: weights.reduce((a, b) => a + b, 0),
    iterations: sweeps,
    converged,
    lastChange: delta,
    achieved,
    warnings,
  };
}

/** A weighted total for a message: up to 6 significant digits. */
const fmt = (x: number): string => String(Number(x.toPrecision(6)));

/** Kish design effect n·Σw²/(Σw)² = 1 + CV²(w) (Kish 1992, J. Off. Stat. 8:183); effective n = n/deff. */
export function kishDeff(weights: readonly number[]): number {
  const n = weights.length;
  if (n === 0) throw new TooFewRowsError('A design effect', 1, 0);
  let s = 0;
  let s2 = 0;
  for (const w of weights) {
    if (!(Number.isFinite(w) && w >= 0))
      throw new InvalidArgumentError(`Weights must be finite and ≥ 0, got ${w}.`);
    s += w;
    s2 += w * w;
  }
  if (!(s > 0)) throw new InvalidArgumentError('The weights sum to 0.');
  return (n * s2) / (s * s);
}

/**
 * Σ w·y / Σ w over the rows where y is present (survey 4.1-1 svymean(~y, design, na.rm = TRUE)).
 * @throws InvalidArgumentError (length mismatch, bad weights), TooFewRowsError (no value present)
 */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  checkOneWeightPerValue(weights, values);
  let sw = 0;
  let swy = 0;
  let m = 0;
  values.forEach((y, i) => {
    if (Number.isNaN(y)) return;
    const w = weights[i] as number;
    if (!(Number.isFinite(w) && w >= 0))
      throw new InvalidArgumentError(`Weights must be finite and ≥ 0, got ${w}.`);
    sw += w;
    swy += w * y;
    m++;
  });
  if (m === 0) throw new TooFewRowsError('A weighted mean', 1, 0);
  if (!(sw > 0)) throw new InvalidArgumentError('The weights of the present values sum to 0.');
  return swy / sw;
}
