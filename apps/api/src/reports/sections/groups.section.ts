import type { GroupedDimension, GroupRow, GroupScaleCell } from '@swhc/contracts';
import { suppressAcrossDimensions, type RespondentGroups } from '@swhc/disclosure';
import type { ReportDataSets } from '../data/report-data-sets';
import { NOT_ANSWERED, presentValues, type ResponseTable } from '../data/response-table';
import type { ReportFrame } from '../report-frame';
import { dimensionTitle, suppressedCell } from '../report-wording';
import { statementCells, type StatementCellsByGroup } from './group-statements';
import {
  dimensionsOf,
  groupingQuestions,
  respondentGroups,
  type GroupingQuestion,
} from './grouping';

const mean = (values: readonly number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Per scale, a group's mean rests on those of its members with a score on that scale: protect those
 * sets too, across all dimensions, exactly as the headcounts were protected.
 * Result: [dimension index] → group key → cell.
 */
function scaleCells(
  frame: ReportFrame,
  la: ResponseTable,
  scaleKey: string,
  questions: readonly GroupingQuestion[],
  records: readonly RespondentGroups[],
): Map<string, GroupScaleCell>[] {
  const { k } = frame;
  const column = la.scaleScores[scaleKey];
  const scored: number[] = [];
  for (let r = 0; r < la.size; r++) if (!Number.isNaN(column?.[r] ?? Number.NaN)) scored.push(r);
  const overall = mean(presentValues(column ?? new Float64Array(0)));
  const protectedScale = suppressAcrossDimensions(
    scored.map((r) => records[r] ?? {}),
    dimensionsOf(questions),
    { k },
  );
  return questions.map((q, d) => {
    const sums = new Map<string, { n: number; sum: number }>();
    for (const r of scored) {
      const key = records[r]?.[q.name] ?? NOT_ANSWERED;
      const s = sums.get(key) ?? { n: 0, sum: 0 };
      s.n++;
      s.sum += column?.[r] ?? 0;
      sums.set(key, s);
    }
    const byKey = new Map<string, GroupScaleCell>();
    for (const cell of protectedScale.dimensions[d]?.groups ?? []) {
      const s = sums.get(cell.key);
      byKey.set(
        cell.key,
        cell.suppressed || !s
          ? { scale: scaleKey, ...suppressedCell(cell.suppressed ? cell.reason : 'below-k', k) }
          : {
              scale: scaleKey,
              suppressed: false,
              n: s.n,
              score: s.sum / s.n,
              differenceFromOverall: s.sum / s.n - overall,
            },
      );
    }
    return byKey;
  });
}

/**
 * Scores (and each statement's % favourable) by role, team type and employment, for a heatmap.
 * Group counts are protected across all three dimensions (no group under K, none recoverable by
 * subtracting shown groups), then each scale's cells again over the respondents with a score on that
 * scale, and each statement's as group-statements.ts says: a cell is shown only when all allow it.
 */
export function groupsSection(frame: ReportFrame, data: ReportDataSets): GroupedDimension[] {
  const { instrument, k } = frame;
  const questions = groupingQuestions(instrument);
  const records = respondentGroups(data.la, questions);
  const protectedGroups = suppressAcrossDimensions(records, dimensionsOf(questions), { k });
  const scales = new Map(
    instrument.scales.map((scale) => [
      scale.key,
      scaleCells(frame, data.la, scale.key, questions, records),
    ]),
  );
  const shownRows = questions.map(
    (_, d) =>
      new Set(
        (protectedGroups.dimensions[d]?.groups ?? [])
          .filter((cell) => !cell.suppressed)
          .map((cell) => cell.key),
      ),
  );
  const items = instrument.scales.flatMap((s) => s.items);
  const statements = new Map<string, StatementCellsByGroup>(
    items.map((item) => [
      item,
      statementCells(frame, data.la, item, questions, records, shownRows),
    ]),
  );

  return questions.map((q, d): GroupedDimension => {
    const groups = (protectedGroups.dimensions[d]?.groups ?? [])
      // A required question has no "did not say" group; an empty one would only add a row of nothing.
      .filter((cell) => !(q.required && cell.key === NOT_ANSWERED && cell.suppressed))
      .map((cell): GroupRow => {
        const label = q.labels.get(cell.key) ?? cell.key;
        if (cell.suppressed) return { key: cell.key, label, ...suppressedCell(cell.reason, k) };
        return {
          key: cell.key,
          label,
          suppressed: false,
          n: cell.n,
          scales: instrument.scales.map(
            (scale) =>
              scales.get(scale.key)?.[d]?.get(cell.key) ?? {
                scale: scale.key,
                ...suppressedCell('below-k', k),
              },
          ),
          statements: items.map(
            (item) =>
              statements.get(item)?.[d]?.get(cell.key) ?? {
                item,
                ...suppressedCell('below-k', k),
              },
          ),
        };
      });
    return { dimension: q.name, title: dimensionTitle(q.name), groups };
  });
}
