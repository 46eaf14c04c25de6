import { shapleyR2 } from '@swhc/psychometrics';
import { CliError } from '../cli/cli-error';
import { numericDataSet } from '../csv/csv-table';
import { DATA_FLAG, type Command } from './command';

/** Key-driver analysis: the Shapley (LMG) share of R² for each predictor, listwise deletion. */
export const driversCommand: Command = {
  name: 'drivers',
  summary: 'Shapley / LMG decomposition of R-squared over the predictors (listwise)',
  flags: [
    DATA_FLAG,
    { name: 'outcome', kind: 'value', required: true, placeholder: 'Y', help: 'outcome column' },
    {
      name: 'predictors',
      kind: 'value',
      required: true,
      placeholder: 'a,b,c',
      help: 'predictor columns',
    },
  ],
  fileFlags: [],
  run({ table, options }) {
    const outcome = options.required('outcome');
    const predictors = options.requiredList('predictors');
    if (predictors.includes(outcome)) {
      throw new CliError(`--predictors includes the outcome '${outcome}'`, 2);
    }
    const result = shapleyR2(numericDataSet(table, [outcome, ...predictors]), outcome, predictors);
    const shapley: Record<string, number> = {};
    predictors.forEach((name, i) => {
      shapley[name] = result.shapley[i] ?? Number.NaN;
    });
    return { json: { n: result.n, r2: result.r2, shapley }, warnings: [] };
  },
};
