import type { ScaleReliability } from '@swhc/contracts';
import type { ScaleDefinition } from '@swhc/instruments';
import { PsychometricsError } from '@swhc/psychometrics';
import { scaleItemsDataSet } from '../data/data-sets';
import type { ReportDataSets } from '../data/report-data-sets';
import type { ReportFrame } from '../report-frame';
import { reliabilityOf } from '../statistics/report-statistics';

/**
 * Cronbach's alpha of a scale in the LA's own responses (reverse-keyed items already turned round);
 * null when the library cannot compute it, e.g. an item everyone answered the same way.
 */
export function scaleReliability(
  frame: ReportFrame,
  data: ReportDataSets,
  scale: ScaleDefinition,
): ScaleReliability | null {
  try {
    const items = scaleItemsDataSet(frame.instrument, scale.key, [data.la]);
    return { alpha: reliabilityOf(items, scale.items, []), n: data.la.size };
  } catch (error) {
    if (error instanceof PsychometricsError) return null;
    throw error;
  }
}
