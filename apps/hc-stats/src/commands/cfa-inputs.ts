import { parseModel, type CfaModel, type DataSet } from '@swhc/psychometrics';
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

const EQUAL_CHOICES = ['loadings', 'intercepts'] as const;
export type GroupEqual = (typeof EQUAL_CHOICES)[number];

/** --group-equal loadings[,intercepts]: only meaningful with --group. */
export function groupEqualOption(options: ParsedOptions): GroupEqual[] {
  const entries = options.list('group-equal') ?? [];
  if (entries.length > 0 && !options.has('group')) {
    throw new CliError('--group-equal needs --group', 2);
  }
  return entries.map((entry) => {
    const choice = EQUAL_CHOICES.find((c) => c === entry);
    if (choice === undefined) {
      throw new CliError(`--group-equal takes loadings and/or intercepts, not '${entry}'`, 2);
    }
    return choice;
  });
}
