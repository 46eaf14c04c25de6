/**
 * What an export of survey waves holds: its variables (from the instrument and its export rules), how
 * each answer becomes a code for the anonymisation plan, and how each released record becomes a CSV
 * row. Pure: the rows come from export-rows.repository.ts, the plan from libs/disclosure.
 */
import type { Answers, ExportVariableOption, ServiceKind } from '@swhc/contracts';
import {
  LOCAL_AUTHORITY,
  exportRulesFor,
  type ExportRules,
  type GeneralisationLevel,
  type InstrumentDefinition,
  type QuestionDefinition,
  type ScaleScores,
} from '@swhc/instruments';
import {
  NOT_ANSWERED_LABEL,
  SUPPRESSED_LABEL,
  designQi,
  groupsLevel,
  quasiIdentifierColumns,
  rowIdColumn,
  serviceQi,
  type ChosenLevels,
  type CsvColumn,
  type DatasetDesign,
  type DesignQuasiIdentifier,
  type QiLevel,
} from './dataset-design';

const WAVE = 'wave';

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

type WaveQuasiIdentifier = DesignQuasiIdentifier<ExportRow>;

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

export interface ExportDesign extends DatasetDesign<ExportRow> {
  readonly instrument: InstrumentDefinition;
  readonly rules: ExportRules;
  readonly waves: readonly { readonly id: string; readonly name: string }[];
  /** Wave, service, then the chosen quasi-identifiers in the order of the options. */
  readonly quasiIdentifiers: readonly WaveQuasiIdentifier[];
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

function localAuthorityQi(
  organisations: readonly ExportOrganisation[],
  levels: readonly GeneralisationLevel[],
): WaveQuasiIdentifier {
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
): WaveQuasiIdentifier {
  const position = new Map(question.choices.map((c, i) => [String(c.value), i]));
  return {
    variable: question.name,
    removable: true,
    question: question.text,
    levels: [
      choiceLevel(question),
      ...levels.map((l) => {
        if (l.kind !== 'groups') throw new Error(`Level ${l.column} of ${question.name}`);
        return groupsLevel(question.name, question.choices, l, true);
      }),
    ],
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

export function exportDesign(input: ExportDesignInput): ExportDesign {
  const { instrument, waves, organisations } = input;
  const rules = exportRulesFor(instrument);
  const chosen = new Set(input.variables);
  const order = exportVariableOptions(instrument).map((o) => o.name);
  const variables = order.filter((v) => chosen.has(v));
  const waveIndex = new Map(waves.map((w, i) => [w.id, i]));
  const wave = designQi<ExportRow>(
    WAVE,
    'Wave',
    waves.map((w) => w.name),
    (row) => {
      const i = waveIndex.get(row.waveId);
      if (i === undefined) throw new Error('A response belongs to a wave the export does not hold');
      return i;
    },
  );
  const rest: WaveQuasiIdentifier[] = [];
  for (const rule of rules.quasiIdentifiers) {
    if (!chosen.has(rule.variable)) continue;
    if (rule.variable === LOCAL_AUTHORITY) {
      rest.push(localAuthorityQi(organisations, rule.levels));
      continue;
    }
    const question = instrument.questions.find((q) => q.name === rule.variable);
    if (question) rest.push(questionQi(question, rule.levels));
  }
  // Keep the chosen order of the options for the quasi-identifiers after wave and service.
  const qiOrder = (qi: WaveQuasiIdentifier) => order.indexOf(qi.variable);
  const sensitive = variables.filter((v) => rules.sensitive.includes(v));
  const qiNames = new Set(rest.map((q) => q.variable));
  const design: ExportDesign = {
    instrument,
    rules,
    waves,
    quasiIdentifiers: [
      wave,
      serviceQi<ExportRow>(),
      ...rest.sort((a, b) => qiOrder(a) - qiOrder(b)),
    ],
    sensitive,
    plain: variables.filter((v) => !qiNames.has(v) && !sensitive.includes(v)),
    variables,
    sensitiveValues: (row) =>
      sensitive.map((name) => {
        const v = row.answers[name];
        return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
      }),
    csvColumns: (chosenLevels) => csvColumns(design, chosenLevels),
  };
  return design;
}

/** The columns of data.csv once the plan has chosen each quasi-identifier's level. */
function csvColumns(design: ExportDesign, chosenLevels: ChosenLevels): CsvColumn<ExportRow>[] {
  const { instrument } = design;
  const columns: CsvColumn<ExportRow>[] = [
    rowIdColumn<ExportRow>(),
    ...quasiIdentifierColumns(design.quasiIdentifiers, chosenLevels),
  ];
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
