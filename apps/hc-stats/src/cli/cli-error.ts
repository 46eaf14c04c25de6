/**
 * A problem with what the user gave the CLI (flags, files, columns, values). The runner prints its message
 * as one line on stderr; `exitCode` 2 is for command-line usage, 1 for bad input or a failed analysis.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
