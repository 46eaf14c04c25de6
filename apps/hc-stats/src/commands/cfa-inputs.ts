import {
  GROUP_EQUAL_VALUES,
  ORDINAL_GROUP_EQUAL_VALUES,
  parseModel,
  type CfaEstimator,
  type CfaFitOptions,
  type CfaModel,
  type DataSet,
  type GroupEqual,
  type MissingPolicy,
  type OrdinalGroupEqual,
  type Parameterization,
} from '@swhc/psychometrics';
import { CliError } from '../cli/cli-error';
import type { FlagSpec, ParsedOptions } from '../cli/parse-options';
import { numericDataSet, textColumn } from '../csv/csv-table';
import type { CommandInput } from './command';

export const MODEL_FLAG: FlagSpec = {
  name: 'model',
  kind: 'value',
  required: true,
  placeholder: 'M.lav',
  help: 'lavaan model syntax file (f =~ a + b + c, one factor per line)',
};

/** The flags `cfa` and `invariance` share after --data, --model and --group. */
export const GROUP_PARTIAL_FLAG: FlagSpec = {
  name: 'group-partial',
  kind: 'value',
  required: false,
  placeholder: 'x3~1,f=~x7',
  help: "parameters exempt from the equality constraints (lavaan's group.partial)",
};
export const STD_LV_FLAG: FlagSpec = {
  name: 'std-lv',
  kind: 'switch',
  required: false,
  help: 'identify each factor by fixing its variance to 1 (lavaan std.lv = TRUE) instead of its first loading',
};

export interface CfaInputs {
  readonly model: CfaModel;
  /** The model's observed variables only (other columns may hold text). */
  readonly data: DataSet;
  /** One label per row when --group is given; '' marks a missing label. */
  readonly groups?: string[];
}

/** The model file, its observed variables as numbers, and the group labels if any. */
export function cfaInputs(
  { table, options, files }: CommandInput,
  groupRequired: boolean,
): CfaInputs {
  const model = parseModel(files.get('model') ?? '');
  const groupColumn = groupRequired ? options.required('group') : options.value('group');
  const data = numericDataSet(table, model.observed);
  return groupColumn === undefined
    ? { model, data }
    : { model, data, groups: textColumn(table, groupColumn) };
}

/** --group-equal with lavaan's group.equal classes: only meaningful with --group. */
export function groupEqualOption(options: ParsedOptions): GroupEqual[] {
  return groupEqualEntries(options).map((entry) => {
    const choice = GROUP_EQUAL_VALUES.find((c) => c === entry);
    if (choice === undefined) {
      const hint = entry === 'thresholds' ? ' (thresholds need --ordered)' : '';
      throw new CliError(
        `--group-equal takes ${GROUP_EQUAL_VALUES.join(', ')}, not '${entry}'${hint}`,
        2,
      );
    }
    return choice;
  });
}

function groupEqualEntries(options: ParsedOptions): string[] {
  const entries = options.list('group-equal') ?? [];
  if (entries.length > 0 && !options.has('group')) {
    throw new CliError('--group-equal needs --group', 2);
  }
  return entries;
}

/** --group-equal with --ordered: lavaan's group.equal classes for ordered indicators (thresholds, …). */
export function ordinalGroupEqualOption(options: ParsedOptions): OrdinalGroupEqual[] {
  return groupEqualEntries(options).map((entry) => {
    const choice = ORDINAL_GROUP_EQUAL_VALUES.find((c) => c === entry);
    if (choice === undefined) {
      const hint =
        entry === 'intercepts'
          ? ' (the intercepts of ordered variables are fixed to 0: hold the thresholds equal)'
          : '';
      throw new CliError(
        `--group-equal with --ordered takes ${ORDINAL_GROUP_EQUAL_VALUES.join(', ')}, not '${entry}'${hint}`,
        2,
      );
    }
    return choice;
  });
}

export const ORDERED_FLAG: FlagSpec = {
  name: 'ordered',
  kind: 'value',
  required: false,
  placeholder: 'all|a,b,c',
  help: 'treat the indicators as ordered categories: WLSMV (polychorics, DWLS, robust SEs, scaled-shifted test)',
};

export const PARAMETERIZATION_FLAG: FlagSpec = {
  name: 'parameterization',
  kind: 'value',
  required: false,
  placeholder: 'delta|theta',
  help: 'with --ordered: how the latent responses are scaled (lavaan parameterization; default delta)',
};

