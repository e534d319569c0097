// Runs a planned question against the index: ranked passage ids with scores, best first.
import type SearchableMap from 'minisearch/SearchableMap';
import { statsOf, type CollectionStats } from './collectionStats.js';
import { RANK_OPTIONS } from './indexOptions.js';
import type { InvertedIndex } from './invertedIndex.js';
import { planQuery, type QueryPlan } from './queryPlan.js';
import { expandPlan, rankSegment, type RankOptions, type RankRequest, type Ranked } from './rank.js';

export type { Ranked } from './rank.js';

export interface SearchRequest extends RankRequest {
  /** Collection statistics to score with (default: the index's own; with a live segment, both combined). */
  stats?: CollectionStats;
  /** Ranking options (default RANK_OPTIONS; the evals and experiments vary them). */
  rank?: RankOptions;
  /**
   * Where prefix and fuzzy variants of the question's terms are looked up (default: this index's
   * vocabulary). With a live segment: both vocabularies, so that both segments score the same terms.
   */
  vocabularies?: readonly SearchableMap<unknown>[];
}

const ownStats = new WeakMap<InvertedIndex, CollectionStats>();

/**
 * Passages for a question, best first (all of them when no limit), from the base index alone, with
 * an optional filter (`accept`) and statistics. Takes a question or an already-made plan (so `ask`
 * can plan once and explain an empty plan itself).
 */
export function searchPassages(index: InvertedIndex, question: string | QueryPlan, request: SearchRequest = {}): Ranked[] {
  const plan = typeof question === 'string' ? planQuery(question, index) : question;
  if (plan.terms.length === 0) return [];
  const options = request.rank ?? RANK_OPTIONS;
  let stats = request.stats ?? ownStats.get(index);
  if (!stats) ownStats.set(index, (stats = statsOf(index)));
  return rankSegment(index, stats, expandPlan(plan, request.vocabularies ?? [index.vocabulary], options), options, request);
}
