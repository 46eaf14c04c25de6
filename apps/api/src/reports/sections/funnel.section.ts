import type { FunnelLimitPoint, FunnelScale, ScaleResult } from '@swhc/contracts';
import { scaleReporting } from '@swhc/instruments';
import type { ReportDataSets } from '../data/report-data-sets';
import type { ReportFrame } from '../report-frame';
import { funnelCaption } from '../report-wording';
import type { FunnelComputation } from '../statistics/report-statistics';

const clamp = (v: number): number => Math.min(100, Math.max(0, v));

/** The funnel's limits at n from the smallest to the largest plotted LA (log-spaced, for drawing). */
export function funnelLimits(
  funnel: FunnelComputation,
  smallest: number,
  largest: number,
  steps = 40,
): FunnelScale['limits'] {
  const from = Math.max(2, Math.floor(smallest * 0.9));
  const to = Math.max(from + 1, Math.ceil(largest * 1.05));
  const out: FunnelLimitPoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const n = Math.round(from * Math.pow(to / from, i / steps));
    if (out.length > 0 && out[out.length - 1]?.n === n) continue;
    const { limits95, limits998 } = funnel.limitsAt(n);
    out.push({
      n,
      lower95: clamp(limits95[0]),
      upper95: clamp(limits95[1]),
      lower998: clamp(limits998[0]),
      upper998: clamp(limits998[1]),
    });
  }
  return out;
}

/**
 * Every LA with at least K responses per scale; only this LA is marked, the others are anonymous.
 * The caption states the scale's headline verdict (from the scores section), never a second one.
 */
export function funnelSection(
  frame: ReportFrame,
  data: ReportDataSets,
  scales: readonly ScaleResult[],
): FunnelScale[] {
  const { instrument, organisation } = frame;
  const { funnel } = data;
  if (!funnel) return [];
  return instrument.scales.flatMap((scale): FunnelScale[] => {
    const f = funnel[scale.key];
    if (!f || f.units.length === 0) return [];
    const points = f.units
      .map((u) => ({
        n: u.n,
        score: u.mean,
        own: u.unit === organisation.id,
        outside95: u.outside95,
        outside998: u.outside998,
      }))
      // Ordered by size and score, never by anything that could name an LA.
      .sort((a, b) => a.n - b.n || a.score - b.score);
    const own = points.find((p) => p.own);
    const ns = points.map((p) => p.n);
    const ownPosition = !own
      ? null
      : own.outside998
        ? 'outside998'
        : own.outside95
          ? 'outside95'
          : 'inside';
    const result = scales.find((s) => s.key === scale.key);
    const headline = result && !result.suppressed ? result.national : null;
    return [
      {
        scale: scale.key,
        title: scaleReporting(instrument, scale).title,
        target: f.target,
        points,
        limits: funnelLimits(f, Math.min(...ns), Math.max(...ns)),
        ownPosition,
        caption: funnelCaption(organisation.name, { ownPosition, points }, headline),
      },
    ];
  });
}
