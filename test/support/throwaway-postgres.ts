import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface ThrowawayPostgres {
  /** The `postgres` database of the server. */
  readonly url: string;
  /** Stops the server at once, as a crash would (`pg_ctl stop -m immediate`); `start()` brings it back. */
  crash(): void;
  /** Starts the server again on the same port and data after `crash()`. */
  start(): void;
  /** Stops the server and deletes its files. */
  stop(): void;
}

/** True when Debian's PostgreSQL 15 is installed (CI installs it; see .ci/run). */
export const throwawayPostgresAvailable = (): boolean => existsSync(join(PG_BIN, 'initdb'));

/**
 * A PostgreSQL 15 server of our own in a temporary directory on a free loopback port, as .ci/run
 * starts one: trust authentication, gone when stopped. For tests and benchmarks that must stop,
 * crash or load a server without touching the shared one. Runs the server as user postgres when
 * we are root. `settings` are extra `-c name=value` server settings.
 */
export async function startThrowawayPostgres(
  settings: Readonly<Record<string, string>> = {},
): Promise<ThrowawayPostgres> {
  if (!throwawayPostgresAvailable()) {
    throw new Error(`No PostgreSQL 15 in ${PG_BIN}: apt-get install postgresql`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'swhc-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (binary: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : join(PG_BIN, binary);
    const argv = asRoot ? ['-u', 'postgres', '--', join(PG_BIN, binary), ...args] : args;
    const result = spawnSync(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) {
      throw new Error(`${binary} failed: ${result.stderr.toString()}`);
    }
  };
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    '-c shared_buffers=256MB',
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');
  const start = (): void =>
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', options, 'start']);
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  run('initdb', ['-D', data, '--auth=trust', '-E', 'UTF8']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    },
    start,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
      } catch {
        // already stopped
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
