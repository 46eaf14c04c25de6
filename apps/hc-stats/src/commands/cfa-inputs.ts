import {
  GROUP_EQUAL_VALUES,
  parseModel,
  type CfaEstimator,
  type CfaFitOptions,
  type CfaModel,
  type DataSet,
  type GroupEqual,
  type MissingPolicy,
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
  const entries = options.list('group-equal') ?? [];
  if (entries.length > 0 && !options.has('group')) {
    throw new CliError('--group-equal needs --group', 2);
  }
  return entries.map((entry) => {
    const choice = GROUP_EQUAL_VALUES.find((c) => c === entry);
    if (choice === undefined) {
      throw new CliError(`--group-equal takes ${GROUP_EQUAL_VALUES.join(', ')}, not '${entry}'`, 2);
    }
    return choice;
  });
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
  help: 'ML (default), or MLR: robust (Huber-White) SEs, the Yuan-Bentler scaled chi-square and the scaled and robust CFI/TLI/RMSEA, as lavaan\'s estimator = "MLR"',
};
export const MISSING_FLAG: FlagSpec = {
  name: 'missing',
  kind: 'value',
  required: false,
  placeholder: 'listwise|ml',
  help: 'listwise (default): complete rows only; ml: full-information ML on every row with a value, as lavaan\'s missing = "ml"',
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
