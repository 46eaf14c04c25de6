import type { GroupedDimension, GroupRow, GroupScaleCell } from '@swhc/contracts';
import {
  suppressAcrossDimensions,
  type DimensionSpec,
  type RespondentGroups,
} from '@swhc/disclosure';
import type { InstrumentDefinition } from '@swhc/instruments';
import type { ReportDataSets } from '../data/report-data-sets';
import { NOT_ANSWERED, type ResponseTable } from '../data/response-table';
import type { ReportFrame } from '../report-frame';
import { dimensionTitle, NOT_ANSWERED_LABEL, suppressedCell } from '../report-wording';

interface GroupingQuestion {
  readonly name: string;
  /** Every choice, then NOT_ANSWERED. */
  readonly keys: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  readonly required: boolean;
}

function groupingQuestions(instrument: InstrumentDefinition): GroupingQuestion[] {
  return instrument.groupingQuestions.map((name) => {
    const question = instrument.questions.find((q) => q.name === name);
    const choices = question?.choices ?? [];
    return {
      name,
      keys: [...choices.map((c) => String(c.value)), NOT_ANSWERED],
      labels: new Map<string, string>([
        ...choices.map((c): [string, string] => [String(c.value), c.text]),
        [NOT_ANSWERED, NOT_ANSWERED_LABEL],
      ]),
      required: question?.required ?? false,
    };
  });
}

/** Each respondent's group on every dimension (an unknown or skipped answer is NOT_ANSWERED). */
function respondentGroups(
  la: ResponseTable,
  questions: readonly GroupingQuestion[],
): RespondentGroups[] {
  const records: RespondentGroups[] = [];
  for (let r = 0; r < la.size; r++) {
    const record: Record<string, string> = {};
    for (const q of questions) {
      const value = la.grouping[q.name]?.[r] ?? NOT_ANSWERED;
      record[q.name] = q.keys.includes(value) ? value : NOT_ANSWERED;
    }
    records.push(record);
  }
  return records;
}

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
  const dimensions: DimensionSpec[] = questions.map((q) => ({ name: q.name, keys: q.keys }));
  const protectedScale = suppressAcrossDimensions(
    scored.map((r) => records[r] ?? {}),
    dimensions,
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
          : { scale: scaleKey, suppressed: false, n: s.n, score: s.sum / s.n },
      );
    }
    return byKey;
  });
}

/**
 * Scores by role, team type and employment. Group counts are protected across all three dimensions
 * (no group under K, none recoverable by subtracting shown groups), and each scale's cells again
 * over the respondents with a score on that scale: a cell is shown only when both allow it.
 */
export function groupsSection(frame: ReportFrame, data: ReportDataSets): GroupedDimension[] {
  const { instrument, k } = frame;
  const questions = groupingQuestions(instrument);
  const records = respondentGroups(data.la, questions);
  const dimensions: DimensionSpec[] = questions.map((q) => ({ name: q.name, keys: q.keys }));
  const protectedGroups = suppressAcrossDimensions(records, dimensions, { k });
  const cells = new Map(
    instrument.scales.map((scale) => [
      scale.key,
      scaleCells(frame, data.la, scale.key, questions, records),
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
              cells.get(scale.key)?.[d]?.get(cell.key) ?? {
                scale: scale.key,
                ...suppressedCell('below-k', k),
              },
          ),
        };
      });
    return { dimension: q.name, title: dimensionTitle(q.name), groups };
  });
}
