import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_API_MAIN, REPO_ROOT } from '../support/app-server';
import { freePort } from '../support/free-port';

/** Runs the built app with `env` and returns its exit code and output, or throws if it keeps running. */
async function runUntilExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BUILT_API_MAIN], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

describe('production start without a database', () => {
  it('refuses to start, naming DATABASE_URL, rather than becoming the demo with its published password', async () => {
    const { code, output } = await runUntilExit({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL must be set when NODE_ENV is production/);
    expect(output).not.toMatch(/Demo sign-in/);
  });

  it('docker-compose restarts the app (and its database) when they stop', () => {
    const compose = readFileSync(join(REPO_ROOT, 'docker', 'docker-compose.yml'), 'utf8');
    const services = compose.split(/^ {2}(?=\w+:$)/m);
    for (const name of ['app', 'db']) {
      const service = services.find((s) => s.startsWith(`${name}:`)) ?? '';
      expect({ name, restart: /^ {4}restart: (\S+)$/m.exec(service)?.[1] }).toEqual({
        name,
        restart: 'unless-stopped',
      });
    }
  });

  it('the Docker image runs with NODE_ENV=production, so the same rule holds there', () => {
    const dockerfile = readFileSync(join(REPO_ROOT, 'docker', 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/ENV[^\n]*NODE_ENV=production/);
  });
});
