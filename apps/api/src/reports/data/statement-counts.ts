import { answerSide, favourableAnswer, type InstrumentDefinition } from '@swhc/instruments';
import type { ResponseTable } from './response-table';

/** How many answered a statement and how many of them gave its favourable answer. */
export interface ShareCount {
  readonly favourable: number;
  readonly n: number;
}

/** Per statement, per organisation index of a table: answered and favourable counts. */
export type StatementCounts = Readonly<
  Record<string, { readonly answered: Int32Array; readonly favourable: Int32Array }>
>;

/** The other LAs' answers to a statement, England-wide and in the LA's region. */
export interface StatementOthers {
  readonly england: ShareCount;
  readonly region: ShareCount;
  /** Other LAs of the region where someone answered the statement. */
  readonly otherLasInRegion: number;
}

/** Answers and favourable answers per statement and organisation, counted once per table. */
export function countStatements(
  instrument: InstrumentDefinition,
  table: ResponseTable,
): StatementCounts {
  const organisations = table.organisationIds.length;
  const result: Record<string, { answered: Int32Array; favourable: Int32Array }> = {};
  for (const scale of instrument.scales) {
    for (const item of scale.items) {
      const good = favourableAnswer(scale, item);
      const answered = new Int32Array(organisations);
      const favourable = new Int32Array(organisations);
      const column = table.items[item];
      for (let r = 0; r < table.size; r++) {
        const v = column?.[r] ?? Number.NaN;
        if (Number.isNaN(v)) continue;
        const o = table.organisationOf[r] ?? 0;
        answered[o]++;
        if (answerSide(instrument.responseScale, v) === good) favourable[o]++;
      }
      result[item] = { answered, favourable };
    }
  }
  return result;
}

/** Everyone but the LA itself, in England and in its region, per statement. */
export function statementOthers(
  counts: StatementCounts,
  organisationIds: readonly string[],
  regionOf: readonly string[],
  organisationId: string,
): Record<string, StatementOthers> {
  const own = organisationIds.indexOf(organisationId);
  const region = own < 0 ? null : (regionOf[own] ?? null);
  const result: Record<string, StatementOthers> = {};
  for (const [item, { answered, favourable }] of Object.entries(counts)) {
    const england = { favourable: 0, n: 0 };
    const inRegion = { favourable: 0, n: 0 };
    let otherLasInRegion = 0;
    for (let o = 0; o < answered.length; o++) {
      if (o === own) continue;
      const n = answered[o] ?? 0;
      const f = favourable[o] ?? 0;
      england.n += n;
      england.favourable += f;
      if (region !== null && regionOf[o] === region) {
        inRegion.n += n;
        inRegion.favourable += f;
        if (n > 0) otherLasInRegion++;
      }
    }
    result[item] = { england, region: inRegion, otherLasInRegion };
  }
  return result;
}
