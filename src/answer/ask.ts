// `ask`: plan the question, rank passages, fold same-text passages into one hit with every citation.
import type { AskAnswer, Hit, Passage } from '../types.js';
import { planQuery } from '../search/queryPlan.js';
import { searchPassages } from '../search/searchIndex.js';
import type { SearchState } from '../search/searchState.js';
import { citationOf } from './citation.js';
import { EMPTY_COVERAGE, emptyPlanNotice, noMatchNotice } from './notices.js';

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

/** An `ask` over passages and the search state built from them (ids are positions in `passages`). */
export function makeAsk(passages: Passage[], state: SearchState): Ask {
  // Passage id → the other ids of its duplicate group; computed once here, not per question.
  const twins = new Map<number, number[]>();
  for (const group of state.groups) for (const id of group) twins.set(id, group.filter((other) => other !== id));

  return (question, options = {}) => {
    if (passages.length === 0) return { question, passages: [], notice: EMPTY_COVERAGE };
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const plan = planQuery(question, state.index);
    if (plan.terms.length === 0) return { question, passages: [], notice: emptyPlanNotice(plan) };

    // Only the best few are ranked (a full ranking sorts every matching paragraph: ~10k at 100k
    // paragraphs); folding twins can use some up, so when the page runs out first, rank a longer one.
    let hits: Hit[] = [];
    for (let wanted = limit * 4 + 16; ; wanted *= 4) {
      const ranked = searchPassages(state.index, plan, { limit: wanted });
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
