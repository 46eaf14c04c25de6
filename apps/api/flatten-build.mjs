// The api build's last layout step. tsc writes the api and the libraries it imports under one root
// (dist/api/apps/api/src/…, dist/api/libs/…, dist/api/migrations/…); this lifts the api's own files
// to dist/api so that the entry point is dist/api/main.js, and copies the data files tsc skips.
// tsc-alias runs after it and rewrites the @swhc/* imports relative to the files' final places.
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const out = 'dist/api';
const compiledApi = join(out, 'apps', 'api', 'src');
if (!existsSync(join(compiledApi, 'main.js'))) {
  throw new Error(`${compiledApi}/main.js is missing: run tsc -p apps/api/tsconfig.app.json first`);
}
for (const entry of readdirSync(compiledApi)) {
  const target = join(out, entry);
  if (existsSync(target)) throw new Error(`${target} exists: an api folder clashes with a library`);
  renameSync(join(compiledApi, entry), target);
}
rmSync(join(out, 'apps'), { recursive: true });

// The source maps name their sources relative to where tsc wrote them: three folders deeper.
function liftSourceMaps(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !(dir === out && ['libs', 'migrations'].includes(entry.name))) {
      liftSourceMaps(path);
    } else if (entry.name.endsWith('.js.map')) {
      const map = JSON.parse(readFileSync(path, 'utf8'));
      map.sources = map.sources.map((source) => source.replace(/^(\.\.\/){3}/, ''));
      writeFileSync(path, JSON.stringify(map));
    }
  }
}
liftSourceMaps(out);
cpSync('apps/api/src/organisations/data', join(out, 'organisations', 'data'), { recursive: true });
