// What answering needs, built once: the index plus the near-duplicate groups over the same passages.
import type MiniSearch from 'minisearch';
import type { Passage } from '../types.js';
import { buildIndex, type IndexExtras } from './buildIndex.js';
import type { IndexedDocument } from './indexOptions.js';
import { duplicateGroups } from './nearDuplicates.js';

export interface SearchState {
  index: MiniSearch<IndexedDocument>;
  /** Groups of passage ids that say the same thing (see nearDuplicates.ts). */
  groups: number[][];
}

export function buildSearchState(passages: Passage[], extras: IndexExtras = {}): SearchState {
  return { index: buildIndex(passages, extras), groups: duplicateGroups(passages) };
}
