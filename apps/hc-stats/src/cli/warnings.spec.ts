// Warnings travel to the user: each one line "hc-stats: warning: …" on stderr and an entry of the JSON's
// `warnings` (always present), while the command still exits 0 with its result.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR } from '@swhc/psychometrics/testing';
import { FIXTURES, runInProcess, smallDrivers } from '../testing/run-in-process';

const DATA = join(FIXTURES, 'survey-small.csv');
const HS = join(FIXTURES_DIR, 'holzinger-swineford-1939.csv');
const scratch = mkdtempSync(join(tmpdir(), 'hc-stats-warnings-'));
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected-small.json'), 'utf8')) as {
  alpha_no_keys: { negative_items: string[] };
};

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** A successful run with warnings: exit 0, the JSON's warnings, and the same lines on stderr. */
function warned(argv: string[]): { out: Record<string, unknown>; warnings: string[] } {
  const run = runInProcess(argv);
  expect(run.status).toBe(0);
  const out = JSON.parse(run.stdout) as Record<string, unknown>;
  const warnings = out.warnings as string[];
  expect(warnings.length).toBeGreaterThan(0);
  expect(run.stderr).toBe(warnings.map((w) => `hc-stats: warning: ${w}\n`).join(''));
  return { out, warnings };
}

describe('hc-stats warnings', () => {
  it('a Heywood case (negative residual variance), as lavaan warns', () => {
    // lavaan 0.6-14: "some estimated ov variances are negative" (x8 ~~ x8 = -0.0157)
    const model = file('heywood.lav', 'f =~ x7 + x8\ng =~ x9 + x1 + x2 + x3\n');
    const { out, warnings } = warned(['cfa', '--data', HS, '--model', model]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^negative variance estimate: x8 ~~ x8 = -0\.015\d+$/);
    expect(out.converged).toBe(true);
  });

  it('a latent covariance matrix that is not positive definite, as lavaan warns', () => {
    const model = file('nonpd.lav', 'a =~ x1 + x2 + x3\nb =~ x4 + x5\nc =~ x6 + x7 + x8 + x9\n');
    const { warnings } = warned(['cfa', '--data', HS, '--model', model]);
    expect(warnings).toEqual([
      'the covariance matrix of the factors is not positive definite: a factor correlation is beyond ±1 or a combination of factors has negative variance',
    ]);
  });

  it('alpha on an item that correlates negatively with the total and is not reversed (as psych)', () => {
    const { out, warnings } = warned(['alpha', '--data', DATA, '--items', 'q1,q2,q3']);
    const items = expected.alpha_no_keys.negative_items; // psych 2.2.9 names q3
    expect(items).toEqual(['q3']);
    expect(warnings).toEqual([
      `Some items (${items.join(', ')}) correlate negatively with the total scale and probably should be reversed (psych alpha() warns the same).`,
    ]);
    expect(typeof out.alpha).toBe('number');
  });

  it('omega with loadings of mixed sign', () => {
    const { warnings } = warned(['omega', '--data', DATA, '--items', 'q1,q2,q3']);
    expect(warnings).toEqual([
      'The loadings have mixed signs (q3 against the rest): reverse the negatively worded items first; with mixed signs (Σλ)² cancels and omega understates reliability.',
    ]);
  });

  it('a rake that stops with a margin it did not meet (60/40 asked, 50/50 achieved)', () => {
    const data = file('twins.csv', 'sex,gender\nf,F\nf,F\nm,M\nm,M\n');
    const margins = file('twins.json', '{"sex": {"f": 60, "m": 40}, "gender": {"F": 50, "M": 50}}');
    const { out, warnings } = warned(['rake', '--data', data, '--margins', margins]);
    expect(out.achieved).toEqual({ sex: { f: 50, m: 50 }, gender: { F: 50, M: 50 } });
    expect(warnings).toEqual(['The margin of sex is not met: f 50 (target 60), m 50 (target 40).']);
  });

  it('every command prints warnings: [] when there is nothing to warn about', () => {
    const run = runInProcess(smallDrivers('q1,q2'));
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ warnings: [] });
  });
});
