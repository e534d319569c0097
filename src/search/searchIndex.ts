// Runs a planned question against the index: ranked passage ids with scores, best first.
import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { SEARCH_OPTIONS } from './indexOptions.js';
import { planQuery, type QueryPlan } from './queryPlan.js';
import { topK, type Ranked } from './topK.js';

export type { Ranked } from './topK.js';

/** A plan as a MiniSearch query: one sub-query per term, each with its own fuzzy/prefix. */
export function toQuery(plan: QueryPlan): Query {
  // No combineWith here: it comes from SEARCH_OPTIONS, so the documented option is the one in force.
  return {
    queries: plan.terms.map((t) => ({ queries: [t.term], fuzzy: t.fuzzy, prefix: t.prefix })),
  };
}

/**
 * Passages for a question, best first (all of them when no limit). Takes a question or an
 * already-made plan (so `ask` can plan once and explain an empty plan itself).
 */
export function searchPassages(
  index: MiniSearch,
  question: string | QueryPlan,
  options: { limit?: number } = {},
): Ranked[] {
  const plan = typeof question === 'string' ? planQuery(question, index) : question;
  if (plan.terms.length === 0) return [];
  // Same ids, scores and order as MiniSearch's own search (searchWithMiniSearch), only faster: see topK.ts.
  return topK(index, plan, SEARCH_OPTIONS, options.limit, () => searchWithMiniSearch(index, plan, options));
}

/** The plan through `MiniSearch#search`: the reference `topK` must equal, and its fallback. */
export function searchWithMiniSearch(index: MiniSearch, plan: QueryPlan, options: { limit?: number } = {}): Ranked[] {
  if (plan.terms.length === 0) return [];
  const results = index.search(toQuery(plan), SEARCH_OPTIONS);
  const limit = options.limit ?? results.length;
  const ranked: Ranked[] = [];
  for (const result of results.slice(0, limit)) ranked.push({ id: result.id as number, score: result.score });
  return ranked;
}
