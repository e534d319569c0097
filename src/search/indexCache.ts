// Persists the index so that a restart loads it instead of rebuilding. The record is keyed by a
// sha256 of everything indexed (passages, speakers, titles) and of the index options: a change to
// either rebuilds it. Kept in the cache store (src/store/store.ts) as binary parts under checksums,
// written in one transaction: a record changed after writing is rebuilt with one warning, one from
// other code or inconsistent rebuilt quietly, never fatal.
import { createHash } from 'node:crypto';
import { Store } from '../store/store.js';
import type { Passage } from '../types.js';
import type { IndexExtras } from './buildIndex.js';
import { indexFromParts, indexParts } from './persist.js';
import { INDEX_FINGERPRINT } from './indexOptions.js';
import { SHORT_FORMS_VERSION } from './shortForms.js';
import { MIN_CONTAINED_SHINGLES, RESEMBLANCE, SHINGLE_SIZE } from './nearDuplicates.js';
import { buildSearchState, type SearchState } from './searchState.js';

/** Index options plus near-duplicate settings: what, besides the coverage, shapes the cached state. */
export const STATE_FINGERPRINT = JSON.stringify({
  index: INDEX_FINGERPRINT,
  duplicates: { SHINGLE_SIZE, RESEMBLANCE, MIN_CONTAINED_SHINGLES },
  shortForms: SHORT_FORMS_VERSION,
});

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
 * The search state for these passages: from the store in `cache.dir` when its key matches, else
 * built and written there. `fingerprint` is for tests that need "the options changed".
 */
export async function openSearchState(
  passages: Passage[],
  extras: IndexExtras,
  cache: { dir: string; name: string; fingerprint?: string },
): Promise<OpenedState> {
  const store = Store.forDir(cache.dir);
  const key = stateKey(passages, extras, cache.fingerprint);
  const cached = readState(store.getRecord('index', cache.name, key), passages.length);
  if (cached) return { ...cached, fromCache: true, file: store.location, warning: oneLine(store.takeWarnings()) };

  const state = buildSearchState(passages, extras);
  let writeWarning: string | null = null;
  try {
    const forms = Buffer.from(JSON.stringify([...(state.shortForms ?? [])]));
    store.putRecord('index', cache.name, key, [Buffer.from(JSON.stringify(state.groups)), forms, ...indexParts(state.index)]);
  } catch (error) {
    writeWarning = `could not write index cache ${store.location} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); index kept in memory, built again at the next start`;
  }
  return { ...state, fromCache: false, file: store.location, warning: oneLine([...store.takeWarnings(), writeWarning]) };
}

/** The stored state if its parts restore a consistent index of this many passages; anything else means rebuild. */
function readState(parts: Buffer[] | null, passageCount: number): SearchState | null {
  if (!parts || parts.length < 4) return null;
  try {
    const groups = JSON.parse(parts[0]!.toString('utf8')) as number[][];
    const forms = JSON.parse(parts[1]!.toString('utf8')) as [string, string[]][];
    if (!Array.isArray(groups) || !Array.isArray(forms)) return null;
    const index = indexFromParts(parts.slice(2));
    return index.documentCount === passageCount ? { index, groups, shortForms: new Map(forms) } : null;
  } catch {
    return null; // from other code, or inconsistent: rebuild and overwrite
  }
}

function oneLine(parts: (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => Boolean(p));
  return kept.length ? kept.join('; ') : null;
}
