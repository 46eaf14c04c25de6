/**
 * What every dataset of an export shares, whatever its rows (survey responses, poll answers): the
 * codebook's description of a column, quasi-identifiers with their levels as code maps for the
 * planner, and how a released record fills the columns of the quasi-identifiers. The wave design
 * (export-design.ts) and the poll design (poll-export-design.ts) build on it.
 */
import { SERVICE_KINDS, SERVICE_NAMES, type ServiceKind } from '@swhc/contracts';
import type { QuasiIdentifierColumn, ReleasedRecord } from '@swhc/disclosure';
import type { GeneralisationGroups } from '@swhc/instruments';

/** The code a categorical answer that was not given carries (a declared missing value). */
export const NOT_ANSWERED_CODE = -9;
export const NOT_ANSWERED_LABEL = 'Not answered';
export const SUPPRESSED_LABEL = 'Blanked to protect anonymity';
/** Reserved column names: not chosen, always there. */
export const ROW_ID = 'row_id';
export const SERVICE = 'service';

export interface ValueLabel {
  readonly value: number;
  readonly label: string;
}

export type VariableType = 'string' | 'categorical' | 'ordinal' | 'numeric';
export type VariableRole =
  | 'row-id'
  | 'design'
  | 'quasi-identifier'
  | 'item'
  | 'outcome'
  | 'score'
  | 'about-you'
  | 'poll-answer';

/** A code that means "no value here"; an empty cell is written as "". */
export interface MissingCode {
  readonly value: number | '';
  readonly label: string;
}

/** One column of data.csv as the codebook describes it. */
export interface CodebookVariable {
  readonly name: string;
  readonly label: string;
  readonly type: VariableType;
  readonly role: VariableRole;
  /** The question as people read it. */
  readonly question?: string;
  readonly values?: readonly ValueLabel[];
  /** Codes that mean "no answer here" (an empty cell is written as ""). */
  readonly missing?: readonly MissingCode[];
  readonly scale?: string;
  readonly reversed?: boolean;
  /** For a scale score: its items and how it is computed. */
  readonly items?: readonly string[];
  readonly computation?: string;
  /** For a coarsened quasi-identifier: what it was made from. */
  readonly generalisedFrom?: {
    readonly variable: string;
    readonly level: number;
    readonly groups?: readonly { readonly value: number; readonly members: readonly string[] }[];
  };
  readonly sensitive?: boolean;
  /** For a poll answer: the polls (their codes in the `poll` column) that asked the question. */
  readonly askedIn?: readonly number[];
}

/** A level of a quasi-identifier as the export writes it. */
export interface QiLevel {
  readonly column: string;
  readonly label: string;
  readonly values: readonly ValueLabel[];
  /** Level-0 code → this level's code (0-based; the not-answered code maps to the last). */
  readonly map: readonly number[];
  readonly groups?: readonly { readonly value: number; readonly members: readonly string[] }[];
}

/** A quasi-identifier of an export: level 0 and its coarser levels. */
export interface DesignQuasiIdentifier<Row> {
  readonly variable: string;
  readonly removable: boolean;
  readonly levels: readonly QiLevel[];
  /** The question's wording, when the quasi-identifier is a question. */
  readonly question?: string;
  readonly codeOf: (row: Row) => number;
  /** Whether the last level-0 code means "not answered". */
  readonly hasNotAnswered: boolean;
}

/** A column of data.csv: its codebook entry and how a released record fills it. */
export interface CsvColumn<Row> {
  readonly variable: CodebookVariable;
  readonly cell: (row: Row, released: ReleasedRecord, rowId: string) => string | number;
}

/** The level the plan chose for each quasi-identifier (or that it was left out). */
export type ChosenLevels = readonly { readonly level: number; readonly removed: boolean }[];

/** One dataset of an export as the planner and the file writer see it. */
export interface DatasetDesign<Row> {
  /** Design columns first (never coarsened), then the removable quasi-identifiers. */
  readonly quasiIdentifiers: readonly DesignQuasiIdentifier<Row>[];
  /** Sensitive columns (l-diversity), in order. */
  readonly sensitive: readonly string[];
  /** A row's sensitive values in the order of `sensitive` (NaN when missing). */
  readonly sensitiveValues: (row: Row) => number[];
  /** The columns of data.csv once the plan has chosen each quasi-identifier's level. */
  readonly csvColumns: (chosen: ChosenLevels) => CsvColumn<Row>[];
}

