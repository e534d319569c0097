// Every option of the production index and ranking, each documented once next to its value.
// The benchmark (bench/) and the evals import these so that they measure exactly what `ask` runs.
import type { RankOptions } from './rank.js';
import { STOP_WORDS, TERMS_SOURCE } from './terms.js';
import { packageVersion } from '../packageVersion.js';

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

export const RANK_OPTIONS: RankOptions = {
  /**
   * Per-field score multipliers. The speaker's name finds a quote whose paragraph never names them,
   * but must not outweigh the paragraph's own words: at 2 (tuned when MiniSearch's coordination
   * factor rewarded any extra matched term) "Rubio said …" paragraphs outranked the one saying why
   * he pulled out; 0.5 ranks both dev sets best (docs/ranking.md). The previous paragraph only
   * hints at what a pronoun refers to (0.3); a title speaks for the whole article (1.5).
   */
  boost: { text: 1, speakers: 0.5, context: 0.3, title: 1.5 },

  /**
   * BM25 parameters. k1: how fast repeated terms saturate; 1.5 (inside the textbook 1.2–2) ranks
   * Cranfield's abstracts better than 1.2 (+0.3 points) and leaves the dev questions as they are;
   * 1.8 and above start to cost them. b 0.75: the textbook length normalisation. d 0: plain BM25;
   * BM25+'s floor (MiniSearch's 0.5) adds idf·d for every matched term whatever its frequency, a
   * milder coordination factor: Cranfield +1.4 points without it (docs/ranking.md).
   */
  bm25: { k1: 1.5, b: 0.75, d: 0 },

  /**
   * Weights of fuzzy and prefix variants relative to the exact term (a near miss counts, never beats
   * the word), and of WordNet relatives ("invad" for "invas", relatedTerms.ts) when a plan has them.
   */
  weights: { fuzzy: 0.45, prefix: 0.375, related: 0.5 },

  /** Cap on fuzzy edit distance (the planner asks for 0.2 × term length): "Zelenskyy"→"Zelensky", typos. */
  maxFuzzy: 2,
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
  // The stemmer's and the stop-word list's versions: another version may stem or drop other words.
  packages: { stemmer: packageVersion('stemmer'), stopword: packageVersion('stopword') },
});
