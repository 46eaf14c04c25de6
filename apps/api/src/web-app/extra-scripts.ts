import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The slice of Vite's build manifest (`.vite/manifest.json`) read here. */
interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
}
export type Manifest = Readonly<Record<string, ManifestChunk>>;

/** Scripts a page runs besides the app's main script, as URL paths. */
export interface ExtraScripts {
  /** Entries of the build to run at once (e.g. the poll page's early start). */
  readonly run: readonly string[];
  /** What they import that the app page does not load anyway: announced, so fetched at once. */
  readonly preload: readonly string[];
}

export const NO_EXTRA_SCRIPTS: ExtraScripts = { run: [], preload: [] };

/** Where Vite writes its manifest below the web root (never served: see web-app-files.ts). */
export const MANIFEST_PATH = join('.vite', 'manifest.json');

/** The app page's own entry in the manifest. */
const APP_ENTRY = 'index.html';

export function readManifest(webRoot: string): Manifest {
  const path = join(webRoot, MANIFEST_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
}

/**
 * The hashed files of the build's entries `sources` (e.g. `src/early-poll-entry.ts`), and the
 * chunks they import less those the app page loads anyway (its entry and the entry's imports).
 * An entry the manifest does not know (an older build) is left out: the page then works as
 * before, only later.
 */
export function extraScripts(manifest: Manifest, sources: readonly string[]): ExtraScripts {
  const loadedByPage = new Set<string>();
  const markLoaded = (key: string): void => {
    if (loadedByPage.has(key)) return;
    loadedByPage.add(key);
    for (const imported of manifest[key]?.imports ?? []) markLoaded(imported);
  };
  markLoaded(APP_ENTRY);

  const run: string[] = [];
  const preload: string[] = [];
  const seen = new Set<string>(sources);
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key) || loadedByPage.has(key)) return;
    seen.add(key);
    preload.push(`/${chunk.file}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const source of sources) {
    const chunk = manifest[source];
    if (!chunk) continue;
    run.push(`/${chunk.file}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  }
  return { run, preload };
}
