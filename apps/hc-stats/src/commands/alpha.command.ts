import { alpha } from '@swhc/psychometrics';
import { numericDataSet } from '../csv/csv-table';
import { DATA_FLAG, type Command } from './command';
import { ITEM_FLAGS, itemSelection } from './command-inputs';

/** Cronbach's alpha as psych::alpha reports it (pairwise covariances, Feldt CI). */
export const alphaCommand: Command = {
  name: 'alpha',
  summary: "Cronbach's alpha, standardised alpha, G6, average r, Feldt CI and item statistics",
  flags: [DATA_FLAG, ...ITEM_FLAGS],
  fileFlags: [],
  run({ table, options }) {
    const { items, reverse } = itemSelection(options);
    const result = alpha(numericDataSet(table, items), items, { reverse });
    const json = {
      n: result.n,
      alpha: result.alpha,
      std_alpha: result.stdAlpha,
      g6: result.g6,
      average_r: result.averageR,
      ci_feldt: [result.ciFeldt[0], result.ciFeldt[1]],
      items: result.items.map((item) => ({
        item: item.item,
        r_drop: item.rDrop,
        alpha_if_dropped: item.alphaIfDropped,
      })),
    };
    return { json, warnings: result.warnings };
  },
};
