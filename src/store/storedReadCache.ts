// The loader's read cache (src/corpus/readCache.ts) kept in the store's `files` table, read in windows
// of rows in path order: the loader asks in listing order, so a lookup outside the window reads the
// next window from that path (22,000 lookups one by one cost 0.5 s at 10x; memory follows the window,
// not the archive). Rows read now are written in one transaction when the listing is done, and rows of
// files no longer listed dropped.
import type { ReadCache, ReadRow } from '../corpus/readCache.js';
import { sha256, type FileRow, type Store } from './store.js';

/** Rows read ahead per window. */
const WINDOW_ROWS = 1000;

export function storedReadCache(store: Store, scope: string, onWarning?: (line: string) => void): ReadCache {
  const fresh = new Map<string, { stamp: string; digest: string; body: Buffer }>();
  let window = new Map<string, FileRow & { checksum: string }>();
  // The paths the window covers: [from, to], or from `from` to the end when the scan ran out.
  let from: string | null = null;
  let to: string | null = null;
  const covers = (path: string) => from !== null && path >= from && (to === null || path <= to);
  return {
    get: (path) => {
      if (!covers(path)) {
        const rows = store.filesFrom(scope, path, WINDOW_ROWS);
        window = new Map(rows.map((r) => [r.path, r]));
        from = path;
        to = rows.length < WINDOW_ROWS ? null : rows.at(-1)!.path;
      }
      // Inside the window and not in it: a file the store has no row for (new), no second look.
      const row = window.get(path);
      if (!row) return undefined;
      window.delete(path);
      // A row whose bytes fail their checksum is read again from the file, never used.
      return sha256(row.body) === row.checksum ? { stamp: row.stamp, digest: row.digest, body: row.body } : undefined;
    },
    set: (path: string, row: ReadRow) => fresh.set(path, { ...row, body: Buffer.from(row.body) }),
    save: (paths) => {
      try {
        store.putFiles(scope, fresh, paths);
      } catch (error) {
        onWarning?.(`could not write the read cache in ${store.location} (${(error as { code?: string }).code ?? (error as Error).message}); files read again at the next start`);
      }
      fresh.clear();
      window = new Map();
      from = to = null;
    },
  };
}