/**
 * --ordered all | a,b,c: undefined without the flag. Every observed variable of the model must be listed
 * (the library refuses a mix of ordered and continuous indicators); a name outside the model is an error.
 */
export function orderedOption(
  options: ParsedOptions,
  model: CfaModel,
): 'all' | string[] | undefined {
  const entries = options.list('ordered');
  if (entries === undefined) {
    if (options.has('parameterization')) {
      throw new CliError('--parameterization needs --ordered', 2);
    }
    return undefined;
  }
  if (entries.length === 1 && entries[0] === 'all') return 'all';
  const unknown = entries.find((v) => !model.observed.includes(v));
  if (unknown !== undefined) {
    throw new CliError(`--ordered names '${unknown}', which is not an indicator of the model`, 2);
  }
  return entries;
}

/**
 * The continuous fit's flags that have no ordered counterpart are refused with --ordered, as lavaan 0.6-14
 * refuses estimator = "ML"/"MLR" ("not supported yet. Use WLSMV instead") and missing = "ml" ("not
 * available in the categorical setting") for ordered indicators; modification indices are ML's.
 */
export function refuseWithOrdered(options: ParsedOptions): void {
  if (!options.has('ordered')) return;
  if (options.has('estimator')) {
    throw new CliError(
      `--estimator ${options.value('estimator') ?? ''} cannot be combined with --ordered: ordered indicators are fitted by WLSMV (lavaan has no ML or MLR for ordered data)`,
      2,
    );
  }
  if (options.value('missing') === 'ml') {
    throw new CliError(
      '--missing ml cannot be combined with --ordered: WLSMV drops incomplete rows listwise (lavaan has no missing = "ml" for ordered data)',
      2,
    );
  }
  if (options.has('modindices')) {
    throw new CliError('--modindices is not available with --ordered (ML fits only)', 2);
  }
}

/** --parameterization delta|theta (default delta). */
export function parameterizationOption(options: ParsedOptions): Parameterization {
  const value = options.value('parameterization') ?? 'delta';
  if (value !== 'delta' && value !== 'theta') {
    throw new CliError(`--parameterization takes delta or theta, not '${value}'`, 2);
  }
  return value;
}

/** --group-partial and --std-lv as library options (group-partial only with --group). */
export function identificationOptions(
  options: ParsedOptions,
): Pick<CfaFitOptions, 'groupPartial' | 'stdLv'> {
  const partial = options.list('group-partial') ?? [];
  if (partial.length > 0 && !options.has('group')) {
    throw new CliError('--group-partial needs --group', 2);
  }
  return { groupPartial: partial, stdLv: options.has('std-lv') };
}

const ESTIMATORS: readonly CfaEstimator[] = ['ML', 'MLR'];
const MISSING: readonly MissingPolicy[] = ['listwise', 'ml'];

export const ESTIMATOR_FLAG: FlagSpec = {
  name: 'estimator',
  kind: 'value',
  required: false,
  placeholder: 'ML|MLR',
  help: 'ML (default), or MLR: robust (Huber-White) SEs, the Yuan-Bentler scaled chi-square and the scaled and robust CFI/TLI/RMSEA, as lavaan\'s estimator = "MLR" (continuous indicators: not with --ordered)',
};
export const MISSING_FLAG: FlagSpec = {
  name: 'missing',
  kind: 'value',
  required: false,
  placeholder: 'listwise|ml',
  help: 'listwise (default): complete rows only; ml: full-information ML on every row with a value, as lavaan\'s missing = "ml" (not with --ordered)',
};

/** --estimator and --missing as library options (lavaan's estimator and missing). */
export function estimationOptions(
  options: ParsedOptions,
): Required<Pick<CfaFitOptions, 'estimator' | 'missing'>> {
  const estimatorText = options.value('estimator') ?? 'ML';
  const estimator = ESTIMATORS.find((e) => e === estimatorText);
  if (estimator === undefined) {
    throw new CliError(`--estimator takes ${ESTIMATORS.join(' or ')}, not '${estimatorText}'`, 2);
  }
  const missingText = options.value('missing') ?? 'listwise';
  const missing = MISSING.find((m) => m === missingText);
  if (missing === undefined) {
    throw new CliError(`--missing takes ${MISSING.join(' or ')}, not '${missingText}'`, 2);
  }
  return { estimator, missing };
}
