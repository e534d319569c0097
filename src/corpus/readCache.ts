// What a warm start needs to skip reading a file again: the reader's own fingerprint (its code and
// the packages it parses with), and the shape of the cache the loader is handed. The loader decides
// from a file's listing (size, modification time, its id and its sidecar's) whether to open it at
// all; a file whose listing changed is read, and if its bytes hash as before its earlier parse is
// kept. Where rows are kept is the caller's business (src/store).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../packageVersion.js';

/** Packages whose version changes what a file reads as. */
const READER_PACKAGES = ['@mozilla/readability', 'linkedom', 'feedsmith', 'mdast-util-from-markdown', 'iconv-lite', 'yaml', 'chrono-node'];

/** sha256 over this folder's code (and formats/) and the reader packages' versions. */
export const READER_FINGERPRINT = (() => {
  const hash = createHash('sha256');
  for (const dir of [import.meta.dirname, join(import.meta.dirname, 'formats')]) {
    for (const file of readdirSync(dir).filter((f) => /\.(m?js|ts)$/u.test(f)).sort()) hash.update(`${file}\u0000`).update(readFileSync(join(dir, file)));
  }
  for (const name of READER_PACKAGES) hash.update(`${name}@${packageVersion(name)}\u0000`);
  return hash.digest('hex').slice(0, 32);
})();

/** One file's row: `stamp` decides a re-read without opening it, `digest` (sha256 of its bytes) a re-parse. */
export interface ReadRow {
  stamp: string;
  digest: string;
  /** What the file read as (JSON of the loader's record). */
  body: Uint8Array;
}

export interface ReadCache {
  get(path: string): ReadRow | undefined;
  /** A row read or confirmed now. */
  set(path: string, row: ReadRow): void;
  /** Called once the listing is read: rows of files not in `paths` are dropped. Must not throw. */
  save(paths: ReadonlySet<string>): void;
}
