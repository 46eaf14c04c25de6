import type { DimensionSpec, RespondentGroups } from '@swhc/disclosure';
import type { InstrumentDefinition } from '@swhc/instruments';
import { NOT_ANSWERED, type ResponseTable } from '../data/response-table';
import { NOT_ANSWERED_LABEL } from '../report-wording';

/** A grouping question (role, team type, employment) as a dimension of grouped results. */
export interface GroupingQuestion {
  readonly name: string;
  /** Every choice, then NOT_ANSWERED. */
  readonly keys: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  readonly required: boolean;
}

export function groupingQuestions(instrument: InstrumentDefinition): GroupingQuestion[] {
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

export const dimensionsOf = (questions: readonly GroupingQuestion[]): DimensionSpec[] =>
  questions.map((q) => ({ name: q.name, keys: q.keys }));

/** Each respondent's group on every dimension (an unknown or skipped answer is NOT_ANSWERED). */
export function respondentGroups(
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
