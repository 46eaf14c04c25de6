/**
 * The WLSMV rows of `npm run bench:stats`, at N = 3,000 only (lavaan's WLSMV at N = 100,000 takes
 * minutes), warm and in process: polychorics of the 24 items (polychoricCorrelations against
 * lavaan::lavCor with every item ordered) and the whole 4-factor WLSMV job (ordinalSampleStatistics —
 * thresholds, polychorics, Γ — then fitOrdinalCfaToStatistics with every fit measure, against
 * cfa(..., estimator = "WLSMV") + fitMeasures()). The one-CLI-run comparison is ORDINAL_CLI_JOB in the
 * CLI section (cli-bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  fitOrdinalCfaToStatistics,
  ordinalSampleStatistics,
  parseModel,
  polychoricCorrelations,
} from '@swhc/psychometrics';
import { withBenchFiles } from './bench-files';
import type { CliJob } from './cli-bench';
import type { Row } from './run-stats-bench';
import { FOUR_FACTOR_MODEL, ITEMS, simulateSurvey, surveyCsv } from './simulate-survey';
import { median } from './time-median';

/** `hc-stats cfa --ordered all` against lavaan-ordinal-cli.R, compared on chisq_scaled. */
export const ORDINAL_CLI_JOB: CliJob = {
  cliArgs: ['--ordered', 'all'],
  rScript: join(__dirname, 'lavaan-ordinal-cli.R'),
  statistic: 'chisq_scaled',
};

interface ROrdinal {
  polychoric: { ms: number[]; first: number };
  wlsmv: { ms: number[]; chisq_scaled: number; converged: boolean };
}

/** lavaan-ordinal-bench.R on the same data: medians of `runs` calls of lavCor and of the WLSMV job. */
function runROrdinal(csv: string, runs: number): ROrdinal | undefined {
  return withBenchFiles(csv, FOUR_FACTOR_MODEL, (files) => {
    const out = spawnSync(
      'Rscript',
      [join(__dirname, 'lavaan-ordinal-bench.R'), files.data, files.model, String(runs)],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (out.status === 0) return JSON.parse(out.stdout) as ROrdinal;
    console.error(`R ordinal side skipped: ${out.stderr.trim().split('\n').pop() ?? ''}`);
    return undefined;
  });
}

/** The two in-process rows; `warmTimed` is the bench's warm-up-then-median timer. */
export function benchOrdinal(
  n: number,
  runs: number,
  withR: boolean,
  warmTimed: <T>(runs: number, fn: () => T) => { ms: number; value: T },
): Row[] {
  const survey = simulateSurvey(n, 20261122 + n);
  const model = parseModel(FOUR_FACTOR_MODEL);
  const poly = warmTimed(runs, () => polychoricCorrelations(survey.items, ITEMS));
  const stats = warmTimed(runs, () => ordinalSampleStatistics(survey.items, ITEMS));
  const fit = warmTimed(runs, () => fitOrdinalCfaToStatistics(stats.value, model));
  const r = withR ? runROrdinal(surveyCsv(survey), runs) : undefined;
  return [
    {
      task: 'polychorics, 24 items',
      n,
      total: poly.ms,
      r: r ? median(r.polychoric.ms) : undefined,
      note: `r(q02,q01) TS ${poly.value.groups[0]!.correlation[24]!.toFixed(6)}${r ? ` / R ${r.polychoric.first.toFixed(6)}` : ''}`,
    },
    {
      task: 'WLSMV CFA, 4 factors / 24 items',
      n,
      moments: stats.ms,
      fit: fit.ms,
      total: stats.ms + fit.ms,
      r: r ? median(r.wlsmv.ms) : undefined,
      note: `chisq_scaled TS ${fit.value.chisqScaled.toFixed(4)}${r ? ` / R ${r.wlsmv.chisq_scaled.toFixed(4)}` : ''}, ${fit.value.iterations} TS iterations`,
    },
  ];
}
