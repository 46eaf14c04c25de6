import type { ItemDistribution } from '@swhc/contracts';
import { protectDistribution } from '@swhc/disclosure';
import type { ReportDataSets } from '../data/report-data-sets';
import type { ReportFrame } from '../report-frame';
import { suppressedCell } from '../report-wording';

/**
 * Each statement's answers as % agree / neither / disagree of those who answered, each distribution
 * protected on its own (no category under K, none found by subtraction).
 */
export function statementsSection(frame: ReportFrame, data: ReportDataSets): ItemDistribution[] {
  const { instrument, k } = frame;
  const { min, max } = instrument.responseScale;
  const middle = (min + max) / 2;
  return instrument.scales.flatMap((scale) =>
    scale.items.map((item): ItemDistribution => {
      const head = {
        item,
        text: instrument.questions.find((q) => q.name === item)?.text ?? item,
        scale: scale.key,
        reversed: scale.reversed.includes(item),
      };
      const counts = { disagree: 0, neutral: 0, agree: 0 };
      for (const v of data.la.items[item] ?? []) {
        if (Number.isNaN(v)) continue;
        if (v < middle) counts.disagree++;
        else if (v > middle) counts.agree++;
        else counts.neutral++;
      }
      const result = protectDistribution(counts, { k, threeWay: null });
      if (result.status === 'suppressed') return { ...head, ...suppressedCell(result.reason, k) };
      return {
        ...head,
        suppressed: false,
        agree: result.percentages['agree'] ?? 0,
        neutral: result.percentages['neutral'] ?? 0,
        disagree: result.percentages['disagree'] ?? 0,
      };
    }),
  );
}
