// Every MiniSearch option the production index uses, each documented once next to its value.
// The benchmark (bench/) imports these so that it measures exactly what `ask` runs.
import type { Options, SearchOptions } from 'minisearch';
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
export const INDEX_SCHEMA_VERSION = 1;

export const INDEX_OPTIONS: Options<IndexedDocument> = {
  /**
   * Fields indexed (default: none, must be given). The paragraph text answers most questions;
   * `speakers` lets "what did Healey say about the truce" find a quote whose paragraph never names
   * Healey; `title` lets an article's headline lift its paragraphs. Empty fields cost nothing.
   */
  fields: ['text', 'speakers', 'context', 'title'],

  /**
   * Fields stored in the index and returned with results (default: none). None: passages are
   * looked up by id in the coverage, which keeps the index (and its cache file) small.
   */
  storeFields: [],

  /** Document id field (default: `id`). The numeric position of the passage in `passages`. */
  idField: 'id',

  /**
   * Text → raw words (default: split on space and punctuation). Ours keeps case for acronym
   * detection and strips possessive/contraction clitics. See `terms.ts`.
   */
  tokenize,

  /**
   * Raw word → term (default: lower-case). Ours folds accents, keeps acronyms, drops stop words and
   * stems, so "killed"/"kill", "countries"/"country" meet and "the"/"of" never cost a posting list.
   */
  processTerm,

  /**
   * Clean up after `discard` (default: true). Our index is built once and never edited, so there
   * is nothing to vacuum; off avoids a stray timer in short-lived processes. (Built or loaded, its
   * posting lists are packed and read-only, see packedPostings.ts: `add`/`discard` would throw.)
   */
  autoVacuum: false,
};

/**
 * Search options for questions. Questions are planned first (`queryPlan.ts`): terms arrive already
 * tokenised and processed, with per-term fuzzy/prefix flags, so tokenize/processTerm here are identity.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  /**
   * Per-field score multipliers (default: 1 each). A speaker match is strong evidence that the
   * paragraph is what the person said (2); a title match speaks for the whole article, so it lifts
   * paragraphs only gently (1.5).
   */
  boost: { text: 1, speakers: 2, context: 0.3, title: 1.5 },

  /**
   * How per-term results combine (default: OR). OR, because questions carry words the answer does
   * not ("why", "pull out" vs "absence"); BM25 plus MiniSearch's coordination factor (score × number
   * of query terms matched) ranks paragraphs matching more terms first. AND lost answers.
   */
  combineWith: 'OR',

  /**
   * BM25+ parameters (default k 1.2, b 0.7, d 0.5). k: how fast repeated terms saturate —
   * paragraphs are short, so a second mention matters little (1.2 kept). b: length normalisation —
   * 0.75 the textbook value; long quote paragraphs should not win by size alone. d: the floor every
   * matching term adds, so one more matched term always outranks a longer paragraph (0.5 kept).
   */
  bm25: { k: 1.2, b: 0.75, d: 0.5 },

  /**
   * Score weights for fuzzy and prefix matches relative to exact ones (default fuzzy 0.45,
   * prefix 0.375). Kept: a near miss should count, but never beat the word itself.
   */
  weights: { fuzzy: 0.45, prefix: 0.375 },

  /**
   * Cap on fuzzy edit distance (default 6). The planner asks for 0.2 × term length; 2 keeps
   * "Zelenskyy"→"Zelensky" and typos while bounding the radix-tree walk on long words.
   */
  maxFuzzy: 2,

  /** Fuzzy and prefix are decided per term by the planner (defaults: both off). */
  fuzzy: false,
  prefix: false,

  /** Terms come pre-processed from the planner: search must not tokenise or stem them again. */
  tokenize: (text: string) => [text],
  processTerm: (term: string) => term,
};

/**
 * Everything that decides what goes into the index, as text: a change here invalidates the cache.
 * Function sources are included so editing `tokenize` or `processTerm` also rebuilds.
 */
export const INDEX_FINGERPRINT = JSON.stringify({
  schema: INDEX_SCHEMA_VERSION,
  fields: INDEX_OPTIONS.fields,
  storeFields: INDEX_OPTIONS.storeFields,
  terms: TERMS_SOURCE,
  stopWords: [...STOP_WORDS],
});
