// Every option of the production index and ranking, each documented once next to its value.
// The benchmark (bench/) and the evals import these so that they measure exactly what `ask` runs.
import type { Options, SearchOptions } from 'minisearch';
import type { RankOptions } from './rank.js';
import { processTerm, STOP_WORDS, TERMS_SOURCE, tokenize } from './terms.js';

export { processTerm, tokenize, STOP_WORDS } from './terms.js';

/** One paragraph as the index sees it; `id` is the passage's position in the passages array. */
export interface IndexedDocument {
  id: number;
  /** The paragraph's words. */
  text: string;
  /** Names and aliases of whoever speaks in the paragraph (from statements + people register). */
  speakers?: string;
  /** The previous paragraph, when this one opens with a pronoun or a quote (see context.ts). */
  context?: string;
  /** The article's title, when a sidecar gives one. */
  title?: string;
}

/** Bump when anything that changes what is indexed changes in a way the fingerprint cannot see. */
export const INDEX_SCHEMA_VERSION = 2;

/**
 * Fields indexed, in this order (their position is the field number in the index). The paragraph
 * text answers most questions; `speakers` lets "what did Healey say about the truce" find a quote
 * whose paragraph never names Healey; `title` lets an article's headline lift its paragraphs.
 */
export const INDEX_FIELDS = ['text', 'speakers', 'context', 'title'] as const;

/** Kept for the MiniSearch reference index (miniSearchReference.ts) and the bench: same fields and terms. */
export const INDEX_OPTIONS: Options<IndexedDocument> & { fields: string[] } = {
  fields: [...INDEX_FIELDS],
  storeFields: [],
  idField: 'id',
  tokenize,
  processTerm,
  autoVacuum: false,
};

export const RANK_OPTIONS: RankOptions = {
  /**
   * Per-field score multipliers. A speaker match is strong evidence that the paragraph is what the
   * person said (2); the previous paragraph only hints at what a pronoun refers to (0.3); a title
   * speaks for the whole article, so it lifts its paragraphs only gently (1.5).
   */
  boost: { text: 1, speakers: 2, context: 0.3, title: 1.5 },

  /**
   * BM25 parameters. k 1.2: paragraphs are short, a second mention matters little. b 0.75: the
   * textbook length normalisation. d: BM25+'s floor per matching term (0 is plain BM25).
   */
  bm25: { k: 1.2, b: 0.75, d: 0.5 },

  /** Weights of fuzzy and prefix variants relative to the exact term: a near miss counts, never beats the word. */
  weights: { fuzzy: 0.45, prefix: 0.375 },

  /** Cap on fuzzy edit distance (the planner asks for 0.2 × term length): "Zelenskyy"→"Zelensky", typos. */
  maxFuzzy: 2,
};

/**
 * MiniSearch's own search with the same per-term plan, for the reference index only: OR, the same
 * boosts, BM25+ parameters and variant weights. (MiniSearch also multiplies each score by the number
 * of query terms matched; that is the difference from RANK_OPTIONS, see docs/ranking.md.)
 */
export const MINISEARCH_SEARCH_OPTIONS: SearchOptions = {
  boost: RANK_OPTIONS.boost as Record<string, number>,
  combineWith: 'OR',
  bm25: RANK_OPTIONS.bm25,
  weights: RANK_OPTIONS.weights,
  maxFuzzy: RANK_OPTIONS.maxFuzzy,
  tokenize: (text: string) => [text],
  processTerm: (term: string) => term,
};

/**
 * Everything that decides what goes into the index, as text: a change here invalidates the cache.
 * Function sources are included so editing `tokenize` or `processTerm` also rebuilds.
 */
export const INDEX_FINGERPRINT = JSON.stringify({
  schema: INDEX_SCHEMA_VERSION,
  fields: INDEX_FIELDS,
  terms: TERMS_SOURCE,
  stopWords: [...STOP_WORDS],
});
