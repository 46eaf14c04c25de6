// Real runs of the shipped CLI: the launcher bin/hc-stats.cjs (what `npm run -s hc-stats --`, `npx hc-stats`
// and the package.json bin start) runs the esbuild bundle, building it when it is missing or stale.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const LAUNCHER = join(ROOT, 'apps', 'hc-stats', 'bin', 'hc-stats.cjs');
const BUNDLE = join(ROOT, 'dist', 'hc-stats', 'hc-stats.cjs');
const DATA = join(ROOT, 'apps', 'hc-stats', 'fixtures', 'survey-small.csv');
const ALPHA = ['alpha', '--data', DATA, '--items', 'q1,q2,q3', '--reverse', 'q3'];

function hcStats(args: string[]) {
  return spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function expectAlpha(run: ReturnType<typeof hcStats>): void {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const out = JSON.parse(run.stdout) as { n: number; alpha: number };
  expect(out.n).toBe(240);
  expect(out.alpha).toBeCloseTo(0.717957866271464, 12);
}

describe('hc-stats as a process', () => {
  it('prints one JSON object and exits 0', () => {
    expectAlpha(hcStats(ALPHA));
  }, 60_000);

  it('exits non-zero with one line on stderr for a bad flag', () => {
    const run = hcStats(['alpha', '--data', DATA, '--bogus']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'hc-stats: unknown flag --bogus (this command takes --data, --items, --reverse, --timing, --help)\n',
    );
  }, 60_000);

  it('builds the bundle on first use when it is missing', () => {
    if (existsSync(BUNDLE)) renameSync(BUNDLE, `${BUNDLE}.moved`);
    try {
      expectAlpha(hcStats(ALPHA));
      expect(existsSync(BUNDLE)).toBe(true);
    } finally {
      rmSync(`${BUNDLE}.moved`, { force: true });
    }
  }, 60_000);

  it('rebuilds a bundle older than its sources instead of running it', () => {
    hcStats(['--help']);
    writeFileSync(BUNDLE, 'throw new Error("stale bundle ran");\n');
    const old = new Date('2000-01-01T00:00:00Z');
    utimesSync(BUNDLE, old, old);
    expectAlpha(hcStats(ALPHA));
    expect(statSync(BUNDLE).mtime.getTime()).toBeGreaterThan(old.getTime());
  }, 60_000);

  it('runs as the npm script the README documents', () => {
    const run = spawnSync('npm', ['run', '-s', 'hc-stats', '--', ...ALPHA], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expectAlpha(run);
  }, 60_000);
});
