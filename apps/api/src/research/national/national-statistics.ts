import type {
  AreaEstimates,
  NationalFunnel,
  ScaleEstimate,
  WorkforceMarginCounts,
  WorkforceMarginVariable,
} from '@swhc/contracts';
import { scaleReporting, type InstrumentDefinition } from '@swhc/instruments';
import { PsychometricsError, rake, weightedMeanInterval } from '@swhc/psychometrics';
import { NOT_ANSWERED, type ResponseTable } from '../../reports/data/response-table';
import { funnelLimits } from '../../reports/sections/funnel.section';
import { funnelOf } from '../../reports/statistics/report-statistics';

/** Where each LA of a response table is and what it is called. */
export interface OrganisationFacts {
  readonly gssCode: string;
  readonly name: string;
  readonly region: string;
}

/** One row's raking weight (NaN: the row could not be placed in a margin and is left out). */
export interface RakedWeights {
  readonly weights: Float64Array;
  readonly note: string;
}

const ENGLAND = 'England';

/** The category a row belongs to for a raking variable ('' when it has none). */
function categoryOf(
  table: ResponseTable,
  regionOfOrganisation: readonly string[],
  variable: WorkforceMarginVariable,
  row: number,
): string {
  if (variable === 'region') return regionOfOrganisation[table.organisationOf[row] ?? 0] ?? '';
  const role = table.grouping['role']?.[row] ?? NOT_ANSWERED;
  return role === NOT_ANSWERED ? '' : role;
}

/**
 * survey::rake weights (libs/psychometrics) of the rows to the stored margins. Rows without a role
 * cannot be placed and are left out; a category with no responses cannot be weighted up, so it is
 * dropped and every margin is rescaled to the same total (raking needs consistent totals). Either
 * is said in the note. Returns a note alone when the margins cannot be met.
 */
export function rakedWeights(
  table: ResponseTable,
  regionOfOrganisation: readonly string[],
  margins: WorkforceMarginCounts,
): RakedWeights | { readonly weights: null; readonly note: string } {
  const variables = (['role', 'region'] as const).filter((v) => margins[v] !== undefined);
  const rows: number[] = [];
  const levels: Record<string, string>[] = [];
  for (let r = 0; r < table.size; r++) {
    const row: Record<string, string> = {};
    let placed = true;
    for (const v of variables) {
      const c = categoryOf(table, regionOfOrganisation, v, r);
      if (c === '' || margins[v]?.[c] === undefined) placed = false;
      row[v] = c;
    }
    if (placed) {
      rows.push(r);
      levels.push(row);
    }
  }
  const notes: string[] = [];
  if (rows.length < table.size) {
    notes.push(
      `${table.size - rows.length} of ${table.size} responses gave no role the margins list and are left out of the raked figures.`,
    );
  }
  if (rows.length === 0) return { weights: null, note: 'Not raked: no response fits the margins.' };
  const present = variables.map((v) => new Set(levels.map((l) => l[v] ?? '')));
  const kept = variables.map((v, i) =>
    Object.entries(margins[v] ?? {}).filter(([c]) => present[i]?.has(c)),
  );
  const dropped = variables.flatMap((v, i) =>
    Object.keys(margins[v] ?? {})
      .filter((c) => !present[i]?.has(c))
      .map((c) => `${v} ${c}`),
  );
  const totals = kept.map((entries) => entries.reduce((s, [, n]) => s + n, 0));
  const target = Math.min(...totals);
  if (dropped.length > 0) {
    notes.push(
      `No responses from ${dropped.join(', ')}: left out of the margins, which were rescaled to a common total.`,
    );
  }
  const targets = Object.fromEntries(
    variables.map((v, i) => [
      v,
      Object.fromEntries(
        (kept[i] ?? []).map(([c, n]) => [c, (n * target) / (totals[i] ?? target)]),
      ),
    ]),
  );
  try {
    const result = rake(levels, targets, { epsilon: 1e-10, maxPasses: 200 });
    if (result.warnings.length > 0) {
      return { weights: null, note: `Not raked: ${result.warnings.join(' ')}` };
    }
    const weights = new Float64Array(table.size).fill(Number.NaN);
    rows.forEach((r, i) => (weights[r] = result.weights[i] ?? Number.NaN));
    return { weights, note: notes.join(' ') };
  } catch (e) {
    if (e instanceof PsychometricsError) return { weights: null, note: `Not raked: ${e.message}` };
    throw e;
  }
}

