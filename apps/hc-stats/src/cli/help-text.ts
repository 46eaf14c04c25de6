import type { Command } from '../commands/command';
import type { FlagSpec } from './parse-options';

const USAGE = 'npm run -s hc-stats -- <command> [options]';

/** Top-level --help: what the tool is, the commands, and the conventions shared by all of them. */
export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    'hc-stats: survey statistics on a CSV file, printed as one JSON object.',
    '',
    `Usage: ${USAGE}`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Input: a CSV file with a header row (RFC 4180 quoting). An empty cell is a missing value;',
    'numbers may be quoted or not. Add --timing for "timing_ms": {"read", "compute"}.',
    'Errors: exit status 1 (bad input or failed analysis) or 2 (bad command line), one line on stderr.',
    '',
    `Help for one command: ${USAGE.replace('<command> [options]', '<command> --help')}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `<command> --help`: the flags with their placeholders. */
export function commandHelp(command: Command, globalFlags: readonly FlagSpec[]): string {
  const flags = [...command.flags, ...globalFlags];
  const label = (f: FlagSpec): string => `--${f.name}${f.placeholder ? ` ${f.placeholder}` : ''}`;
  const width = Math.max(...flags.map((f) => label(f).length));
  const synopsis = command.flags
    .map((f) => (f.required ? label(f) : `[${label(f)}]`))
    .concat('[--timing]')
    .join(' ');
  const lines = [
    `hc-stats ${command.name}: ${command.summary}`,
    '',
    `Usage: npm run -s hc-stats -- ${command.name} ${synopsis}`,
    '',
    ...flags.map((f) => `  ${label(f).padEnd(width)}  ${f.help}${f.required ? ' (required)' : ''}`),
  ];
  return `${lines.join('\n')}\n`;
}
