import { PsychometricsError, TooFewRowsError } from '@swhc/psychometrics';
import { COMMANDS } from '../commands/command-registry';
import type { Command, JsonObject } from '../commands/command';
import { CsvFormatError, parseCsv, type CsvTable } from '@swhc/csv';
import { CliError } from './cli-error';
import type { CliIo } from './cli-io';
import { commandHelp, generalHelp } from './help-text';
import { parseOptions, type FlagSpec, type ParsedOptions } from './parse-options';

/** Flags every command takes besides its own. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'timing',
    kind: 'switch',
    required: false,
    help: 'add "timing_ms": {"read", "compute"} (compute = everything after the CSV is in memory)',
  },
  { name: 'help', kind: 'switch', required: false, help: 'show help for this command' },
];

/**
 * Runs one hc-stats invocation: parse flags, read the files, compute, print one JSON object on stdout.
 * Returns the exit status; every failure prints exactly one line `hc-stats: <problem>` on stderr.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.writeStdout(generalHelp(COMMANDS));
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (command === undefined) {
      throw new CliError(`unknown command '${name}' (commands: ${commandNames()}; see --help)`, 2);
    }
    const options = parseOptions(rest, [...command.flags, ...GLOBAL_FLAGS]);
    if (options.has('help')) {
      io.writeStdout(commandHelp(command, GLOBAL_FLAGS));
      return 0;
    }
    const started = io.now();
    const { files, input } = readInputs(command, options.required('data'), options, io);
    const read = io.now();
    const { json, warnings } = command.run({ table: input, options, files });
    const computed = io.now();
    const output: JsonObject = { ...json, warnings: [...warnings] };
    if (options.has('timing'))
      output['timing_ms'] = { read: read - started, compute: computed - read };
    for (const warning of warnings) io.writeStderr(`hc-stats: warning: ${oneLine(warning)}\n`);
    io.writeStdout(`${JSON.stringify(output)}\n`);
    return 0;
  } catch (error) {
    io.writeStderr(`hc-stats: ${oneLine(describe(error))}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

interface ReadInputs {
  readonly files: ReadonlyMap<string, string>;
  readonly input: CsvTable;
}

// Side files first (small), then the CSV, so a bad --model fails before a large CSV is parsed.
function readInputs(
  command: Command,
  dataPath: string,
  options: ParsedOptions,
  io: CliIo,
): ReadInputs {
  const files = new Map<string, string>();
  for (const flag of command.fileFlags) {
    const path = options.value(flag);
    if (path !== undefined) files.set(flag, io.readTextFile(path));
  }
  const text = io.readTextFile(dataPath);
  try {
    const input = parseCsv(text);
    if (input.records.length === 0)
      throw new CliError(`'${dataPath}' has a header but no data rows`);
    return { files, input };
  } catch (error) {
    if (error instanceof CsvFormatError)
      throw new CliError(`'${dataPath}' is not valid CSV: ${error.message}`);
    throw error;
  }
}

function describe(error: unknown): string {
  // The library's message says what needed how many values; the prefix names the problem for a CLI user.
  if (error instanceof TooFewRowsError) return `too few rows: ${error.message}`;
  if (error instanceof CliError || error instanceof PsychometricsError) return error.message;
  if (error instanceof Error) return `internal error: ${error.message}`;
  return `internal error: ${String(error)}`;
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function commandNames(): string {
  return COMMANDS.map((c) => c.name).join(', ');
}
