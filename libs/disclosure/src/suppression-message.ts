import { resolveMinimumGroupSize } from './minimum-group-size';
import type { DistributionSuppressionReason } from './protect-distribution';

/** Why a cell is hidden: too small itself, or hidden to protect a small cell elsewhere. */
export type SuppressionReason = 'below-k' | 'complementary' | 'differencing';

/**
 * The sentence a report shows in place of a suppressed cell or distribution (GOV.UK sentence case).
 * Cells hidden to protect others are not said to be small: that would be untrue, and the wording
 * deliberately does not say which small cell they protect.
 */
export function suppressionMessage(
  reason: SuppressionReason | DistributionSuppressionReason,
  k?: number,
): string {
  const minimum = resolveMinimumGroupSize(k);
  switch (reason) {
    case 'below-k':
      return `Fewer than ${minimum} responses`;
    case 'complementary':
    case 'differencing':
      return `Hidden so that groups of fewer than ${minimum} cannot be worked out`;
    case 'dominant-answer':
      return `Hidden because fewer than ${minimum} people answered differently from everyone else`;
    case 'small-category':
      return `Hidden because fewer than ${minimum} people gave one of the answers`;
  }
}
