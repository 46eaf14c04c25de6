import { join } from 'node:path';
import { readTextFileOrFail, type CliIo } from '../cli/cli-io';
import { runCli } from '../cli/run-cli';

/** The committed small fixtures (apps/hc-stats/fixtures), made by fixtures/r/expected-small.R. */
export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process with captured stdout/stderr and the real file system. */
export function runInProcess(argv: readonly string[]): CliRun {
  let stdout = '';
  let stderr = '';
  let clock = 0;
  const io: CliIo = {
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    readTextFile: readTextFileOrFail,
    now: () => (clock += 1),
  };
  const status = runCli(argv, io);
  return { status, stdout, stderr };
}

/** `hc-stats cfa` of the two-factor model on the small survey, then `flags`. */
export const smallCfa = (...flags: string[]): string[] => [
  'cfa',
  '--data',
  join(FIXTURES, 'survey-small.csv'),
  '--model',
  join(FIXTURES, 'two-factor.lav'),
  ...flags,
];

/** `hc-stats drivers` of overall on `predictors` (comma-separated) in the small survey. */
export const smallDrivers = (predictors: string): string[] => [
  'drivers',
  '--data',
  join(FIXTURES, 'survey-small.csv'),
  '--outcome',
  'overall',
  '--predictors',
  predictors,
];
