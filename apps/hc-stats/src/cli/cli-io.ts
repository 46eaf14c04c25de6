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

/**
 * The byte order a UTF-16 file starts with (its BOM, or — without one — NUL bytes in every other place
 * of ASCII text), or null. Excel's "Unicode text" and PowerShell's default output are UTF-16.
 */
export function utf16Of(bytes: Uint8Array): 'little-endian' | 'big-endian' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (oddNul === n / 2 && evenNul === 0) return 'little-endian';
  if (evenNul === n / 2 && oddNul === 0) return 'big-endian';
  return null;
}

export function readTextFileOrFail(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CliError(`cannot read file '${path}': ${REASONS[code] ?? (code || 'unknown error')}`);
  }
  const utf16 = utf16Of(bytes);
  if (utf16 !== null) {
    throw new CliError(
      `'${path}' is UTF-16 (${utf16}) text; hc-stats reads UTF-8: save it as "CSV UTF-8" (or convert it, e.g. iconv -f UTF-16 -t UTF-8)`,
    );
  }
  return bytes.toString('utf8');
}

export const processIo: CliIo = {
  writeStdout: (text) => process.stdout.write(text),
  writeStderr: (text) => process.stderr.write(text),
  readTextFile: readTextFileOrFail,
  now: () => performance.now(),
};
