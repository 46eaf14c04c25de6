import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import type { ResponseTable } from '../data/response-table';

/**
 * A one-LA response table from answers given column by column (NaN where a column is not given):
 * enough for the sections that read items and groupings, without drawing whole responses.
 */
export function tableOf(
  size: number,
  items: Readonly<Record<string, readonly number[]>>,
  grouping: Readonly<Record<string, readonly string[]>> = {},
): ResponseTable {
  const nan = () => new Float64Array(size).fill(Number.NaN);
  const scaleColumns = () => Object.fromEntries(HEALTH_CHECK_V1.scales.map((s) => [s.key, nan()]));
  const itemColumns: Record<string, Float64Array> = {};
  for (const scale of HEALTH_CHECK_V1.scales) {
    for (const item of scale.items) itemColumns[item] = Float64Array.from(items[item] ?? nan());
  }
  return {
    size,
    organisationOf: new Int32Array(size),
    organisationIds: ['la'],
    scaleMeans: scaleColumns(),
    scaleScores: scaleColumns(),
    items: itemColumns,
    outcome: nan(),
    grouping: Object.fromEntries(
      HEALTH_CHECK_V1.groupingQuestions.map((q) => [
        q,
        grouping[q] ?? new Array<string>(size).fill('not-answered'),
      ]),
    ),
  };
}
