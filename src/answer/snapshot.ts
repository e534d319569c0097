// The library as a value that can be replaced. The bot holds a `LibrarySource` and reads `current` once
// per interaction: an update builds the next snapshot beside the current one and swaps this one
// reference, so an answer in progress finishes on the snapshot it started with, and nobody ever sees
// a half-updated library. No locks: snapshots are never changed after they are made.
import { whoSaid } from '../statements/whoSaid.js';
import type { Coverage, Passage } from '../types.js';
import { makeAsk, type PassageSearch } from './ask.js';
import type { Library } from './library.js';
import { makeSuggestPeople, makeSuggestRoles } from './suggestPeople.js';
import type { SearchState } from '../search/searchState.js';
import type { WhoOptions } from '../statements/whoSaid.js';

export interface LibrarySource {
  /** The snapshot to answer from now. Read it once per answer and use only that. */
  readonly current: Library;
  /**
   * Re-reads these coverage files now (added, changed or removed) and resolves once `current`
   * answers from them: for code that writes into the coverage folder itself, such as `/add`.
   */
  refresh?(paths: readonly string[]): Promise<void>;
}

/** A fixed library (no watching) or a source of snapshots: the snapshot to answer from now. */
export function currentLibrary(library: Library | LibrarySource): Library {
  return 'current' in library ? library.current : library;
}

/**
 * The one place a library value is wired from coverage and an index: openLibrary (a fixed library,
 * over one SearchState) and LiveLibrary (each snapshot, over base + live) both build it here, so that
 * a new answer added to `Library` is added once. `passages` holds the passage of every id the search
 * returns.
 */
export function librarySnapshot<Extra extends object>(
  coverage: Coverage,
  passages: readonly (Passage | null)[],
  search: SearchState | PassageSearch,
  extra: Extra,
): Readonly<Library & Extra> {
  return Object.freeze({
    ...extra,
    coverage,
    ask: makeAsk(passages, search, { statements: coverage.statements, people: coverage.people }),
    who: (name: string, options?: WhoOptions) => whoSaid(coverage, name, options),
    suggestPeople: makeSuggestPeople(coverage.people),
    suggestRoles: makeSuggestRoles(coverage.people),
  });
}
