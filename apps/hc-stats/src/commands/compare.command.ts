import { hedgesG, welch } from '@swhc/psychometrics';
import { CliError } from '../cli/cli-error';
import { numericColumn, textColumn } from '../csv/csv-table';
import { DATA_FLAG, type Command } from './command';
import { rowsWithLabel } from './command-inputs';

/** Two groups of one column: Welch's t-test and Hedges' g, both for B − A. Missing values are dropped. */
export const compareCommand: Command = {
  name: 'compare',
  summary: "Welch's t-test and Hedges' g between two groups (B minus A)",
  flags: [
    DATA_FLAG,
    { name: 'value', kind: 'value', required: true, placeholder: 'COL', help: 'numeric column' },
    {
      name: 'by',
      kind: 'value',
      required: true,
      placeholder: 'COL',
      help: 'column holding the groups',
    },
    {
      name: 'groups',
      kind: 'value',
      required: true,
      placeholder: 'A,B',
      help: 'the two groups: group 1 = A, group 2 = B; t and g are for B - A',
    },
  ],
  fileFlags: [],
  run({ table, options }) {
    const groups = options.requiredList('groups');
    if (groups.length !== 2) {
      throw new CliError(`--groups takes exactly two groups, got ${groups.length}`, 2);
    }
    const by = options.required('by');
    const labels = textColumn(table, by);
    const values = numericColumn(table, options.required('value'));
    // Missing values drop out per group, as t.test(na.omit(a), na.omit(b)).
    const [first, second] = groups.map((label) =>
      rowsWithLabel(labels, label, by)
        .map((row) => values[row] ?? Number.NaN)
        .filter((v) => !Number.isNaN(v)),
    ) as [number[], number[]];
    // B − A is welch(B, A): its group 1 is the user's second group
    const names = [groups[1]!, groups[0]!] as const;
    const test = welch(second, first, names);
    const json = {
      n1: first.length,
      n2: second.length,
      mean1: test.mean2,
      mean2: test.mean1,
      welch_t: test.t,
      df: test.df,
      p: test.p,
      hedges_g: hedgesG(second, first, names).g,
    };
    return { json, warnings: [] };
  },
};
