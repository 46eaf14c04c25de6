import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './app-server';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run -s api:cli -- ...` (tsx over the api's sources) against a database. Asynchronous:
 * with embedded PGlite the database server runs inside this test process and must keep answering.
 */
export function cli(
  databaseUrl: string | null,
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    ...options.env,
  };
  // Without a URL the CLI opens the embedded database in PGLITE_DATA_DIR (give it in env).
  if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
  else delete env['DATABASE_URL'];
  if (!options.env?.['SWHC_ADMIN_PASSWORD']) delete env['SWHC_ADMIN_PASSWORD'];
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', 'apps/api/tsconfig.app.json', 'apps/api/src/cli/main.ts', ...args],
      { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
