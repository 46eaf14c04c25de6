/**
 * What an export of survey waves holds: its variables (from the instrument and its export rules), how
 * each answer becomes a code for the anonymisation plan, and how each released record becomes a CSV
 * row. Pure: the rows come from export-rows.repository.ts, the plan from libs/disclosure.
 */
import {
  SERVICE_KINDS,
  SERVICE_NAMES,
  type Answers,
  type ExportVariableOption,
  type ServiceKind,
} from '@swhc/contracts';
import type { QuasiIdentifierColumn, ReleasedRecord } from '@swhc/disclosure';
import {
  LOCAL_AUTHORITY,
  exportRulesFor,
  type ExportRules,
  type GeneralisationLevel,
  type InstrumentDefinition,
  type QuestionDefinition,
  type ScaleScores,
} from '@swhc/instruments';

/** The code a categorical answer that was not given carries (a declared missing value). */
export const NOT_ANSWERED_CODE = -9;
const NOT_ANSWERED_LABEL = 'Not answered';
const SUPPRESSED_LABEL = 'Blanked to protect anonymity';
/** Reserved column names: not chosen, always there. */
export const ROW_ID = 'row_id';
const WAVE = 'wave';
const SERVICE = 'service';

/** One stored response as an export reads it. */
export interface ExportRow {
  readonly waveId: string;
  readonly service: ServiceKind;
  readonly organisationId: string;
  readonly answers: Answers;
  readonly scores: ScaleScores;
}

export interface ExportOrganisation {
  readonly id: string;
  readonly gssCode: string;
  readonly name: string;
  readonly region: string;
}

export interface ValueLabel {
  readonly value: number;
  readonly label: string;
}

export type VariableType = 'string' | 'categorical' | 'ordinal' | 'numeric';
export type VariableRole =
  'row-id' | 'design' | 'quasi-identifier' | 'item' | 'outcome' | 'score' | 'about-you';

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
  readonly missing?: readonly { readonly value: number | ''; readonly label: string }[];
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
}

/** A level of a quasi-identifier as the export writes it. */
interface QiLevel {
  readonly column: string;
  readonly label: string;
  readonly values: readonly ValueLabel[];
  /** Level-0 code → this level's code (0-based; the not-answered code maps to the last). */
  readonly map: readonly number[];
  readonly groups?: readonly { readonly value: number; readonly members: readonly string[] }[];
}

/** A quasi-identifier of an export: level 0 and its coarser levels. */
export interface DesignQuasiIdentifier {
  readonly variable: string;
  readonly removable: boolean;
  /** Number of answer codes at level 0, plus one for "not answered" when it can be missing. */
  readonly levels: readonly QiLevel[];
  readonly question?: QuestionDefinition;
  readonly codeOf: (row: ExportRow) => number;
  /** Whether the last level-0 code means "not answered". */
  readonly hasNotAnswered: boolean;
}

export interface ExportVariable {
  readonly name: string;
  readonly option: ExportVariableOption;
}

const regionLabel = (region: string) => region;

/** Every variable a researcher may choose for an instrument version, in the order of data.csv. */
export function exportVariableOptions(instrument: InstrumentDefinition): ExportVariableOption[] {
  const rules = exportRulesFor(instrument);
  const qi = new Set(rules.quasiIdentifiers.map((q) => q.variable));
  const sensitive = new Set(rules.sensitive);
  const options: ExportVariableOption[] = [
    {
      name: LOCAL_AUTHORITY,
      label: 'Local authority (or its region, when needed for anonymity)',
      group: 'Where',
      quasiIdentifier: true,
      sensitive: false,
    },
  ];
  for (const scale of instrument.scales) {
    for (const item of scale.items) {
      const q = instrument.questions.find((x) => x.name === item);
      options.push({
        name: item,
        label: q?.text ?? item,
        group: `${scale.title} items`,
        quasiIdentifier: false,
        sensitive: sensitive.has(item),
      });
    }
  }
  const outcome = instrument.questions.find((q) => q.name === instrument.outcome);
  options.push({
    name: instrument.outcome,
    label: outcome?.text ?? instrument.outcome,
    group: 'Intention to stay',
    quasiIdentifier: false,
    sensitive: sensitive.has(instrument.outcome),
  });
  for (const scale of instrument.scales) {
    options.push({
      name: scoreColumn(scale.key),
      label: `${scale.title} score (0–100)`,
      group: 'Scale scores',
      quasiIdentifier: false,
      sensitive: false,
    });
  }
  for (const q of instrument.questions.filter((x) => x.role === 'about-you')) {
    options.push({
      name: q.name,
      label: q.text,
      group: 'About you',
      quasiIdentifier: qi.has(q.name),
      sensitive: sensitive.has(q.name),
    });
  }
  return options;
}

export const scoreColumn = (scaleKey: string) => `${scaleKey}Score`;

/** The design of one export: its waves, organisations, rules and chosen variables. */
export interface ExportDesignInput {
  readonly instrument: InstrumentDefinition;
  readonly waves: readonly { readonly id: string; readonly name: string }[];
  readonly organisations: readonly ExportOrganisation[];
  /** Chosen variable names (validated against exportVariableOptions). */
  readonly variables: readonly string[];
}

