/**
 * Funnel plot for unit means against the overall mean (Spiegelhalter 2005, Stat Med 24:1185, normal
 * outcome). target θ0 = grand mean of all responses of the plotted units, σ = their SD
 * (n − 1), s_i = σ/√n_i, z_i = (ȳ_i − θ0)/s_i, limits θ0 ± z_α·s(n) with z_α = qnorm(.975), qnorm(.999).
 * Over-dispersion (Spiegelhalter 2005, QSHC 14:347): z winsorised at its 10%/90% type-7 quantiles,
 * φ̂ = mean(z_W²), tested with I·φ̂ ~ χ²(I − 1);
 *   multiplicative: z/√φ̂, limits θ0 ± z_α·√φ̂·s(n);
 *   additive (DerSimonian–Laird on φ̂, FunnelPlotR `tau_func`): τ̂² = (Iφ̂ − (I − 1))/(Σw − Σw²/Σw),
 *   w = 1/s_i², 0 if Iφ̂ ≤ I − 1; z = (ȳ − θ0)/√(s_i² + τ̂²), limits θ0 ± z_α·√(σ²/n + τ̂²).
 */
import { pchisq, qnorm } from '../distributions/distributions';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';

export type Overdispersion = 'none' | 'multiplicative' | 'additive';

export interface FunnelOptions {
  readonly overdispersion?: Overdispersion;
  /** Apply the adjustment only when φ̂ > 1 and the χ² test gives p < 0.05 (Spiegelhalter's rule). */
  readonly onlyIfSignificant?: boolean;
  /** Units with fewer non-missing values are left out before anything is computed. Default 1. */
  readonly minN?: number;
}

export interface FunnelUnit {
  readonly unit: string;
  /** Non-missing values. */
  readonly n: number;
  readonly mean: number;
  /** σ/√n */
  readonly se: number;
  /** Unadjusted z = (mean − target)/se. */
  readonly z: number;
  /** z after the over-dispersion adjustment (= z with 'none' or when not applied). */
  readonly zAdjusted: number;
  /** Flags from |zAdjusted| against qnorm(.975) and qnorm(.999) — i.e. outside the limits below. */
  readonly outside95: boolean;
  readonly outside998: boolean;
  /** Control limits at this unit's n (adjusted when the adjustment is applied). */
  readonly limits95: readonly [number, number];
  readonly limits998: readonly [number, number];
}

export interface FunnelResult {
  readonly target: number;
  readonly sigma: number;
  /** Total responses and number of units plotted. */
  readonly totalN: number;
  readonly unitCount: number;
  readonly z95: number;
  readonly z998: number;
  readonly overdispersion: Overdispersion;
  /** Whether the adjustment was applied (false for 'none'). */
  readonly adjusted: boolean;
  /** Winsorisation bounds (10% and 90% quantiles of z), φ̂, its χ²(I − 1) p-value, τ̂². */
  readonly winsorLower: number;
  readonly winsorUpper: number;
  readonly phi: number;
  readonly phiPValue: number;
  readonly tau2: number;
  /** Sorted by unit label (numerically when both labels are numbers). */
  readonly units: readonly FunnelUnit[];
  /** Limits as a function of n, for drawing the funnel. */
  limitsAt(n: number): {
    readonly limits95: readonly [number, number];
    readonly limits998: readonly [number, number];
  };
}

/** R quantile(type = 7): h = (n − 1)p, linear interpolation between order statistics. */
function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

function compareLabels(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) && x !== y)
    return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function funnel(
  units: readonly { readonly unit: string; readonly values: readonly number[] }[],
  options?: FunnelOptions,
): FunnelResult;
export function funnel(
  values: readonly number[],
  unitLabels: readonly string[],
  options?: FunnelOptions,
): FunnelResult;
/**
 * Normal funnel over units. Either `funnel([{ unit, values }], options)` or
 * `funnel(values, unitLabels, options)` (one label per value). NaN values are skipped; units left with
 * fewer than `minN` values are dropped.
 * @throws InvalidArgumentError (length mismatch, bad options, a unit listed twice), TooFewRowsError
 *   (fewer than 2 values overall or no unit), and for over-dispersion fewer than 2 units
 */
