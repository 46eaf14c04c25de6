import { omegaTotal } from '@swhc/psychometrics';
import { numericDataSet } from '../csv/csv-table';
import { DATA_FLAG, type Command } from './command';
import { ITEM_FLAGS, itemSelection } from './command-inputs';

/** McDonald's omega total from a one-factor ML CFA (std.lv, listwise), items reversed first. */
export const omegaCommand: Command = {
  name: 'omega',
  summary: "McDonald's omega total from a one-factor ML CFA (listwise deletion)",
  flags: [DATA_FLAG, ...ITEM_FLAGS],
  fileFlags: [],
  run({ table, options }) {
    const { items, reverse } = itemSelection(options);
    const result = omegaTotal(numericDataSet(table, items), items, { reverse });
    const loadings: Record<string, number> = {};
    items.forEach((item) => {
      loadings[item] = result.loadings[item] ?? Number.NaN;
    });
    return {
      json: { n: result.n, omega_total: result.omegaTotal, loadings },
      warnings: result.warnings,
    };
  },
};
