import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { freePort } from './free-port';
import { provisionTestDatabase, type TestDatabase } from './test-database';

export const REPO_ROOT = join(__dirname, '..', '..');
export const BUILT_API_MAIN = join(REPO_ROOT, 'dist', 'api', 'main.js');

export interface RunningApp {
  readonly baseUrl: string;
  readonly databaseUrl: string | null;
  readonly output: () => string;
  /** The app's process id (benchmarks read its memory from /proc). */
  readonly pid: number;
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL): no graceful shutdown, as in a crash. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment, e.g. PGLITE_DATA_DIR for the embedded mode. */
  readonly env?: Record<string, string>;
  /** Leave DATABASE_URL unset: the app starts its own embedded database, as `npm start` does. */
  readonly embedded?: boolean;
  readonly timeoutMs?: number;
  /** Run a copy of the repository's `dist` from this directory instead (same layout below it). */
  readonly root?: string;
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The app exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Starts the built app (node dist/…/main.js, as `npm start` does after building) on a free port. */
export async function startBuiltApp(
  databaseUrl: string | null,
  options: StartOptions = {},
): Promise<RunningApp> {
  const root = options.root ?? REPO_ROOT;
  const main = join(root, relative(REPO_ROOT, BUILT_API_MAIN));
  if (!existsSync(main)) throw new Error(`Build the app first (npm run build): ${main} is missing`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NODE_OPTIONS: '',
    ...options.env,
  };
  delete env['DATABASE_URL'];
  if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = (): string => log;
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
  };
  const kill = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  try {
    await waitForHealth(baseUrl, child, options.timeoutMs ?? 120000, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, databaseUrl, output, pid: child.pid ?? -1, stop, kill };
}

/** A fresh database plus the built app on it: what the browser tests run against. */
export async function startApp(
  env: Record<string, string> = {},
): Promise<RunningApp & { database: TestDatabase }> {
  const database = await provisionTestDatabase();
  const app = await startBuiltApp(database.url, { env });
  return {
    ...app,
    database,
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}
