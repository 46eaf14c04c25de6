import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the simulated data and the model to a temporary folder for R or the CLI, and removes it after. */
export function withBenchFiles<T>(
  csv: string,
  model: string,
  use: (files: { readonly data: string; readonly model: string }) => T,
): T {
  const dir = mkdtempSync(join(tmpdir(), 'bench-stats-'));
  try {
    const data = join(dir, 'data.csv');
    const lav = join(dir, 'model.lav');
    writeFileSync(data, csv);
    writeFileSync(lav, `${model}\n`);
    return use({ data, model: lav });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
