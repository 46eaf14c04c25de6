import { resolveMinimumGroupSize } from './minimum-group-size';

/** Why a cell is hidden: too small itself, or hidden to protect a small cell elsewhere. */
export type SuppressionReason = 'below-k' | 'complementary' | 'differencing';

/**
 * The sentence a report shows in place of a suppressed cell (GOV.UK sentence case).
 * Cells hidden to protect others are not said to be small: that would be untrue, and the wording
 * deliberately does not say which small cell they protect.
 */
export function suppressionMessage(reason: SuppressionReason, k?: number): string {
  const minimum = resolveMinimumGroupSize(k);
  return reason === 'below-k'
    ? `Fewer than ${minimum} responses`
    : `Hidden so that groups of fewer than ${minimum} cannot be worked out`;
}
