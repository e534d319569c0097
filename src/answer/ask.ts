// `ask`: plan the question, rank passages, fold same-text passages into one hit with every citation.
import type { AskAnswer, Hit, Passage } from '../types.js';
import { planQuery, type QueryPlan } from '../search/queryPlan.js';
import { searchPassages, type Ranked } from '../search/searchIndex.js';
import type { SearchState } from '../search/searchState.js';
import { citationOf } from './citation.js';
import { emptyPlanNotice, noMatchNotice } from './notices.js';

export const DEFAULT_LIMIT = 5;

export interface AskOptions {
  /** Most passages to return (default 5). */
  limit?: number;
  /**
   * Drop passages scoring below this fraction of the best one (default 0: keep all). On the dev
   * questions every relevant passage scored at least 0.21 of the best, and the tail below 0.2 was
   * passages sharing one common word with the question; the bot uses 0.2 to keep its pages useful.
   */
  minRelativeScore?: number;
}

export type Ask = (question: string, options?: AskOptions) => AskAnswer;

/** What `ask` needs from an index: plan, rank, and the near-duplicate groups (ids index `passages`). */
export interface PassageSearch {
  plan(question: string): QueryPlan;
  rank(plan: QueryPlan, limit: number): Ranked[];
  groups: number[][];
}

/**
 * An `ask` over passages and the search state built from them (ids are positions in `passages`), or
 * over any `PassageSearch` (the live library's base + live segment, src/live/liveIndex.ts).
 */
export function makeAsk(passages: readonly (Passage | null)[], state: SearchState | PassageSearch): Ask {
  const search: PassageSearch =
    'index' in state
      ? { plan: (q) => planQuery(q, state.index), rank: (plan, limit) => searchPassages(state.index, plan, { limit }), groups: state.groups }
      : state;
  // Passage id → the other ids of its duplicate group; computed once here, not per question.
  const twins = new Map<number, number[]>();
  for (const group of search.groups) for (const id of group) twins.set(id, group.filter((other) => other !== id));

  return (question, options = {}) => {
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const plan = search.plan(question);
    if (plan.terms.length === 0) return { question, passages: [], notice: emptyPlanNotice(plan) };

    // Only the best few are ranked (a full ranking sorts every matching paragraph: ~10k at 100k
    // paragraphs); folding twins can use some up, so when the page runs out first, rank a longer one.
    let hits: Hit[] = [];
    for (let wanted = limit * 4 + 16; ; wanted *= 4) {
      const ranked = search.rank(plan, wanted);
      hits = [];
      const shown = new Set<number>();
      for (const { id, score } of ranked) {
        if (hits.length >= limit) break;
        if (shown.has(id)) continue; // Already folded into a better-ranked twin.
        const others = twins.get(id) ?? [];
        for (const other of others) shown.add(other);
        const passage = passages[id]!;
        hits.push({ ...passage, score, alsoIn: others.map((other) => citationOf(passages[other]!)) });
      }
      if (hits.length >= limit || ranked.length < wanted) break;
    }
    const floor = (hits[0]?.score ?? 0) * (options.minRelativeScore ?? 0);
    hits = hits.filter((hit) => hit.score >= floor);
    return { question, passages: hits, notice: hits.length ? null : noMatchNotice(question) };
  };
}
