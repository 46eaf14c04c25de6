import type { InstrumentDefinition } from '@swhc/instruments';
import { PsychometricsError } from '@swhc/psychometrics';
import { compareMeans, type Difference } from './report-statistics';
import type { ResponseTable } from '../data/response-table';

/** One LA against the other LAs of a population (England or its region): Welch on 0–100 scores. */
export interface PopulationComparison {
  /** The other LAs' responses: how many, and their mean 0–100 score. */
  readonly others: { readonly n: number; readonly mean: number };
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

function compare(own: readonly number[], others: readonly number[]): PopulationComparison | null {
  try {
    const difference = compareMeans(own, others);
    return { others: { n: difference.n2, mean: difference.mean2 }, difference };
  } catch (error) {
    // Too few values, or constant scores: no comparison rather than a wrong one.
    if (error instanceof PsychometricsError) return null;
    throw error;
  }
}

/**
 * Every LA of a closed wave against England and its region, both without the LA itself. Computed
 * once per (wave, service) and cached, so a report only looks its LA up.
 *
 * The scores are laid out once per scale, grouped by region and then by LA, so "everyone but this
 * LA" is two slices of one array (England) or of its region's range (region), not a scan.
 */
export function compareEveryOrganisation(
  instrument: InstrumentDefinition,
  table: ResponseTable,
  regionOf: readonly string[],
): ComparisonTable {
  const organisations = table.organisationIds.length;
  const order = Array.from({ length: organisations }, (_, o) => o).sort((a, b) =>
    (regionOf[a] ?? '') < (regionOf[b] ?? '')
      ? -1
      : (regionOf[a] ?? '') > (regionOf[b] ?? '')
        ? 1
        : a - b,
  );
  const result = new Map<string, Record<string, ScaleComparisons>>();
  table.organisationIds.forEach((id) => result.set(id, {}));

  for (const scale of instrument.scales) {
    const column = table.scaleScores[scale.key];
    const byOrganisation: number[][] = Array.from({ length: organisations }, () => []);
    for (let r = 0; r < table.size; r++) {
      const v = column[r];
      if (!Number.isNaN(v)) byOrganisation[table.organisationOf[r]]?.push(v);
    }
    // all = every score, LA by LA in `order`; [start, end) of each LA and of each LA's region.
    const all: number[] = [];
    const start = new Int32Array(organisations);
    const end = new Int32Array(organisations);
    for (const o of order) {
      start[o] = all.length;
      for (const v of byOrganisation[o] ?? []) all.push(v);
      end[o] = all.length;
    }
    const regionStart = new Map<string, number>();
    const regionEnd = new Map<string, number>();
    const lasWithScores = new Map<string, number>();
    for (const o of order) {
      const region = regionOf[o] ?? '';
      if (!regionStart.has(region)) regionStart.set(region, start[o]);
      regionEnd.set(region, end[o]);
      if (end[o] > start[o]) {
        lasWithScores.set(region, (lasWithScores.get(region) ?? 0) + 1);
      }
    }

    for (let o = 0; o < organisations; o++) {
      const entry = result.get(table.organisationIds[o]) as Record<string, ScaleComparisons>;
      const own = byOrganisation[o] ?? [];
      if (own.length < 2) {
        entry[scale.key] = { national: null, regional: null, otherLasInRegion: 0 };
        continue;
      }
      const s = start[o];
      const e = end[o];
      const region = regionOf[o] ?? '';
      const rs = regionStart.get(region) ?? s;
      const re = regionEnd.get(region) ?? e;
      entry[scale.key] = {
        national: compare(own, all.slice(0, s).concat(all.slice(e))),
        regional: compare(own, all.slice(rs, s).concat(all.slice(e, re))),
        otherLasInRegion: (lasWithScores.get(region) ?? 1) - 1,
      };
    }
  }
  return result;
}
