// Builds hc-stats into one CommonJS file with esbuild, so a run is plain `node` with no transpiling: the
// launcher (hc-stats.cjs) calls ensureBundle() first, which rebuilds only when the bundle is missing or
// older than any source it is made from. `npm ci` never builds (a failed build there would fail the
// install); the first run after a fresh clone does, in about a second.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'hc-stats', 'hc-stats.cjs');
/** Folders of TypeScript the bundle is made from (the app and the libraries it imports). */
const SOURCE_DIRS = ['apps/hc-stats/src', 'libs/psychometrics/src', 'libs/csv/src'];
/** Single files that change the output: compiler settings, dependency versions, this script. */
const SOURCE_FILES = [
  'tsconfig.base.json',
  'apps/hc-stats/tsconfig.json',
  'package-lock.json',
  'apps/hc-stats/bin/bundle.cjs',
  'apps/hc-stats/bin/no-debug.cjs',
];

/** The newest modification time among the sources (spec files excluded). Walks relative to ROOT only. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of SOURCE_DIRS) visit(path.join(ROOT, dir));
  for (const file of SOURCE_FILES)
    newest = Math.max(newest, fs.statSync(path.join(ROOT, file)).mtimeMs);
  return newest;
}

function isFresh() {
  let built;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
  } catch {
    return false;
  }
  return built >= newestSource();
}

/** Bundles src/main.ts (and the @swhc/* libraries, resolved through the tsconfig paths) into BUNDLE. */
function build() {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  // write beside and rename, so a run that starts meanwhile never loads half a file
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: ['apps/hc-stats/src/main.ts'],
    tsconfig: 'apps/hc-stats/tsconfig.json',
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    alias: { debug: './apps/hc-stats/bin/no-debug.cjs' },
    logLevel: 'error',
  });
  fs.renameSync(tmp, BUNDLE);
}

/** The bundle's path, built first when it is missing or stale. */
function ensureBundle() {
  if (!isFresh()) build();
  return BUNDLE;
}

module.exports = { BUNDLE, build, ensureBundle, isFresh };

if (require.main === module) {
  build();
  process.stdout.write(`built ${path.relative(ROOT, BUNDLE)}\n`);
}
