// Writes a gzip (`.gz`) and a Brotli (`.br`) copy beside every compressible file of the built
// app (dist/), at the highest levels, once at build time: the server sends them to browsers
// that accept them, so a phone downloads the smallest form without the server compressing
// anything per request. A copy that would not be smaller is not written.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

const DIST = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt', '.ftl', '.webmanifest']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

let raw = 0;
let br = 0;
for (const file of [...files(DIST)]) {
  if (file.endsWith('.gz') || file.endsWith('.br')) {
    unlinkSync(file);
    continue;
  }
  if (!COMPRESSIBLE.has(path.extname(file))) continue;
  const bytes = readFileSync(file);
  const forms = {
    '.gz': gzipSync(bytes, { level: 9 }),
    '.br': brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  };
  raw += bytes.length;
  br += forms['.br'].length < bytes.length ? forms['.br'].length : bytes.length;
  for (const [ext, packed] of Object.entries(forms)) {
    if (packed.length < bytes.length) writeFileSync(file + ext, packed);
  }
}
console.log(`precompressed dist/: ${raw} bytes, ${br} as Brotli`);