export interface ExportDesign {
  readonly instrument: InstrumentDefinition;
  readonly rules: ExportRules;
  readonly waves: readonly { readonly id: string; readonly name: string }[];
  /** Wave, service, then the chosen quasi-identifiers in the order of the options. */
  readonly quasiIdentifiers: readonly DesignQuasiIdentifier[];
  /** Chosen sensitive questions. */
  readonly sensitive: readonly string[];
  /** Chosen variables that are neither (items, outcome when not sensitive, scores). */
  readonly plain: readonly string[];
  readonly variables: readonly string[];
}

function choiceLevel(question: QuestionDefinition): QiLevel {
  const values = question.choices.map((c, i) => ({ value: i + 1, label: c.text }));
  return {
    column: question.name,
    label: question.text,
    values,
    map: [...question.choices.map((_, i) => i), question.choices.length],
  };
}

function groupsLevel(question: QuestionDefinition, level: GeneralisationLevel): QiLevel {
  if (level.kind !== 'groups') throw new Error(`Level ${level.column} of ${question.name}`);
  const groupOf = (value: string) => level.groups.findIndex((g) => g.members.includes(value));
  return {
    column: level.column,
    label: level.label,
    values: level.groups.map((g, i) => ({ value: i + 1, label: g.label })),
    map: [
      ...question.choices.map((c) => {
        const g = groupOf(String(c.value));
        if (g < 0)
          throw new Error(`${question.name}: ${String(c.value)} is in no group of ${level.column}`);
        return g;
      }),
      level.groups.length,
    ],
    groups: level.groups.map((g, i) => ({ value: i + 1, members: g.members })),
  };
}

function localAuthorityQi(
  organisations: readonly ExportOrganisation[],
  levels: readonly GeneralisationLevel[],
): DesignQuasiIdentifier {
  const sorted = [...organisations].sort((a, b) => a.gssCode.localeCompare(b.gssCode));
  const index = new Map(sorted.map((o, i) => [o.id, i]));
  const regions = [...new Set(sorted.map((o) => o.region))].sort();
  const qiLevels: QiLevel[] = [
    {
      column: LOCAL_AUTHORITY,
      label: 'Local authority',
      values: sorted.map((o, i) => ({ value: i + 1, label: `${o.name} (${o.gssCode})` })),
      map: sorted.map((_, i) => i),
    },
  ];
  for (const level of levels) {
    if (level.kind !== 'region') continue;
    qiLevels.push({
      column: level.column,
      label: level.label,
      values: regions.map((r, i) => ({ value: i + 1, label: regionLabel(r) })),
      map: sorted.map((o) => regions.indexOf(o.region)),
    });
  }
  return {
    variable: LOCAL_AUTHORITY,
    removable: true,
    levels: qiLevels,
    hasNotAnswered: false,
    codeOf: (row) => {
      const i = index.get(row.organisationId);
      if (i === undefined)
        throw new Error('A response names an organisation the export does not know');
      return i;
    },
  };
}

function questionQi(
  question: QuestionDefinition,
  levels: readonly GeneralisationLevel[],
): DesignQuasiIdentifier {
  const position = new Map(question.choices.map((c, i) => [String(c.value), i]));
  return {
    variable: question.name,
    removable: true,
    question,
    levels: [choiceLevel(question), ...levels.map((l) => groupsLevel(question, l))],
    hasNotAnswered: true,
    codeOf: (row) => {
      const value = row.answers[question.name];
      return (
        (typeof value === 'string' || typeof value === 'number'
          ? position.get(String(value))
          : undefined) ?? question.choices.length
      );
    },
  };
}

