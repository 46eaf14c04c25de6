import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../support/app-server';

/**
 * docs/promises.md points at the tests that prove each promise: every file it names must exist,
 * and every test name it quotes must be in that file, so a renamed or deleted test shows up here.
 */
describe('docs/promises.md', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'promises.md'), 'utf8');
  const promises = doc.split('\n').filter((line) => line.startsWith('- **'));

  it('lists promises', () => {
    expect(promises.length).toBeGreaterThan(20);
  });

  it('names only files that exist, and test names that are in them', () => {
    const missing: string[] = [];
    for (const line of promises) {
      // `path` "test name", "test name"; `path` …
      const parts = line.split(/`([^`]+)`/);
      for (let i = 1; i < parts.length; i += 2) {
        const path = parts[i] ?? '';
        if (!path.includes('/')) continue; // a file name in passing, or code
        const file = join(REPO_ROOT, path.replace(/\/\*[^/]*$/, ''));
        if (!existsSync(path.includes('*') ? dirname(file + '/x') : file)) {
          missing.push(path);
          continue;
        }
        const names = [...(parts[i + 1] ?? '').matchAll(/"(.+?)"(?=, "|;|$)/g)].map((m) => m[1]);
        const text = names.length > 0 ? readFileSync(file, 'utf8') : '';
        for (const name of names) if (!text.includes(name ?? '')) missing.push(`${path}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
