import type { Answers } from '@swhc/contracts';
import {
  reportedMean,
  reportedScore,
  type InstrumentDefinition,
  type ScaleScores,
} from '@swhc/instruments';

/** One stored response as the report reads it. */
export interface ResponseRow {
  readonly organisationId: string;
  readonly answers: Answers;
  readonly scores: ScaleScores;
}

/** Grouping value for a respondent who skipped an optional grouping question. */
export const NOT_ANSWERED = 'not-answered';

/**
 * Responses as columns of numbers (NaN = missing), which is what the statistics take and what a
 * cache can hold compactly: 25,000 responses of Health Check v1 are about 7 MB.
 * Scale columns are as reports read them: higher is better for every scale (a scale the instrument
 * scores the other way is turned round here, once); item columns are the raw answers.
 */
export interface ResponseTable {
  readonly size: number;
  /** Index into `organisationIds` for each row. */
  readonly organisationOf: Int32Array;
  readonly organisationIds: readonly string[];
  /** Scale mean on the 1–5 answer scale, per scale key (higher is better). */
  readonly scaleMeans: Readonly<Record<string, Float64Array>>;
  /** The same on 0–100 (higher is better). */
  readonly scaleScores: Readonly<Record<string, Float64Array>>;
  /** Raw answers (1–5) per scale item, not reverse-keyed. */
  readonly items: Readonly<Record<string, Float64Array>>;
  readonly outcome: Float64Array;
  /** Grouping question → one key per row (`not-answered` when skipped). */
  readonly grouping: Readonly<Record<string, readonly string[]>>;
}

const numberOr = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;

export function buildResponseTable(
  instrument: InstrumentDefinition,
  rows: readonly ResponseRow[],
): ResponseTable {
  const size = rows.length;
  const organisationIds: string[] = [];
  const organisationIndex = new Map<string, number>();
  const organisationOf = new Int32Array(size);
  const scaleMeans: Record<string, Float64Array> = {};
  const scaleScores: Record<string, Float64Array> = {};
  const items: Record<string, Float64Array> = {};
  for (const scale of instrument.scales) {
    scaleMeans[scale.key] = new Float64Array(size);
    scaleScores[scale.key] = new Float64Array(size);
    for (const item of scale.items) items[item] = new Float64Array(size);
  }
  const outcome = new Float64Array(size);
  const grouping: Record<string, string[]> = {};
  for (const question of instrument.groupingQuestions) grouping[question] = new Array<string>(size);

  rows.forEach((row, r) => {
    let o = organisationIndex.get(row.organisationId);
    if (o === undefined) {
      o = organisationIds.length;
      organisationIds.push(row.organisationId);
      organisationIndex.set(row.organisationId, o);
    }
    organisationOf[r] = o;
    for (const scale of instrument.scales) {
      const score = row.scores[scale.key];
      const mean = numberOr(score?.mean);
      scaleMeans[scale.key][r] = reportedMean(scale, instrument.responseScale, mean);
      scaleScores[scale.key][r] = reportedScore(scale, numberOr(score?.score0to100));
      for (const item of scale.items) items[item][r] = numberOr(row.answers[item]);
    }
    outcome[r] = numberOr(row.answers[instrument.outcome]);
    for (const question of instrument.groupingQuestions) {
      const value = row.answers[question];
      grouping[question][r] = typeof value === 'string' ? value : NOT_ANSWERED;
    }
  });
  return {
    size,
    organisationOf,
    organisationIds,
    scaleMeans,
    scaleScores,
    items,
    outcome,
    grouping,
  };
}

/** Non-missing values of a column, optionally only rows that pass `keep`. */
export function presentValues(column: Float64Array, keep?: (row: number) => boolean): number[] {
  const out: number[] = [];
  for (let r = 0; r < column.length; r++) {
    const v = column[r];
    if (!Number.isNaN(v) && (keep === undefined || keep(r))) out.push(v);
  }
  return out;
}

/** The rows of each organisation, by organisation index (built once per cached table). */
export function rowsByOrganisation(table: ResponseTable): Int32Array[] {
  const counts = new Int32Array(table.organisationIds.length);
  for (let r = 0; r < table.size; r++) counts[table.organisationOf[r] ?? 0]++;
  const out = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(table.organisationIds.length);
  for (let r = 0; r < table.size; r++) {
    const o = table.organisationOf[r] ?? 0;
    const rows = out[o];
    if (rows) rows[filled[o]++] = r;
  }
  return out;
}

/** A table of some rows of another (e.g. one LA's responses out of England's). */
export function subTable(table: ResponseTable, rows: Int32Array): ResponseTable {
  const pick = (column: Float64Array): Float64Array => {
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = column[rows[i] ?? 0] ?? Number.NaN;
    return out;
  };
  const pickAll = (columns: Readonly<Record<string, Float64Array>>) =>
    Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, pick(column)]));
  const organisationIds: string[] = [];
  const index = new Map<number, number>();
  const organisationOf = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const o = table.organisationOf[row] ?? 0;
    let local = index.get(o);
    if (local === undefined) {
      local = organisationIds.length;
      organisationIds.push(table.organisationIds[o] ?? '');
      index.set(o, local);
    }
    organisationOf[i] = local;
  });
  return {
    size: rows.length,
    organisationOf,
    organisationIds,
    scaleMeans: pickAll(table.scaleMeans),
    scaleScores: pickAll(table.scaleScores),
    items: pickAll(table.items),
    outcome: pick(table.outcome),
    grouping: Object.fromEntries(
      Object.entries(table.grouping).map(([key, values]) => [
        key,
        Array.from(rows, (row) => values[row] ?? NOT_ANSWERED),
      ]),
    ),
  };
}
