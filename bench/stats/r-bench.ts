import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { withBenchFiles } from './bench-files';
import { median } from './time-median';

/** R's medians (ms) for the same three fits, or why R was not run. */
export type RTimings =
  | {
      readonly ok: true;
      readonly alpha: number;
      readonly cfa: number;
      readonly scalar: number;
      readonly cfaChisq: number;
      readonly scalarChisq: number;
    }
  | { readonly ok: false; readonly reason: string };

interface RReport {
  alpha: { ms: number[] };
  cfa: { ms: number[]; chisq: number; converged: boolean };
  scalar: { ms: number[]; chisq: number; converged: boolean };
}

/** True when Rscript runs and has lavaan and psych. */
export function rAvailable(): boolean {
  const probe = spawnSync(
    'Rscript',
    ['-e', 'suppressMessages({library(lavaan); library(psych); library(jsonlite)})'],
    {
      encoding: 'utf8',
    },
  );
  return probe.status === 0;
}

/** Writes the data to a temp CSV and times the same fits in R (timing inside R, around the calls only). */
export function runRBench(csv: string, model: string, runs: number): RTimings {
  return withBenchFiles(csv, model, (files) => {
    const run = spawnSync(
      'Rscript',
      [join(__dirname, 'lavaan-bench.R'), files.data, files.model, String(runs)],
      {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    if (run.status !== 0)
      return { ok: false, reason: `Rscript failed: ${run.stderr.trim().split('\n').pop() ?? ''}` };
    const report = JSON.parse(run.stdout) as RReport;
    return {
      ok: true,
      alpha: median(report.alpha.ms),
      cfa: median(report.cfa.ms),
      scalar: median(report.scalar.ms),
      cfaChisq: report.cfa.chisq,
      scalarChisq: report.scalar.chisq,
    };
  });
}