/** The estimate of some rows' values, weighted or not; null below K values. */
export function estimateOf(
  values: readonly number[],
  weights: readonly number[] | null,
  k: number,
): ScaleEstimate | null {
  const y: number[] = [];
  const w: number[] = [];
  values.forEach((v, i) => {
    const wi = weights ? (weights[i] ?? Number.NaN) : 1;
    if (Number.isNaN(v) || Number.isNaN(wi)) return;
    y.push(v);
    w.push(wi);
  });
  if (y.length < Math.max(k, 2)) return null;
  const r = weightedMeanInterval(y, weights ? w : undefined);
  return {
    n: r.n,
    mean: r.mean,
    se: r.se,
    lower: r.lower,
    upper: r.upper,
    designEffect: r.designEffect,
    effectiveN: r.effectiveN,
  };
}

/** England's or one area's estimates per scale over the rows given. */
export function areaEstimates(
  instrument: InstrumentDefinition,
  table: ResponseTable,
  area: string,
  rows: readonly number[],
  weights: Float64Array | null,
  k: number,
): AreaEstimates {
  if (rows.length < k) {
    return {
      area,
      n: null,
      scales: instrument.scales.map((s) => ({
        scale: s.key,
        title: scaleReporting(instrument, s).title,
        unweighted: null,
        raked: null,
      })),
    };
  }
  return {
    area,
    n: rows.length,
    scales: instrument.scales.map((s) => {
      const column = table.scaleScores[s.key];
      const values = rows.map((r) => column?.[r] ?? Number.NaN);
      return {
        scale: s.key,
        title: scaleReporting(instrument, s).title,
        unweighted: estimateOf(values, null, k),
        raked: weights
          ? estimateOf(
              values,
              rows.map((r) => weights[r] ?? Number.NaN),
              k,
            )
          : null,
      };
    }),
  };
}

/** England, then each region with responses (in the regions' order), over the whole table. */
export function nationalAndRegional(
  instrument: InstrumentDefinition,
  table: ResponseTable,
  regionOfOrganisation: readonly string[],
  regions: readonly string[],
  weights: Float64Array | null,
  k: number,
): { england: AreaEstimates; regions: AreaEstimates[] } {
  const all = Array.from({ length: table.size }, (_, r) => r);
  const byRegion = new Map<string, number[]>();
  for (const r of all) {
    const region = regionOfOrganisation[table.organisationOf[r] ?? 0] ?? '';
    const rows = byRegion.get(region) ?? [];
    rows.push(r);
    byRegion.set(region, rows);
  }
  return {
    england: areaEstimates(instrument, table, ENGLAND, all, weights, k),
    regions: regions
      .filter((region) => byRegion.has(region))
      .map((region) =>
        areaEstimates(instrument, table, region, byRegion.get(region) ?? [], weights, k),
      ),
  };
}

/** The funnel plot of every LA with at least K answers per scale, by name (unweighted scores). */
export function nationalFunnels(
  instrument: InstrumentDefinition,
  table: ResponseTable,
  organisations: readonly OrganisationFacts[],
  k: number,
): NationalFunnel[] {
  return instrument.scales.flatMap((scale): NationalFunnel[] => {
    const column = table.scaleScores[scale.key];
    if (!column) return [];
    const values: number[] = [];
    const units: string[] = [];
    const answered = new Map<number, number>();
    for (let r = 0; r < table.size; r++) {
      const v = column[r] ?? Number.NaN;
      if (Number.isNaN(v)) continue;
      const o = table.organisationOf[r] ?? 0;
      values.push(v);
      units.push(String(o));
      answered.set(o, (answered.get(o) ?? 0) + 1);
    }
    const unitsSuppressed = [...answered.values()].filter((n) => n < k).length;
    let f: ReturnType<typeof funnelOf>;
    try {
      f = funnelOf(values, units, k);
    } catch (e) {
      if (e instanceof PsychometricsError) return [];
      throw e;
    }
    if (f.units.length === 0) return [];
    const ns = f.units.map((u) => u.n);
    return [
      {
        scale: scale.key,
        title: scaleReporting(instrument, scale).title,
        target: f.target,
        units: f.units
          .map((u) => {
            const facts = organisations[Number(u.unit)];
            return {
              gssCode: facts?.gssCode ?? '',
              name: facts?.name ?? '',
              region: facts?.region ?? '',
              n: u.n,
              score: u.mean,
              outside95: u.outside95,
              outside998: u.outside998,
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
        unitsSuppressed,
        limits: funnelLimits(f, Math.min(...ns), Math.max(...ns)),
      },
    ];
  });
}
