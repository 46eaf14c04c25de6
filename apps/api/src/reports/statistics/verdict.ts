import type { Verdict } from '@swhc/contracts';

/** A difference is called clear (statistically significant) below this p-value. */
export const SIGNIFICANCE = 0.05;

/**
 * The one verdict rule of the report, for every comparison it makes (scales and statements against
 * England, the region and the previous wave): Welch's test of this LA minus the comparison, read the
 * way every reported score reads (higher is better). Clear only when p < 0.05 — exactly when the 95%
 * interval of the difference leaves out zero.
 */
export function verdictOf(difference: number, p: number): Verdict {
  if (!(p < SIGNIFICANCE) || difference === 0) return 'similar';
  return difference > 0 ? 'better' : 'worse';
}
