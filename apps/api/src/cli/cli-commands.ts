import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PASSWORD_MIN_LENGTH } from '@swhc/contracts';
import type { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { StaffAccount } from '../accounts/staff-account.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { errorResponseOf } from '../common/errors';
import { ConfigError } from '../config/app-config';
import { DatabaseUnavailableError } from '../database/run-migrations';
import { Organisation } from '../organisations/organisation.entity';
import { ORGANISATION_CSV_COLUMNS } from '../organisations/organisation-csv';
import { OrganisationsService } from '../organisations/organisations.service';
import {
  parseWaveCommand,
  WAVE_COMMAND_NAMES,
  WAVE_USAGE,
  type WaveCommand,
  WaveUsageError,
} from './wave-commands';

export const USAGE = `Usage: npm run -s api:cli -- <command>

Commands:
  create-admin --email <address>      Create an administrator account. The password is read from
                                      SWHC_ADMIN_PASSWORD, or else from standard input
                                      (at least ${PASSWORD_MIN_LENGTH} characters).
  import-organisations <file.csv>     Insert or update LAs from a CSV with the columns
                                      ${ORGANISATION_CSV_COLUMNS.join(',')}.
${WAVE_USAGE}

Exit codes: 0 done, 1 the request was refused (the line printed says why), 2 a usage error.

The database is DATABASE_URL, or else the embedded one in PGLITE_DATA_DIR (default .data/pglite;
stop the app first, as only one process may open it).`;

/** A problem the person at the terminal can fix; printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export type CliCommand =
  | { kind: 'create-admin'; email: string }
  | { kind: 'import-organisations'; file: string }
  | { kind: 'help' }
  | WaveCommand;

/** The options a command takes; anything else on its command line is a usage error. */
type CommandOptions = NonNullable<ParseArgsConfig['options']>;

function readArguments(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const unknown = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(options, t.name));
  if (unknown?.kind === 'option') {
    throw new CliError(`${command}: unexpected argument "${unknown.rawName}"\n\n${USAGE}`, 2);
  }
  return { values, positionals };
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h')
    return { kind: 'help' };
  if (command === 'create-admin') {
    const { values, positionals } = readArguments(command, rest, { email: { type: 'string' } });
    const [extra] = positionals;
    if (extra !== undefined) {
      throw new CliError(`create-admin: unexpected argument "${extra}"\n\n${USAGE}`, 2);
    }
    const email = values['email'];
    if (typeof email !== 'string' || email === '')
      throw new CliError(`create-admin needs --email <address>\n\n${USAGE}`, 2);
    return { kind: 'create-admin', email };
  }
  if (command === 'import-organisations') {
    const { positionals } = readArguments(command, rest, {});
    const [file] = positionals;
    if (positionals.length !== 1 || !file)
      throw new CliError(`import-organisations needs exactly one CSV file\n\n${USAGE}`, 2);
    return { kind: 'import-organisations', file };
  }
  if ((WAVE_COMMAND_NAMES as readonly string[]).includes(command)) {
    try {
      return parseWaveCommand(command, rest);
    } catch (error) {
      if (error instanceof WaveUsageError) throw new CliError(`${error.message}\n\n${USAGE}`, 2);
      throw error;
    }
  }
  throw new CliError(`Unknown command "${command}"\n\n${USAGE}`, 2);
}

/**
 * The error as a problem the person at the terminal can fix: the api's expected errors (bad input,
 * a conflict) as the sentences and field messages a client would get. Null for anything else.
 */
export function cliErrorOf(error: unknown): CliError | null {
  if (error instanceof CliError) return error;
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    return new CliError(error.message);
  }
  const answer = errorResponseOf(error);
  if (!answer || answer.status >= 500) return null;
  // One line, so scripts can log it: the summary, then each field and its problem.
  const { message, errors } = answer.body;
  const details = errors.map((e) => `${e.field} ${e.message}`).join('; ');
  return new CliError(details ? `${message}: ${details}` : message);
}

export async function createAdmin(
  dataSource: DataSource,
  email: string,
  password: string,
): Promise<string> {
  const accounts = new AccountsService(
    dataSource.getRepository(StaffAccount),
    dataSource.getRepository(Organisation),
  );
  const account = await accounts.create({ email, password, role: 'admin' });
  await new AuditService(dataSource.getRepository(AuditEvent)).record({
    action: 'account-created',
    actorEmail: null,
    actorRole: 'cli',
    target: `account:${account.email}`,
    detail: { role: 'admin', via: 'command line' },
  });
  return `Created administrator account ${account.email}. Sign in at /sign-in.`;
}

export async function importOrganisations(dataSource: DataSource, file: string): Promise<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const organisations = new OrganisationsService(dataSource.getRepository(Organisation));
  const count = await organisations.importCsv(text);
  return `Imported ${count} organisations from ${file}.`;
}
