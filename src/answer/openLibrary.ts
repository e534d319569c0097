// Opens the library the edges use: loads the coverage, opens (or builds and caches) the index, and
// wires `ask`, `who` and `suggestPeople` over them.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { loadCoverage } from '../corpus/loadCoverage.js';
import { liveIndex, makeBase } from '../live/liveIndex.js';
import { indexDocuments } from '../search/buildIndex.js';
import { openSearchState } from '../search/indexCache.js';
import type { Coverage } from '../types.js';
import type { Library, LibraryOptions } from './library.js';
import { librarySnapshot } from './snapshot.js';

export interface OpenedLibrary extends Library {
  /** True when the index came from the cache file rather than being built now. */
  fromCache: boolean;
  cacheFile: string;
  /** Loader warnings and skipped files, one line each, for the operator (stderr), never for users. */
  warnings: string[];
}

export async function openLibrary(options: LibraryOptions & { indexFingerprint?: string }): Promise<OpenedLibrary> {
  const coverage = await loadCoverage(options.seedsDir);
  const titles = new Map<string, string>();
  for (const article of coverage.articles) if (article.title) titles.set(article.doc, article.title);

  // One cache file per coverage folder, so that two folders never evict each other's index.
  const name = `index-${createHash('sha256').update(resolve(options.seedsDir)).digest('hex').slice(0, 16)}`;
  const extras = { statements: coverage.statements, people: coverage.people, titles };
  const state = await openSearchState(coverage.passages, extras, { dir: options.cacheDir ?? resolve('.cache'), name, fingerprint: options.indexFingerprint });
  // Ranked by the same scorer as the live library (base + live segment, here with nothing live), so
  // that a restart ranks exactly as the running bot did after its updates (src/live/liveIndex.ts).
  const documents = indexDocuments(coverage.passages, extras);
  const index = liveIndex(makeBase(state, coverage.passages, documents), coverage.passages, documents);
  const { warnings: loadWarnings, ...rest } = coverage;
  const plain: Coverage = rest;

  return librarySnapshot(plain, index, {
    reopen: () => openLibrary(options),
    fromCache: state.fromCache,
    cacheFile: state.file,
    warnings: [
      ...coverage.skipped.map((s) => `skipped ${s.path}: ${s.reason}`),
      ...loadWarnings,
      ...(state.warning ? [state.warning] : []),
    ],
  });
}
