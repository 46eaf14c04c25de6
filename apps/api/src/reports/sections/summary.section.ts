import type {
  DriversResult,
  ItemDistribution,
  ReportSummary,
  StatementHighlight,
} from '@swhc/contracts';

/** How many statements the summary lists on each side of England, and how many drivers. */
const HIGHLIGHTS = 3;
const TOP_DRIVERS = 2;

function highlight(item: ItemDistribution): (StatementHighlight & { verdict: string }) | null {
  if (item.suppressed || 'suppressed' in item.benchmarks.england) return null;
  const england = item.benchmarks.england;
  return {
    item: item.item,
    text: item.text,
    scale: item.scale,
    favourablePercent: item.favourablePercent,
    englandFavourablePercent: england.favourablePercent,
    difference: england.difference,
    verdict: england.verdict,
  };
}

const withoutVerdict = ({ verdict: _, ...rest }: StatementHighlight & { verdict: string }) => rest;

/**
 * The answer at a glance, from the other sections: the statements most clearly above and below
 * England (only where the difference is clear, by the one verdict rule) and the top drivers.
 */
export function summarySection(
  items: readonly ItemDistribution[],
  drivers: DriversResult | null,
): ReportSummary {
  const compared = items.map(highlight).filter((h) => h !== null);
  return {
    strengths: compared
      .filter((h) => h.verdict === 'better')
      .sort((a, b) => b.difference - a.difference)
      .slice(0, HIGHLIGHTS)
      .map(withoutVerdict),
    concerns: compared
      .filter((h) => h.verdict === 'worse')
      .sort((a, b) => a.difference - b.difference)
      .slice(0, HIGHLIGHTS)
      .map(withoutVerdict),
    topDrivers: drivers?.available
      ? [...drivers.shares].sort((a, b) => b.share - a.share).slice(0, TOP_DRIVERS)
      : [],
  };
}
