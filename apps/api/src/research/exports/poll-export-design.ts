/**
 * What an export of closed panel polls holds: one row per poll answer (answers carry no member, so
 * neither does the row), the poll as a design column, the member's coarse attributes when answering
 * as quasi-identifiers (the poll export rules in libs/instruments), and one column per question —
 * a question asked again in a later poll keeps its one column, so its answers line up across polls.
 * Pure: the rows come from export-rows.repository.ts, the plan from libs/disclosure.
 */
import {
  ENGLISH_REGIONS,
  PANEL_ROLES,
  type Answers,
  type PollQuestion,
  type ServiceKind,
} from '@swhc/contracts';
import {
  POLL_EXPORT_RULES,
  pollAnswerLabel,
  pollQuestionValues,
  type PollExportRules,
  type PollQuasiIdentifierRule,
} from '@swhc/instruments';
import {
  SUPPRESSED_LABEL,
  designQi,
  groupsLevel,
  quasiIdentifierColumns,
  rowIdColumn,
  serviceQi,
  type CodebookVariable,
  type CsvColumn,
  type DatasetDesign,
  type DesignQuasiIdentifier,
} from './dataset-design';

const POLL = 'poll';
/** Stata's longest variable name. */
const MAX_COLUMN_NAME = 32;

/** One stored poll answer as an export reads it: no id, no member, no time. */
export interface PollExportRow {
  readonly pollId: string;
  readonly service: ServiceKind;
  readonly role: string;
  readonly region: string;
  readonly answers: Answers;
}

/** A closed poll of the export: its title and questions in the order asked. */
export interface ExportPoll {
  readonly id: string;
  readonly title: string;
  readonly questions: readonly PollQuestion[];
}

/** A question's column: every poll that asked it (by position in the export's polls). */
export interface PollQuestionColumn {
  readonly column: string;
  readonly question: PollQuestion;
  readonly askedIn: readonly number[];
  /** Stored answer → code in data.csv. */
  readonly codeOf: (value: unknown) => number | undefined;
  readonly values: readonly { readonly value: number; readonly label: string }[];
}

export interface PollExportDesign extends DatasetDesign<PollExportRow> {
  readonly polls: readonly { readonly id: string; readonly title: string }[];
  readonly questions: readonly PollQuestionColumn[];
  readonly rules: PollExportRules;
}

/**
 * A column name from a question's name (`wellbeing-fortnight` → `pollWellbeingFortnight`): a letter
 * first, no dashes, at most 32 characters, so SPSS, Stata and R read it as it is; `taken` keeps it
 * unique.
 */
