/**
 * Wall time of one whole CLI run, as a researcher feels it: `node apps/hc-stats/bin/hc-stats.cjs cfa …`
 * (the shipped bundle: Node start-up, loading, reading the CSV, fitting, printing) against the same job
 * in one `Rscript lavaan-cli.R` run (loading lavaan, read.csv, cfa(), printing), on the same files.
 * Hyperfine-like: one untimed warm-up run of each, then the runs alternate between the two so a burst of
 * machine load hits both; the medians are reported.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { withBenchFiles } from './bench-files';
import { median } from './time-median';

const ROOT = join(__dirname, '..', '..');
const LAUNCHER = join(ROOT, 'apps', 'hc-stats', 'bin', 'hc-stats.cjs');
const R_SCRIPT = join(__dirname, 'lavaan-cli.R');

export interface CliTimings {
  readonly cliMs: number;
  readonly rMs: number | undefined;
  /** The statistic both print (the JSON key), and its value from each side. */
  readonly statistic: string;
  readonly cliChisq: number;
  readonly rChisq: number | undefined;
  readonly runs: number;
}

/** What to run: extra hc-stats flags, the R script doing the same job, the JSON key both print. */
export interface CliJob {
  readonly cliArgs: readonly string[];
  readonly rScript: string;
  readonly statistic: string;
}

/** The ML CFA: `hc-stats cfa` against lavaan-cli.R, compared on `chisq`. */
const ML_JOB: CliJob = { cliArgs: [], rScript: R_SCRIPT, statistic: 'chisq' };

function timed(command: string, args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.trim().split('\n').pop()}`);
  }
  return { ms, stdout: run.stdout };
}

/** Times `runs` CLI runs and (with R) `runs` Rscript runs of the CFA on the given CSV and model. */
export function benchCliAgainstR(
  csv: string,
  model: string,
  runs: number,
  withR: boolean,
  job: CliJob = ML_JOB,
): CliTimings {
  return withBenchFiles(csv, model, (files) => {
    const cli = (): { ms: number; stdout: string } =>
      timed(process.execPath, [
        LAUNCHER,
        'cfa',
        '--data',
        files.data,
        '--model',
        files.model,
        ...job.cliArgs,
      ]);
    const r = (): { ms: number; stdout: string } =>
      timed('Rscript', [job.rScript, files.data, files.model]);
    // warm-up: builds the bundle if needed, fills the OS file cache for Node, R and the packages
    const cliFirst = cli();
    const rFirst = withR ? r() : undefined;
    const cliMs: number[] = [];
    const rMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      cliMs.push(cli().ms);
      if (withR) rMs.push(r().ms);
    }
    const chisq = (stdout: string | undefined): number | undefined =>
      stdout === undefined
        ? undefined
        : (JSON.parse(stdout) as Record<string, number>)[job.statistic];
    return {
      cliMs: median(cliMs),
      rMs: withR ? median(rMs) : undefined,
      statistic: job.statistic,
      cliChisq: chisq(cliFirst.stdout)!,
      rChisq: chisq(rFirst?.stdout),
      runs,
    };
  });
}
