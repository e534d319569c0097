// Persists the index so that a restart loads it instead of rebuilding. The file is keyed by a sha256
// of everything indexed (passages, speakers, titles) and of the index options: a change to either
// rebuilds it. Written atomically (tmp + rename) under a checksum (src/cacheFile.ts): a file changed
// after writing is rebuilt with one warning, an unreadable or corrupt one rebuilt quietly, never fatal.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { damagedWarning, readCacheFile, writeCacheFile } from '../cacheFile.js';
import type { Passage } from '../types.js';
import { loadIndex, serializeIndex, type IndexExtras } from './buildIndex.js';
import { INDEX_FINGERPRINT } from './indexOptions.js';
import { MIN_CONTAINED_SHINGLES, RESEMBLANCE, SHINGLE_SIZE } from './nearDuplicates.js';
import { buildSearchState, type SearchState } from './searchState.js';

/** Index options plus near-duplicate settings: what, besides the coverage, shapes the cached state. */
export const STATE_FINGERPRINT = JSON.stringify({
  index: INDEX_FINGERPRINT,
  duplicates: { SHINGLE_SIZE, RESEMBLANCE, MIN_CONTAINED_SHINGLES },
});

interface CacheHeader {
  key: string;
  groups: number[][];
}

export interface OpenedState extends SearchState {
  fromCache: boolean;
  file: string;
  /**
   * Set when the cache file failed its checksum (rebuilt, not used) or could not be written (a
   * read-only folder: the index works from memory); one line.
   */
  warning: string | null;
}

/** sha256 over the options fingerprint and every indexed byte, with separators that text cannot forge. */
export function stateKey(passages: Passage[], extras: IndexExtras = {}, fingerprint = STATE_FINGERPRINT): string {
  const hash = createHash('sha256');
  hash.update(`${fingerprint}\u0000`);
  for (const p of passages) hash.update(`P\u0000${p.doc}\u0000${p.paragraph}\u0000${p.text}\u0001`);
  for (const s of extras.statements ?? []) hash.update(`S\u0000${s.doc}\u0000${s.paragraph}\u0000${s.speaker}\u0001`);
  for (const person of extras.people ?? []) hash.update(`N\u0000${[person.name, ...person.aliases].join('\u0000')}\u0001`);
  for (const [doc, title] of extras.titles ?? []) hash.update(`T\u0000${doc}\u0000${title}\u0001`);
  return hash.digest('hex');
}

/**
 * The search state for these passages: from `<cacheDir>/<name>.json` when its key matches, else
 * built and written there. `fingerprint` is for tests that need "the options changed".
 */
export async function openSearchState(
  passages: Passage[],
  extras: IndexExtras,
  cache: { dir: string; name: string; fingerprint?: string },
): Promise<OpenedState> {
  const file = join(cache.dir, `${cache.name}.json`);
  const key = stateKey(passages, extras, cache.fingerprint);
  const cached = await readCache(file, key, passages.length);
  if (cached && 'index' in cached) return { ...cached, fromCache: true, file, warning: null };

  const state = buildSearchState(passages, extras);
  const writeWarning = await writeCache(file, key, state).catch(
    (error: unknown) =>
      `could not write index cache ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); index kept in memory, built again at the next start`,
  );
  const warning = [cached?.damaged ?? null, writeWarning].filter(Boolean).join('; ') || null;
  return { ...state, fromCache: false, file, warning };
}

/** The cached state if the file is intact, parses and carries `key`; anything else means rebuild. */
async function readCache(file: string, key: string, passageCount: number): Promise<SearchState | { damaged: string } | null> {
  const read = await readCacheFile(file);
  if (read.status === 'damaged') return { damaged: damagedWarning('index cache', file, read.reason) };
  if (read.status !== 'ok') return null;
  const raw = read.payload;
  try {
    const newline = raw.indexOf('\n');
    if (newline < 0) return null;
    const header = JSON.parse(raw.slice(0, newline)) as CacheHeader;
    if (header.key !== key || !Array.isArray(header.groups)) return null;
    const index = loadIndex(raw.slice(newline + 1));
    if (index.documentCount !== passageCount) return null;
    return { index, groups: header.groups };
  } catch {
    return null; // Corrupt or truncated: rebuild and overwrite.
  }
}

/** Header line (key, duplicate groups), then the index (persist.ts), under the file's checksum line. */
async function writeCache(file: string, key: string, state: SearchState): Promise<null> {
  const header: CacheHeader = { key, groups: state.groups };
  await writeCacheFile(file, `${JSON.stringify(header)}\n${serializeIndex(state.index)}`);
  return null;
}
