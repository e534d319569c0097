// Opens the library the edges use: loads the coverage, opens (or builds and caches) the index, and
// wires `ask`, `who` and `suggestPeople` over them.
import { defaultCacheDir } from '../cacheFile.js';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { loadCoverageCached } from '../statements/cache.js';
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
  const { onProgress } = options;
  const coverage = await loadCoverageCached(options.seedsDir, options.cacheDir, { defaultSource: options.defaultSource, onProgress });
  const titles = new Map<string, string>();
  for (const article of coverage.articles) if (article.title) titles.set(article.doc, article.title);

  // One cache file per coverage folder, so that two folders never evict each other's index.
  const name = `index-${createHash('sha256').update(resolve(options.seedsDir)).digest('hex').slice(0, 16)}`;
  onProgress?.({ step: 'index', done: 0, total: coverage.passages.length });
  const state = await openSearchState(
    coverage.passages,
    { statements: coverage.statements, people: coverage.people, titles },
    { dir: options.cacheDir ?? defaultCacheDir(), name, fingerprint: options.indexFingerprint },
  );
  onProgress?.({
    step: 'index',
    done: coverage.passages.length,
    total: coverage.passages.length,
    finished: true,
    detail: state.fromCache ? 'loaded from cache' : 'built',
  });
  const { warnings: loadWarnings, analysis: _analysis, ...rest } = coverage;
  const plain: Coverage = rest;

  return librarySnapshot(plain, coverage.passages, state, {
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