export function funnel(
  a: readonly number[] | readonly { readonly unit: string; readonly values: readonly number[] }[],
  b?: readonly string[] | FunnelOptions,
  c?: FunnelOptions,
): FunnelResult {
  let groups: Map<string, number[]>;
  let options: FunnelOptions;
  if (Array.isArray(b)) {
    const values = a as readonly number[];
    const labels = b as readonly string[];
    if (values.length !== labels.length) {
      throw new InvalidArgumentError(
        `There are ${labels.length} unit labels for ${values.length} values.`,
      );
    }
    groups = new Map();
    values.forEach((v, i) => {
      const key = labels[i] as string;
      const g = groups.get(key) ?? [];
      g.push(v);
      groups.set(key, g);
    });
    options = c ?? {};
  } else {
    groups = new Map();
    for (const u of a as readonly { readonly unit: string; readonly values: readonly number[] }[]) {
      if (groups.has(u.unit)) throw new InvalidArgumentError(`Unit "${u.unit}" is listed twice.`);
      groups.set(u.unit, [...u.values]);
    }
    options = (b as FunnelOptions | undefined) ?? {};
  }
  const { overdispersion = 'none', onlyIfSignificant = false, minN = 1 } = options;
  if (!['none', 'multiplicative', 'additive'].includes(overdispersion)) {
    throw new InvalidArgumentError(
      `overdispersion must be none, multiplicative or additive, got ${String(overdispersion)}.`,
    );
  }
  if (!(Number.isInteger(minN) && minN >= 1))
    throw new InvalidArgumentError(`minN must be a whole number ≥ 1, got ${minN}.`);

  const kept = [...groups.entries()]
    .map(([unit, vs]) => ({ unit, values: vs.filter((v) => !Number.isNaN(v)) }))
    .filter((u) => u.values.length >= minN && u.values.length > 0)
    .sort((x, y) => compareLabels(x.unit, y.unit));
  const all = kept.flatMap((u) => u.values);
  if (kept.length === 0) throw new TooFewRowsError('A funnel plot (units with data)', 1, 0);
  if (all.length < 2) throw new TooFewRowsError('A funnel plot', 2, all.length);

  const twoPassMean = (xs: readonly number[]): number => {
    let m = xs.reduce((s, v) => s + v, 0) / xs.length;
    m += xs.reduce((s, v) => s + (v - m), 0) / xs.length;
    return m;
  };
  const target = twoPassMean(all);
  const sigma = Math.sqrt(all.reduce((s, v) => s + (v - target) ** 2, 0) / (all.length - 1));
  if (!(sigma > 0))
    throw new InvalidArgumentError('Every value is the same; the funnel has zero width.');
  const z95 = qnorm(0.975);
  const z998 = qnorm(0.999);

  const base = kept.map((u) => {
    const n = u.values.length;
    const mean = twoPassMean(u.values);
    const se = sigma / Math.sqrt(n);
    return { unit: u.unit, n, mean, se, z: (mean - target) / se };
  });
  const I = base.length;

  // over-dispersion statistics (always reported when there are ≥ 2 units)
  let winsorLower = NaN;
  let winsorUpper = NaN;
  let phi = NaN;
  let phiPValue = NaN;
  let tau2 = NaN;
  if (I >= 2) {
    const zs = base.map((u) => u.z).sort((x, y) => x - y);
    winsorLower = quantile7(zs, 0.1);
    winsorUpper = quantile7(zs, 0.9);
    phi = base.reduce((s, u) => s + Math.min(Math.max(u.z, winsorLower), winsorUpper) ** 2, 0) / I;
    phiPValue = pchisq(I * phi, I - 1, 0, false);
    const w = base.map((u) => 1 / (u.se * u.se));
    const sw = w.reduce((s, v) => s + v, 0);
    const sw2 = w.reduce((s, v) => s + v * v, 0);
    tau2 = I * phi <= I - 1 ? 0 : (I * phi - (I - 1)) / (sw - sw2 / sw);
  } else if (overdispersion !== 'none') {
    throw new TooFewRowsError('An over-dispersion estimate (units)', 2, I);
  }
  const adjusted =
    overdispersion !== 'none' && (!onlyIfSignificant || (phi > 1 && phiPValue < 0.05));

  /** standard error of a unit mean of size n under the chosen model */
  const spread = (n: number): number => {
    const s = sigma / Math.sqrt(n);
    if (!adjusted) return s;
    if (overdispersion === 'multiplicative') return Math.sqrt(phi) * s;
    return Math.sqrt(s * s + tau2);
  };
  const limitsAt = (n: number) => {
    const s = spread(n);
    return {
      limits95: [target - z95 * s, target + z95 * s] as const,
      limits998: [target - z998 * s, target + z998 * s] as const,
    };
  };
  const result: FunnelUnit[] = base.map((u) => {
    const zAdjusted = (u.mean - target) / spread(u.n);
    const lim = limitsAt(u.n);
    return {
      ...u,
      zAdjusted,
      outside95: Math.abs(zAdjusted) > z95,
      outside998: Math.abs(zAdjusted) > z998,
      limits95: lim.limits95,
      limits998: lim.limits998,
    };
  });
  return {
    target,
    sigma,
    totalN: all.length,
    unitCount: I,
    z95,
    z998,
    overdispersion,
    adjusted,
    winsorLower,
    winsorUpper,
    phi,
    phiPValue,
    tau2,
    units: result,
    limitsAt,
  };
}
