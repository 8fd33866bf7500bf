// Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of the
// built client, at maximum compression, once per build: the server sends the
// copy the browser accepts and never compresses these files per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|webmanifest)$/; // not source maps: only developer tools fetch them
const MIN_BYTES = 1024; // below this the headers cost more than the bytes saved

let files = 0;
let before = 0;
let after = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(name) && statSync(path).size >= MIN_BYTES) {
      const content = readFileSync(path);
      const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
      writeFileSync(`${path}.br`, br);
      writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      files++;
      before += content.length;
      after += br.length;
    }
  }
}
walk(DIST);
console.log(`precompressed ${files} files: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB (brotli)`);
