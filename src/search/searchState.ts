// What answering needs, built once: the index plus the near-duplicate groups over the same passages.
import type { Passage } from '../types.js';
import { buildIndex, type IndexExtras } from './buildIndex.js';
import type { InvertedIndex } from './invertedIndex.js';
import { duplicateGroups } from './nearDuplicates.js';
import { tokenizePassages } from './tokens.js';

export interface SearchState {
  index: InvertedIndex;
  /** Groups of passage ids that say the same thing (see nearDuplicates.ts). */
  groups: number[][];
}

export function buildSearchState(passages: Passage[], extras: IndexExtras = {}): SearchState {
  // Both passes read the same words: tokenise once (the regex work is most of either pass).
  const tokens = tokenizePassages(passages);
  return { index: buildIndex(passages, extras, tokens), groups: duplicateGroups(passages, tokens) };
}