/** Codes of the design's quasi-identifiers for one row (level 0), in the design's order. */
export function quasiIdentifierCodes<Row>(design: DatasetDesign<Row>, row: Row): number[] {
  return design.quasiIdentifiers.map((q) => q.codeOf(row));
}

/** The planner's view of a quasi-identifier: codes gathered in the first pass, levels as maps. */
export function plannerColumn<Row>(
  qi: DesignQuasiIdentifier<Row>,
  codes: ArrayLike<number>,
): QuasiIdentifierColumn {
  return {
    name: qi.variable,
    codes,
    levels: qi.levels.slice(1).map((l) => l.map),
    removable: qi.removable,
  };
}

/** A column that is never coarsened (wave, poll, service): one code per value. */
export function designQi<Row>(
  variable: string,
  label: string,
  values: readonly string[],
  codeOf: (row: Row) => number,
): DesignQuasiIdentifier<Row> {
  return {
    variable,
    removable: false,
    hasNotAnswered: false,
    levels: [
      {
        column: variable,
        label,
        values: values.map((v, i) => ({ value: i + 1, label: v })),
        map: values.map((_, i) => i),
      },
    ],
    codeOf,
  };
}

/** Children's or adults' services: a design column of every dataset. */
export function serviceQi<
  Row extends { readonly service: ServiceKind },
>(): DesignQuasiIdentifier<Row> {
  return designQi<Row>(
    SERVICE,
    'Service',
    SERVICE_KINDS.map((s) => SERVICE_NAMES[s]),
    (row) => SERVICE_KINDS.indexOf(row.service),
  );
}

/**
 * A coarser level that groups answers: `choices` are level 0 in order (plus "not answered" last
 * when `notAnswered`), each group naming the values it holds.
 */
export function groupsLevel(
  variable: string,
  choices: readonly { readonly value: string | number }[],
  level: GeneralisationGroups,
  notAnswered: boolean,
): QiLevel {
  const groupOf = (value: string) => level.groups.findIndex((g) => g.members.includes(value));
  return {
    column: level.column,
    label: level.label,
    values: level.groups.map((g, i) => ({ value: i + 1, label: g.label })),
    map: [
      ...choices.map((c) => {
        const g = groupOf(String(c.value));
        if (g < 0)
          throw new Error(`${variable}: ${String(c.value)} is in no group of ${level.column}`);
        return g;
      }),
      ...(notAnswered ? [level.groups.length] : []),
    ],
    groups: level.groups.map((g, i) => ({ value: i + 1, members: g.members })),
  };
}

/** The first column of every export: random, different in every export. */
export function rowIdColumn<Row>(): CsvColumn<Row> {
  return {
    variable: {
      name: ROW_ID,
      label: 'Row identifier, random and different in every export',
      type: 'string',
      role: 'row-id',
    },
    cell: (_row, _released, rowId) => rowId,
  };
}

/** The columns of the quasi-identifiers at their chosen levels (none for one left out). */
export function quasiIdentifierColumns<Row>(
  quasiIdentifiers: readonly DesignQuasiIdentifier<Row>[],
  chosenLevels: ChosenLevels,
): CsvColumn<Row>[] {
  const columns: CsvColumn<Row>[] = [];
  quasiIdentifiers.forEach((qi, q) => {
    const chosen = chosenLevels[q];
    if (!chosen || chosen.removed) return;
    const level = qi.levels[chosen.level];
    if (!level) return;
    const notAnsweredCode = level.values.length;
    const missing = [
      ...(qi.hasNotAnswered ? [{ value: NOT_ANSWERED_CODE, label: NOT_ANSWERED_LABEL }] : []),
      ...(qi.removable ? [{ value: '' as const, label: SUPPRESSED_LABEL }] : []),
    ];
    columns.push({
      variable: {
        name: level.column,
        label: level.label,
        type: 'categorical',
        role: qi.removable ? 'quasi-identifier' : 'design',
        ...(qi.question ? { question: qi.question } : {}),
        values: level.values,
        ...(missing.length > 0 ? { missing } : {}),
        ...(chosen.level > 0
          ? {
              generalisedFrom: {
                variable: qi.variable,
                level: chosen.level,
                ...(level.groups ? { groups: level.groups } : {}),
              },
            }
          : {}),
      },
      cell: (_row, released) => {
        const code = released.codes[q];
        if (code === null || code === undefined) return '';
        return qi.hasNotAnswered && code === notAnsweredCode ? NOT_ANSWERED_CODE : code + 1;
      },
    });
  });
  return columns;
}
