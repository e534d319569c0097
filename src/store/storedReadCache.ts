// The loader's read cache (src/corpus/readCache.ts) kept in the store's `files` table: looked up a
// row at a time, so memory follows the file being read, not the archive; rows read now are written
// in one transaction when the listing is done, and rows of files no longer listed dropped.
import type { ReadCache, ReadRow } from '../corpus/readCache.js';
import type { Store } from './store.js';

export function storedReadCache(store: Store, scope: string, onWarning?: (line: string) => void): ReadCache {
  const fresh = new Map<string, { stamp: string; digest: string; body: Buffer }>();
  return {
    get: (path) => store.getFile(scope, path),
    set: (path: string, row: ReadRow) => fresh.set(path, { ...row, body: Buffer.from(row.body) }),
    save: (paths) => {
      try {
        store.putFiles(scope, fresh, paths);
      } catch (error) {
        onWarning?.(`could not write the read cache in ${store.location} (${(error as { code?: string }).code ?? (error as Error).message}); files read again at the next start`);
      }
      fresh.clear();
    },
  };
}
