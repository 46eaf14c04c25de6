import { CliError } from '../cli/cli-error';

/** Population totals per raking column: column → level → count, in the file's order. */
export type MarginsFile = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Reads `{"<column>": {"<level>": count, …}, …}`. Counts must be finite and positive; every column needs at
 * least one level. Levels are text because margin columns are categorical.
 */
export function parseMarginsFile(text: string, path: string): MarginsFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`'${path}' is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed) || Object.keys(parsed).length === 0) {
    throw new CliError(`'${path}' must be an object {"<column>": {"<level>": count, ...}, ...}`);
  }
  const margins = new Map<string, Map<string, number>>();
  for (const [column, levels] of Object.entries(parsed)) {
    if (!isPlainObject(levels) || Object.keys(levels).length === 0) {
      throw new CliError(
        `'${path}': the margin of '${column}' must be an object {"<level>": count, ...}`,
      );
    }
    const counts = new Map<string, number>();
    for (const [level, count] of Object.entries(levels)) {
      if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0) {
        throw new CliError(
          `'${path}': the count for ${column} = '${level}' must be a positive number, got ${JSON.stringify(count)}`,
        );
      }
      counts.set(level, count);
    }
    margins.set(column, counts);
  }
  // Raking meets the last margin exactly, so margins with different totals cannot all be met.
  const totals = [...margins].map(([column, counts]) => ({
    column,
    total: [...counts.values()].reduce((sum, count) => sum + count, 0),
  }));
  const first = totals[0]?.total ?? 0;
  const clash = totals.find(({ total }) => Math.abs(total - first) > 1e-9 * first);
  if (clash !== undefined) {
    const listed = totals.map(({ column, total }) => `${column} ${total}`).join(', ');
    throw new CliError(`'${path}': the margins must have the same total, got ${listed}`);
  }
  return margins;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
