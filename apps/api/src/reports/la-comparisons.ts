import type { InstrumentDefinition } from '@swhc/instruments';
import {
  compareMeans,
  estimateMean,
  type Difference,
  type MeanEstimate,
} from './report-statistics';
import type { ResponseTable } from './response-table';

/** One LA against the other LAs of a population (England or its region): Welch on 0–100 scores. */
export interface PopulationComparison {
  /** The other LAs' responses. */
  readonly others: MeanEstimate;
  /** This LA minus the others. */
  readonly difference: Difference;
}

export interface ScaleComparisons {
  readonly national: PopulationComparison | null;
  readonly regional: PopulationComparison | null;
  /** Other LAs of the region with a score on this scale. */
  readonly otherLasInRegion: number;
}

/** organisation id → scale key → comparisons. */
export type ComparisonTable = ReadonlyMap<string, Readonly<Record<string, ScaleComparisons>>>;

function safely<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch {
    // Too few values, or constant scores: no comparison rather than a wrong one.
    return null;
  }
}

/**
 * Every LA of a closed wave against England and its region, both without the LA itself. Computed
 * once per (wave, service) and cached, so a report only looks its LA up: comparing against tens of
 * thousands of responses on every request would dominate the report's latency.
 */
export function compareEveryOrganisation(
  instrument: InstrumentDefinition,
  table: ResponseTable,
  regionOf: readonly string[],
): ComparisonTable {
  const organisations = table.organisationIds.length;
  const result = new Map<string, Record<string, ScaleComparisons>>();
  table.organisationIds.forEach((id) => result.set(id, {}));

  for (const scale of instrument.scales) {
    const column = table.scaleScores[scale.key];
    // Values grouped by organisation, so "everyone but o" is a concatenation, not a scan with a test.
    const byOrganisation: number[][] = Array.from({ length: organisations }, () => []);
    for (let r = 0; r < table.size; r++) {
      const v = column[r];
      if (!Number.isNaN(v)) byOrganisation[table.organisationOf[r]]?.push(v);
    }
    for (let o = 0; o < organisations; o++) {
      const own = byOrganisation[o];
      const entry = result.get(table.organisationIds[o]) as Record<string, ScaleComparisons>;
      if (own.length < 2) {
        entry[scale.key] = { national: null, regional: null, otherLasInRegion: 0 };
        continue;
      }
      const nationalOthers: number[] = [];
      const regionalOthers: number[] = [];
      let otherLasInRegion = 0;
      for (let p = 0; p < organisations; p++) {
        if (p === o) continue;
        const values = byOrganisation[p];
        for (const v of values) nationalOthers.push(v);
        if (regionOf[p] === regionOf[o] && values.length > 0) {
          otherLasInRegion++;
          for (const v of values) regionalOthers.push(v);
        }
      }
      const compare = (others: number[]): PopulationComparison | null =>
        safely(() => ({ others: estimateMean(others), difference: compareMeans(own, others) }));
      entry[scale.key] = {
        national: compare(nationalOthers),
        regional: compare(regionalOthers),
        otherLasInRegion,
      };
    }
  }
  return result;
}
