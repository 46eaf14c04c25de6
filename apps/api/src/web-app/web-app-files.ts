import { readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** A compressed copy of a file, made at build time next to it (`x.js.br`, `x.js.gz`). */
export interface EncodedVariant {
  /** Below the web root, with `/` separators. */
  readonly relativePath: string;
}

export type ContentCoding = 'br' | 'gzip';

/** One file of the built web app, as it can be sent. */
export interface WebAppFile {
  readonly webRoot: string;
  /** Below the web root, with `/` separators. */
  readonly relativePath: string;
  /** Extension for the Content-Type, e.g. `.js`. */
  readonly extension: string;
  /** Named with a content hash by the bundler (under /assets/): cacheable for good. */
  readonly immutable: boolean;
  readonly variants: Readonly<Partial<Record<ContentCoding, EncodedVariant>>>;
}

const CODING_EXTENSIONS: Readonly<Record<ContentCoding, string>> = { br: '.br', gzip: '.gz' };

/** Vite's hashed output: `assets/name-<8+ base64url characters>.ext`. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9.]+$/;

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

/**
 * The built web app's files by URL path (`/index.html`, `/assets/index-abc123.js`), read once at
 * start-up: requests are answered from this list, so no request path ever reaches the file
 * system, and the install's own folder names (dots included) do not matter. Source maps are left
 * out unless asked for (never in production).
 */
export function scanWebAppFiles(
  webRoot: string,
  options: { sourceMaps: boolean },
): Map<string, WebAppFile> {
  const files = new Map<string, WebAppFile>();
  const all = new Set(walk(webRoot));
  for (const path of all) {
    const extension = extname(path);
    if (extension === '.br' || extension === '.gz') continue;
    if (extension === '.map' && !options.sourceMaps) continue;
    const relativePath = relative(webRoot, path).split(sep).join('/');
    // Vite's build manifest is read by the api, not served.
    if (relativePath.startsWith('.vite/')) continue;
    const url = `/${relativePath}`;
    const variants: Partial<Record<ContentCoding, EncodedVariant>> = {};
    for (const [coding, suffix] of Object.entries(CODING_EXTENSIONS) as [ContentCoding, string][]) {
      if (all.has(`${path}${suffix}`))
        variants[coding] = { relativePath: `${relativePath}${suffix}` };
    }
    files.set(url, {
      webRoot,
      relativePath,
      extension,
      immutable: HASHED_ASSET.test(url),
      variants,
    });
  }
  return files;
}

/** The best coding the client accepts among those the file has: brotli, then gzip, else none. */
export function chooseCoding(
  file: WebAppFile,
  acceptEncoding: string | undefined,
): ContentCoding | null {
  return bestCoding(
    (['br', 'gzip'] as const).filter((coding) => file.variants[coding]),
    acceptEncoding,
  );
}

/** The best coding the client accepts among `available`: brotli, then gzip, else none. */
export function bestCoding(
  available: readonly ContentCoding[],
  acceptEncoding: string | undefined,
): ContentCoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(coding.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*') ?? 0;
  for (const coding of ['br', 'gzip'] as const) {
    if (available.includes(coding) && (accepted.get(coding) ?? wildcard) > 0) return coding;
  }
  return null;
}
