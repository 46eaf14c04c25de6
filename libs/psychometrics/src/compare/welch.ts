/**
 * Welch two-sample t-test (Welch 1947, Biometrika 34:28; R 4.2.2 `t.test(x, y)`, var.equal = FALSE)
 * and Hedges' g (Hedges 1981, J. Educ. Stat. 6:107; pooled SD).
 *
 * Sign convention — R's `t.test(x, y)`: every difference is FIRST minus SECOND (x − y). The test
 * vectors follow it (welch_HS_x1_by_school = t.test(Grant-White, Pasteur): t < 0). Our CLI reports
 * "B − A", so it calls `welch(b, a)` / `hedgesG(b, a)`.
 */
import { lgamma, pt, qt } from '../distributions/distributions';
import { InvalidArgumentError, TooFewRowsError } from '../scoring/errors';

export interface WelchResult {
  readonly n1: number;
  readonly n2: number;
  readonly mean1: number;
  readonly mean2: number;
  /** Sample variances (divisor n − 1). */
  readonly var1: number;
  readonly var2: number;
  /** mean1 − mean2 */
  readonly difference: number;
  /** sqrt(v1/n1 + v2/n2) */
  readonly se: number;
  /** (mean1 − mean2)/se */
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  /** Two-sided p = 2·pt(−|t|, df). */
  readonly p: number;
  /** 95% CI of mean1 − mean2: difference ± qt(0.975, df)·se. */
  readonly ci95: readonly [number, number];
}

export interface HedgesGResult {
  readonly n1: number;
  readonly n2: number;
  /** sqrt(((n1 − 1)v1 + (n2 − 1)v2)/(n1 + n2 − 2)) */
  readonly sdPooled: number;
  /** Cohen's d = (mean1 − mean2)/sdPooled */
  readonly d: number;
  /** Small-sample factor used: J = 1 − 3/(4(n1 + n2) − 9) (Hedges 1981 approximation). */
  readonly J: number;
  /** g = J·d — the value the test vectors call `g`. */
  readonly g: number;
  /** Exact J = Γ(ν/2)/(√(ν/2)·Γ((ν − 1)/2)), ν = n1 + n2 − 2 (as R's effectsize), and J_exact·d. */
  readonly jExact: number;
  readonly gExact: number;
}

interface Summary {
  n: number;
  mean: number;
  v: number;
}

/** Names for the two groups in error messages, e.g. the labels a user chose; default "1" and "2". */
export type GroupNames = readonly [string, string];

function summarise(values: readonly number[], which: number, names?: GroupNames): Summary {
  const xs = values.filter((v) => !Number.isNaN(v));
  if (xs.length < 2) {
    const group = names ? `Group "${names[which - 1]}"` : `Group ${which}`;
    throw new TooFewRowsError(group, 2, xs.length);
  }
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  let m = s / n;
  let c = 0;
  for (const x of xs) c += x - m;
  m += c / n; // R's two-pass mean
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return { n, mean: m, v: ss / (n - 1) };
}

/**
 * Welch's t-test, R `t.test(x, y)` (var.equal = FALSE), missing values (NaN) dropped. `names` label
 * the two groups in error messages.
 * @throws TooFewRowsError when a group has fewer than 2 values (e.g. an empty group);
 *   InvalidArgumentError when both groups are constant (R: "data are essentially constant")
 */
export function welch(x: readonly number[], y: readonly number[], names?: GroupNames): WelchResult {
  const a = summarise(x, 1, names);
  const b = summarise(y, 2, names);
  const q1 = a.v / a.n;
  const q2 = b.v / b.n;
  const se = Math.sqrt(q1 + q2);
  if (!(se > 0))
    throw new InvalidArgumentError('Both groups are constant; the t statistic is undefined.');
  const difference = a.mean - b.mean;
  const t = difference / se;
  const df = (q1 + q2) ** 2 / (q1 ** 2 / (a.n - 1) + q2 ** 2 / (b.n - 1));
  const p = 2 * pt(-Math.abs(t), df);
  const h = qt(0.975, df) * se;
  return {
    n1: a.n,
    n2: b.n,
    mean1: a.mean,
    mean2: b.mean,
    var1: a.v,
    var2: b.v,
    difference,
    se,
    t,
    df,
    p: Math.min(1, p),
    ci95: [difference - h, difference + h],
  };
}

/**
 * Hedges' g of x − y with the pooled SD and J = 1 − 3/(4(n1 + n2) − 9) (Hedges 1981; the exact gamma
 * form is returned too). @throws TooFewRowsError, InvalidArgumentError (pooled SD of 0)
 */
export function hedgesG(
  x: readonly number[],
  y: readonly number[],
  names?: GroupNames,
): HedgesGResult {
  const a = summarise(x, 1, names);
  const b = summarise(y, 2, names);
  const nu = a.n + b.n - 2;
  const sdPooled = Math.sqrt(((a.n - 1) * a.v + (b.n - 1) * b.v) / nu);
  if (!(sdPooled > 0))
    throw new InvalidArgumentError('Both groups are constant; Hedges g is undefined.');
  const d = (a.mean - b.mean) / sdPooled;
  const J = 1 - 3 / (4 * (a.n + b.n) - 9);
  const jExact = Math.exp(lgamma(nu / 2) - 0.5 * Math.log(nu / 2) - lgamma((nu - 1) / 2));
  return { n1: a.n, n2: b.n, sdPooled, d, J, g: J * d, jExact, gExact: jExact * d };
}
