import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CliError } from './cli-error';

/** The CLI's only contact with the outside world, injected so tests can run it in process. */
export interface CliIo {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Reads a UTF-8 text file; throws CliError with a clear reason when it cannot. */
  readTextFile(path: string): string;
  /** Milliseconds from a monotonic clock. */
  now(): number;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
};

export function readTextFileOrFail(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CliError(`cannot read file '${path}': ${REASONS[code] ?? (code || 'unknown error')}`);
  }
}

export const processIo: CliIo = {
  writeStdout: (text) => process.stdout.write(text),
  writeStderr: (text) => process.stderr.write(text),
  readTextFile: readTextFileOrFail,
  now: () => performance.now(),
};
