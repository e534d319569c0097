// What answering needs, built once: the index, the near-duplicate groups and the short forms the
// coverage defines, over the same passages.
import type { Passage } from '../types.js';
import { learnShortForms, type ShortForms } from './shortForms.js';
import { buildIndex, type IndexExtras } from './buildIndex.js';
import type { InvertedIndex } from './invertedIndex.js';
import { duplicateGroups } from './nearDuplicates.js';
import { tokenizePassages } from './tokens.js';

export interface SearchState {
  index: InvertedIndex;
  /** Groups of passage ids that say the same thing (see nearDuplicates.ts). */
  groups: number[][];
  /**
   * Short forms the coverage defines (shortForms.ts), learned with the index and stored with it, so a
   * warm start does not pass over every passage again; absent in states made by hand (then learned on
   * the first question).
   */
  shortForms?: ShortForms;
}

export function buildSearchState(passages: Passage[], extras: IndexExtras = {}): SearchState {
  // Both passes read the same words: tokenise once (the regex work is most of either pass).
  const tokens = tokenizePassages(passages);
  return { index: buildIndex(passages, extras, tokens), groups: duplicateGroups(passages, tokens), shortForms: learnShortForms(passages, extras.people ?? []) };
}
