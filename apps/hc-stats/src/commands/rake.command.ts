import { kishDeff, rake, weightedMean } from '@swhc/psychometrics';
import { CliError } from '../cli/cli-error';
import { numericColumn, textColumn } from '../csv/csv-table';
import { DATA_FLAG, type Command } from './command';
import { parseMarginsFile } from './margins-file';

/** Tolerance on the margins and pass limit: "run to convergence" as the CLI promises. */
const EPSILON = 1e-10;
const MAX_PASSES = 100;

/** Raking (iterative proportional fitting, as survey::rake) of unit weights to population margins. */
export const rakeCommand: Command = {
  name: 'rake',
  summary: 'rake weights to population margins (IPF as survey::rake), Kish design effect',
  flags: [
    DATA_FLAG,
    {
      name: 'margins',
      kind: 'value',
      required: true,
      placeholder: 'M.json',
      help: 'population counts {"<column>": {"<level>": count, ...}, ...}',
    },
    {
      name: 'mean',
      kind: 'value',
      required: false,
      placeholder: 'COL',
      help: 'numeric column for the weighted mean (missing values skipped; null without --mean)',
    },
  ],
  fileFlags: ['margins'],
  run({ table, options, files }) {
    const path = options.required('margins');
    const margins = parseMarginsFile(files.get('margins') ?? '', path);
    const columns = [...margins.keys()];
    const levelColumns = columns.map((column) => textColumn(table, column));
    columns.forEach((column, k) => {
      const known = margins.get(column) ?? new Map<string, number>();
      const row = levelColumns[k]?.findIndex((level) => !known.has(level)) ?? -1;
      if (row >= 0) {
        const level = levelColumns[k]?.[row] ?? '';
        throw new CliError(
          level === ''
            ? `column '${column}' is empty at data row ${row + 1}: every row needs a level to be raked`
            : `level '${level}' of column '${column}' (data row ${row + 1}) has no count in '${path}'`,
        );
      }
    });
    const levelsPerRow = table.records.map((_, r) => levelColumns.map((levels) => levels[r] ?? ''));
    // margins keyed by column, so the library names a margin by its variable
    const result = rake(levelsPerRow, Object.fromEntries(margins), {
      epsilon: EPSILON,
      maxPasses: MAX_PASSES,
      allowNonConvergence: true,
    });
    if (!result.converged) {
      throw new CliError(
        `raking did not converge in ${MAX_PASSES} passes (last change ${result.lastChange.toExponential(2)}): ` +
          'the sample cannot meet these margins, e.g. a level combination the margins need is empty',
      );
    }
    const meanColumn = options.value('mean');
    const json = {
      sum_w: result.sumW,
      weights: [...result.weights],
      weighted_mean:
        meanColumn === undefined
          ? null
          : weightedMean(numericColumn(table, meanColumn), result.weights),
      deff_kish: kishDeff(result.weights),
      iterations: result.iterations,
      achieved: result.achieved,
    };
    return { json, warnings: result.warnings };
  },
};
