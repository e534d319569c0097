// Placeholder: question types (filled in below).
import type { Passage } from '../types.js';
import type { SearchState } from '../search/searchState.js';
export function questionPrior(_q: string, _p: readonly Passage[], _s: SearchState): ((id: number, matched: number) => number) | undefined {
  return undefined;
}
