/**
 * The MLR and FIML rows of `npm run bench:stats`: the 4-factor CFA with estimator = "MLR" on the complete
 * N = 3,000 survey, and with missing = "ml" on its first 1,000 rows with 5% of the answers removed (a
 * fixed, hash-chosen set of cells), each beside lavaan on the same data in the same run
 * (`lavaan-casewise-bench.R`). lavaan's FIML takes seconds per fit, so R times it once.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fitCfa, parseModel, type CfaResult, type DataSet } from '@swhc/psychometrics';
import { withBenchFiles } from './bench-files';
import { FOUR_FACTOR_MODEL, surveyCsv, type SimulatedSurvey } from './simulate-survey';
import { median } from './time-median';

export interface CasewiseRow {
  readonly task: string;
  readonly n: number;
  readonly total: number;
  readonly r?: number;
  readonly note: string;
}

type Timer = <T>(runs: number, fn: () => T) => { ms: number; value: T };

const FIML_N = 1_000;
const MISSING_SHARE = 0.05;

/** A 32-bit integer hash (two multiply–xorshift rounds) scaled to [0, 1). */
function hashUniform(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** The survey's first `n` rows with about 5% of the cells blank: cell (i, j) goes when its hash is small. */
function withHoles(survey: SimulatedSurvey, n: number): SimulatedSurvey {
  const p = survey.items.columns.length;
  const blank = (i: number, j: number): boolean => hashUniform(i * p + j + 1) < MISSING_SHARE;
  const items: DataSet = {
    columns: survey.items.columns,
    rows: survey.items.rows.slice(0, n).map((row, i) => row.map((v, j) => (blank(i, j) ? NaN : v))),
  };
  return { items, site: survey.site.slice(0, n) };
}

interface RCasewise {
  readonly ms: number[];
  readonly chisq: number;
  readonly chisq_scaled: number | null;
  readonly ntotal: number;
}

/** lavaan's median time (ms) and result for one estimator / missing setting, or null without R. */
function runR(
  survey: SimulatedSurvey,
  runs: number,
  estimator: string,
  missing: string,
): RCasewise | null {
  return withBenchFiles(surveyCsv(survey).replace(/NaN/g, ''), FOUR_FACTOR_MODEL, (files) => {
    const script = join(__dirname, 'lavaan-casewise-bench.R');
    const args = [script, files.data, files.model, String(runs), estimator, missing];
    const run = spawnSync('Rscript', args, { encoding: 'utf8' });
    if (run.status !== 0) {
      console.error(
        `R ${estimator}/${missing} skipped: ${run.stderr.trim().split('\n').pop() ?? ''}`,
      );
      return null;
    }
    return JSON.parse(run.stdout) as RCasewise;
  });
}

function note(label: string, ts: number, r: number | null | undefined, fit: CfaResult): string {
  return `${label} TS ${ts.toFixed(4)}${r == null ? '' : ` / R ${r.toFixed(4)}`}, n ${fit.n}`;
}

/** The two rows; `time` warms a stage up and returns its median (run-stats-bench.ts). */
export function benchCasewise(
  survey: SimulatedSurvey,
  runs: number,
  withR: boolean,
  time: Timer,
): CasewiseRow[] {
  const model = parseModel(FOUR_FACTOR_MODEL);
  const mlr = time(runs, () => fitCfa(survey.items, model, { estimator: 'MLR' }));
  const rMlr = withR ? runR(survey, runs, 'MLR', 'listwise') : null;
  const holes = withHoles(survey, FIML_N);
  const fimlRuns = Math.min(runs, 3);
  const fiml = time(fimlRuns, () => fitCfa(holes.items, model, { missing: 'ml' }));
  const rFiml = withR ? runR(holes, 1, 'ML', 'ml') : null;
  return [
    {
      task: 'CFA MLR, 4 factors / 24 items',
      n: survey.items.rows.length,
      total: mlr.ms,
      r: rMlr ? median(rMlr.ms) : undefined,
      note: note('chisq_scaled', mlr.value.scaled!.chisq, rMlr?.chisq_scaled, mlr.value),
    },
    {
      task: 'CFA FIML, 24 items, 5% missing',
      n: FIML_N,
      total: fiml.ms,
      r: rFiml ? median(rFiml.ms) : undefined,
      note: note('chisq', fiml.value.chisq, rFiml?.chisq, fiml.value),
    },
  ];
}
