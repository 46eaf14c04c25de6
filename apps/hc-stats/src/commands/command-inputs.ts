import { CliError } from '../cli/cli-error';
import type { FlagSpec, ParsedOptions } from '../cli/parse-options';

/** `--items` and `--reverse` as alpha and omega take them; reversed items must be among the items. */
export const ITEM_FLAGS: readonly FlagSpec[] = [
  {
    name: 'items',
    kind: 'value',
    required: true,
    placeholder: 'a,b,c',
    help: 'the scale items (numeric columns)',
  },
  {
    name: 'reverse',
    kind: 'value',
    required: false,
    placeholder: 'a,b',
    help: 'items to reverse-key as max + min - x (max and min over all the items)',
  },
];

export interface ItemSelection {
  readonly items: string[];
  readonly reverse: string[];
}

export function itemSelection(options: ParsedOptions): ItemSelection {
  const items = options.requiredList('items');
  const reverse = options.list('reverse') ?? [];
  const stray = reverse.find((item) => !items.includes(item));
  if (stray !== undefined) {
    throw new CliError(`--reverse names '${stray}', which is not one of --items`, 2);
  }
  return { items, reverse };
}

/** Row indexes whose `by` label is `label`; a label absent from the column is a user error. */
export function rowsWithLabel(labels: readonly string[], label: string, column: string): number[] {
  const rows: number[] = [];
  labels.forEach((value, i) => {
    if (value === label) rows.push(i);
  });
  if (rows.length === 0) {
    const seen = [...new Set(labels.filter((l) => l !== ''))].slice(0, 20);
    throw new CliError(
      `group '${label}' does not occur in column '${column}' (it has: ${seen.join(', ')})`,
    );
  }
  return rows;
}
