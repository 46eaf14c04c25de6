import type { CsvTable } from '@swhc/csv';
import type { FlagSpec, ParsedOptions } from '../cli/parse-options';

/** What a command prints: plain JSON (NaN/Infinity print as null through JSON.stringify). */
export type JsonValue =
  number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Everything a command needs, already read from disk (the runner times reading apart from computing). */
export interface CommandInput {
  readonly table: CsvTable;
  readonly options: ParsedOptions;
  /** Contents of the files named by the command's `fileFlags`, keyed by flag name. */
  readonly files: ReadonlyMap<string, string>;
}

/** What a command computed: the JSON to print, and the warnings that go with it. */
export interface CommandOutput {
  readonly json: JsonObject;
  /**
   * Problems with the result that do not stop it (a Heywood case, an unmet margin, items to reverse):
   * printed as `warnings` in the JSON (always present) and one line each on stderr.
   */
  readonly warnings: readonly string[];
}

/** One sub-command: its flags, and a pure function from the input to the JSON result. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  /** Flags whose values are paths of further input files (model syntax, margins). */
  readonly fileFlags: readonly string[];
  run(input: CommandInput): CommandOutput;
}

/** The --data flag every command takes. */
export const DATA_FLAG: FlagSpec = {
  name: 'data',
  kind: 'value',
  required: true,
  placeholder: 'F.csv',
  help: 'CSV file with a header row (an empty cell is missing)',
};
