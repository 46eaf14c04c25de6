// Two real runs of the entry point through tsx from the repository root, as `npm run -s hc-stats -- …` does.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const DATA = join(ROOT, 'apps', 'hc-stats', 'fixtures', 'survey-small.csv');

function hcStats(args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'apps', 'hc-stats', 'src', 'main.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

describe('hc-stats as a process', () => {
  it('prints one JSON object and exits 0', () => {
    const run = hcStats(['alpha', '--data', DATA, '--items', 'q1,q2,q3', '--reverse', 'q3']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { n: number; alpha: number };
    expect(out.n).toBe(240);
    expect(out.alpha).toBeCloseTo(0.717957866271464, 12);
  }, 60_000);

  it('exits non-zero with one line on stderr for a bad flag', () => {
    const run = hcStats(['alpha', '--data', DATA, '--bogus']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'hc-stats: unknown flag --bogus (this command takes --data, --items, --reverse, --timing, --help)\n',
    );
  }, 60_000);
});
