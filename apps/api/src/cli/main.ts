import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { loadConfig } from '../config/app-config';
import { Instrument } from '../instruments/instrument.entity';
import { InstrumentsService } from '../instruments/instruments.service';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { dataSourceOptions } from '../database/data-source-options';
import { startEmbeddedDatabase } from '../database/embedded-database';
import { runMigrations } from '../database/run-migrations';
import {
  CliError,
  cliErrorOf,
  createAdmin,
  importOrganisations,
  parseCliArgs,
  USAGE,
} from './cli-commands';
import { runWaveCommand } from './wave-commands';

/** The new admin's password: SWHC_ADMIN_PASSWORD, or one line of standard input (hidden on a terminal). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env['SWHC_ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  const interactive = process.stdin.isTTY;
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: interactive });
  return new Promise((resolve, reject) => {
    let answered = false;
    rl.question(interactive ? 'Password for the new administrator: ' : '', (answer) => {
      answered = true;
      if (interactive) process.stderr.write('\n');
      rl.close();
      resolve(answer);
    });
    muted = interactive;
    rl.on('close', () => {
      if (!answered)
        reject(new CliError('No password given (set SWHC_ADMIN_PASSWORD or pipe it in)'));
    });
  });
}

/**
 * The LAs and the published instrument versions, as the app loads them at every start, so the
 * wave commands work on a database the app has never started on.
 */
async function withReferenceData<T>(dataSource: DataSource, command: T): Promise<T> {
  await new OrganisationsService(dataSource.getRepository(Organisation)).importSeedList();
  await new InstrumentsService(
    dataSource.getRepository(Instrument),
    new AuditService(dataSource.getRepository(AuditEvent)),
  ).publishKnownVersions();
  return command;
}

async function main(): Promise<number> {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  const password = command.kind === 'create-admin' ? await readPassword() : '';
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.embeddedDataDir);
  const connection = {
    url: config.databaseUrl ?? embedded?.url ?? '',
    embedded: embedded !== null,
  };
  const dataSource = new DataSource({ ...dataSourceOptions(connection), logging: ['error'] });
  try {
    await runMigrations(connection);
    await dataSource.initialize();
    const message =
      command.kind === 'create-admin'
        ? await createAdmin(dataSource, command.email, password)
        : command.kind === 'import-organisations'
          ? await importOrganisations(dataSource, command.file)
          : await runWaveCommand(dataSource, await withReferenceData(dataSource, command));
    console.log(message);
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = cliErrorOf(error);
    console.error(known ? known.message : error);
    process.exit(known ? known.exitCode : 1);
  },
);
