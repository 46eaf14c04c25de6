import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The slice of Vite's build manifest (`.vite/manifest.json`) read here. */
interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}
type Manifest = Readonly<Record<string, ManifestChunk>>;

/** What a page will ask for once its main script runs: scripts and stylesheets, as URL paths. */
export interface RouteChunks {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}

export const NO_CHUNKS: RouteChunks = { scripts: [], styles: [] };

/** Where Vite writes its manifest below the web root (never served: see web-app-files.ts). */
export const MANIFEST_PATH = join('.vite', 'manifest.json');

export function readManifest(webRoot: string): Manifest {
  const path = join(webRoot, MANIFEST_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
}

/**
 * The chunk built from `source` (a lazily loaded route module, e.g.
 * `src/features/take-survey/take-survey-page.tsx`) and the chunks it imports statically, with
 * their stylesheets, less what the app page loads anyway (the entry and its imports). Empty when
 * the manifest does not know `source` (an older build): the page then works as before, only later.
 */
export function routeChunks(manifest: Manifest, source: string): RouteChunks {
  const loadedByPage = new Set<string>();
  const markEntry = (key: string): void => {
    if (loadedByPage.has(key)) return;
    loadedByPage.add(key);
    for (const imported of manifest[key]?.imports ?? []) markEntry(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) markEntry(key);

  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key) || loadedByPage.has(key)) return;
    seen.add(key);
    scripts.push(`/${chunk.file}`);
    for (const css of chunk.css ?? []) if (!styles.includes(`/${css}`)) styles.push(`/${css}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(source);
  return { scripts, styles };
}