export function pollAnswerColumnName(questionName: string, taken: ReadonlySet<string>): string {
  const camel = `poll${questionName
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;
  let name = camel.slice(0, MAX_COLUMN_NAME);
  for (let n = 2; taken.has(name); n++) {
    const suffix = `_${n}`;
    name = `${camel.slice(0, MAX_COLUMN_NAME - suffix.length)}${suffix}`;
  }
  return name;
}

/** Poll titles as value labels: a title used twice gets its position, so labels stay distinct. */
function distinctTitles(polls: readonly ExportPoll[]): string[] {
  return polls.map((p, i) =>
    polls.some((other, j) => j !== i && other.title === p.title)
      ? `${p.title} (${i + 1})`
      : p.title,
  );
}

function attributeQi(rule: PollQuasiIdentifierRule): DesignQuasiIdentifier<PollExportRow> {
  const choices =
    rule.attribute === 'role'
      ? PANEL_ROLES.map((r) => ({ value: r.value, text: r.text }))
      : ENGLISH_REGIONS.map((r) => ({ value: r, text: r }));
  const position = new Map(choices.map((c, i) => [c.value, i]));
  return {
    variable: rule.column,
    removable: true,
    hasNotAnswered: false,
    levels: [
      {
        column: rule.column,
        label: rule.label,
        values: choices.map((c, i) => ({ value: i + 1, label: c.text })),
        map: choices.map((_, i) => i),
      },
      ...rule.levels.map((level) => groupsLevel(rule.column, choices, level, false)),
    ],
    codeOf: (row) => {
      const i = position.get(row[rule.attribute]);
      if (i === undefined)
        throw new Error(`A poll answer has a ${rule.attribute} the export does not know`);
      return i;
    },
  };
}

function questionColumn(
  question: PollQuestion,
  column: string,
  askedIn: readonly number[],
): PollQuestionColumn {
  const answers = pollQuestionValues(question);
  const numeric = answers.every((v) => typeof v === 'number');
  // Numbers stay themselves (a rating of 4 is 4); text answers are numbered in the order shown.
  const code = (v: string | number, i: number) => (numeric ? Number(v) : i + 1);
  const codes = new Map(answers.map((v, i) => [v, code(v, i)]));
  return {
    column,
    question,
    askedIn,
    codeOf: (value) =>
      typeof value === 'string' || typeof value === 'number' ? codes.get(value) : undefined,
    values: answers.map((v, i) => ({ value: code(v, i), label: pollAnswerLabel(question, v) })),
  };
}

export function pollExportDesign(
  polls: readonly ExportPoll[],
  rules: PollExportRules = POLL_EXPORT_RULES,
): PollExportDesign {
  const titles = distinctTitles(polls);
  const pollIndex = new Map(polls.map((p, i) => [p.id, i]));
  const poll = designQi<PollExportRow>(POLL, 'Poll', titles, (row) => {
    const i = pollIndex.get(row.pollId);
    if (i === undefined) throw new Error('An answer belongs to a poll the export does not hold');
    return i;
  });
  const quasiIdentifiers = [
    poll,
    serviceQi<PollExportRow>(),
    ...rules.quasiIdentifiers.map(attributeQi),
  ];
  // One column per question, in the order first asked; a reused question is one question.
  const taken = new Set<string>([
    POLL,
    ...quasiIdentifiers.flatMap((q) => q.levels.map((l) => l.column)),
  ]);
  const questions: PollQuestionColumn[] = [];
  polls.forEach((p, i) => {
    for (const q of p.questions) {
      const seen = questions.findIndex((c) => c.question.id === q.id);
      if (seen >= 0) {
        const c = questions[seen];
        questions[seen] = { ...c, askedIn: [...c.askedIn, i + 1] };
        continue;
      }
      const column = pollAnswerColumnName(q.name, taken);
      taken.add(column);
      questions.push(questionColumn(q, column, [i + 1]));
    }
  });
  const sensitive = rules.everyAnswerSensitive ? questions.map((q) => q.column) : [];
  const sensitiveQuestions = questions.filter((q) => sensitive.includes(q.column));
  const design: PollExportDesign = {
    polls: polls.map((p, i) => ({ id: p.id, title: titles[i] ?? p.title })),
    questions,
    rules,
    quasiIdentifiers,
    sensitive,
    sensitiveValues: (row) =>
      sensitiveQuestions.map((q) => q.codeOf(row.answers[q.question.name]) ?? Number.NaN),
    csvColumns: (chosen) => [
      rowIdColumn<PollExportRow>(),
      ...quasiIdentifierColumns(quasiIdentifiers, chosen),
      ...questions.map((q) => answerColumn(q, sensitive.indexOf(q.column))),
    ],
  };
  return design;
}

/** A question's column: its code, or empty when the row's poll did not ask it (or l-diversity). */
function answerColumn(q: PollQuestionColumn, j: number): CsvColumn<PollExportRow> {
  const variable: CodebookVariable = {
    name: q.column,
    label: q.question.title,
    type: q.question.type === 'rating' ? 'ordinal' : 'categorical',
    role: 'poll-answer',
    question: q.question.title,
    values: q.values,
    missing: [
      {
        value: '',
        label:
          j < 0
            ? 'Not asked in this row’s poll'
            : `Not asked in this row’s poll, or ${SUPPRESSED_LABEL.toLowerCase()} (l-diversity)`,
      },
    ],
    askedIn: q.askedIn,
    ...(j < 0 ? {} : { sensitive: true }),
  };
  return {
    variable,
    cell: (row, released) => {
      if (j >= 0 && released.blankSensitive[j]) return '';
      return q.codeOf(row.answers[q.question.name]) ?? '';
    },
  };
}