function designQi(
  variable: string,
  label: string,
  values: readonly string[],
  codeOf: (row: ExportRow) => number,
): DesignQuasiIdentifier {
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

export function exportDesign(input: ExportDesignInput): ExportDesign {
  const { instrument, waves, organisations } = input;
  const rules = exportRulesFor(instrument);
  const chosen = new Set(input.variables);
  const order = exportVariableOptions(instrument).map((o) => o.name);
  const variables = order.filter((v) => chosen.has(v));
  const waveIndex = new Map(waves.map((w, i) => [w.id, i]));
  const qis: DesignQuasiIdentifier[] = [
    designQi(
      WAVE,
      'Wave',
      waves.map((w) => w.name),
      (row) => {
        const i = waveIndex.get(row.waveId);
        if (i === undefined)
          throw new Error('A response belongs to a wave the export does not hold');
        return i;
      },
    ),
    designQi(
      SERVICE,
      'Service',
      SERVICE_KINDS.map((s) => SERVICE_NAMES[s]),
      (row) => SERVICE_KINDS.indexOf(row.service),
    ),
  ];
  for (const rule of rules.quasiIdentifiers) {
    if (!chosen.has(rule.variable)) continue;
    if (rule.variable === LOCAL_AUTHORITY) {
      qis.push(localAuthorityQi(organisations, rule.levels));
      continue;
    }
    const question = instrument.questions.find((q) => q.name === rule.variable);
    if (question) qis.push(questionQi(question, rule.levels));
  }
  // Keep the chosen order of the options for the quasi-identifiers after wave and service.
  const qiOrder = (qi: DesignQuasiIdentifier) => order.indexOf(qi.variable);
  const [wave, service, ...rest] = qis as [
    DesignQuasiIdentifier,
    DesignQuasiIdentifier,
    ...DesignQuasiIdentifier[],
  ];
  const sensitive = variables.filter((v) => rules.sensitive.includes(v));
  const qiNames = new Set(rest.map((q) => q.variable));
  return {
    instrument,
    rules,
    waves,
    quasiIdentifiers: [wave, service, ...rest.sort((a, b) => qiOrder(a) - qiOrder(b))],
    sensitive,
    plain: variables.filter((v) => !qiNames.has(v) && !sensitive.includes(v)),
    variables,
  };
}

/** Codes of the design's quasi-identifiers for one row (level 0), in the design's order. */
export function quasiIdentifierCodes(design: ExportDesign, row: ExportRow): number[] {
  return design.quasiIdentifiers.map((q) => q.codeOf(row));
}

/** Sensitive values of one row (NaN when missing), in the design's order. */
export function sensitiveValues(design: ExportDesign, row: ExportRow): number[] {
  return design.sensitive.map((name) => {
    const v = row.answers[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
  });
}

/** The planner's view of a quasi-identifier: codes gathered in the first pass, levels as maps. */
export function plannerColumn(
  qi: DesignQuasiIdentifier,
  codes: ArrayLike<number>,
): QuasiIdentifierColumn {
  return {
    name: qi.variable,
    codes,
    levels: qi.levels.slice(1).map((l) => l.map),
    removable: qi.removable,
  };
}

/** A column of data.csv: its codebook entry and how a released record fills it. */
export interface CsvColumn {
  readonly variable: CodebookVariable;
  readonly cell: (row: ExportRow, released: ReleasedRecord, rowId: string) => string | number;
}

/** The columns of data.csv once the plan has chosen each quasi-identifier's level. */
export function csvColumns(
  design: ExportDesign,
  chosenLevels: readonly { readonly level: number; readonly removed: boolean }[],
): CsvColumn[] {
  const { instrument } = design;
  const columns: CsvColumn[] = [
    {
      variable: {
        name: ROW_ID,
        label: 'Row identifier, random and different in every export',
        type: 'string',
        role: 'row-id',
      },
      cell: (_row, _released, rowId) => rowId,
    },
  ];
  design.quasiIdentifiers.forEach((qi, q) => {
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
        ...(qi.question ? { question: qi.question.text } : {}),
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
  const scaleOf = (item: string) => instrument.scales.find((s) => s.items.includes(item));
  const question = (name: string) => instrument.questions.find((q) => q.name === name);
  const sensitiveIndex = new Map(design.sensitive.map((s, j) => [s, j]));
  for (const name of design.variables) {
    if (design.quasiIdentifiers.some((q) => q.variable === name)) continue;
    const scale = instrument.scales.find((s) => scoreColumn(s.key) === name);
    if (scale) {
      const { min, max } = instrument.responseScale;
      columns.push({
        variable: {
          name,
          label: `${scale.title} score (0–100)`,
          type: 'numeric',
          role: 'score',
          scale: scale.key,
          items: scale.items,
          computation:
            `Mean of the answered items after reverse-keying (${min} + ${max} − answer for ${scale.reversed.join(', ')}), ` +
            `rescaled to 0–100: 100 × (mean − ${min}) / ${max - min}; empty when fewer than ${scale.minAnswered} items were answered.`,
          missing: [{ value: '', label: `Fewer than ${scale.minAnswered} items answered` }],
        },
        cell: (row) => {
          const s = row.scores[scale.key]?.score0to100;
          return typeof s === 'number' && Number.isFinite(s) ? Math.round(s * 100) / 100 : '';
        },
      });
      continue;
    }
    const q = question(name);
    if (!q) continue;
    const itemScale = scaleOf(name);
    const j = sensitiveIndex.get(name);
    columns.push({
      variable: {
        name,
        label: q.text,
        type: 'ordinal',
        role: itemScale ? 'item' : 'outcome',
        question: q.text,
        values: q.choices.map((c) => ({ value: Number(c.value), label: c.text })),
        missing: [
          {
            value: '',
            label:
              j === undefined
                ? NOT_ANSWERED_LABEL
                : `${NOT_ANSWERED_LABEL}, or ${SUPPRESSED_LABEL.toLowerCase()} (l-diversity)`,
          },
        ],
        ...(itemScale ? { scale: itemScale.key, reversed: itemScale.reversed.includes(name) } : {}),
        ...(j === undefined ? {} : { sensitive: true }),
      },
      cell: (row, released) => {
        if (j !== undefined && released.blankSensitive[j]) return '';
        const v = row.answers[name];
        return typeof v === 'number' && Number.isFinite(v) ? v : '';
      },
    });
  }
  return columns;
}
