// After `vite build`: a brotli (quality 11) and a gzip (level 9) copy next to every text file of
// the build worth compressing, so the api sends them without compressing anything per request.
// Usage: node apps/web/precompress.mjs <build folder>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Source maps are left alone: they are for development, never served in production.
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt']);
const MIN_BYTES = 1024;

function walk(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

const root = process.argv[2];
if (!root) throw new Error('Usage: node apps/web/precompress.mjs <build folder>');
let before = 0;
let afterBrotli = 0;
for (const path of walk(root)) {
  if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
  const content = readFileSync(path);
  const brotli = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  const gzip = gzipSync(content, { level: 9 });
  // A copy that saves too little is not worth a second round of headers and caching.
  if (brotli.length < content.length * 0.9) writeFileSync(`${path}.br`, brotli);
  if (gzip.length < content.length * 0.9) writeFileSync(`${path}.gz`, gzip);
  before += content.length;
  afterBrotli += Math.min(brotli.length, content.length);
}
console.log(
  `precompressed ${root}: ${(before / 1024).toFixed(0)} kB of scripts, styles and pages → ${(afterBrotli / 1024).toFixed(0)} kB with brotli`,
);
