// Honest weak matches: when the best passage shares too little with the question, the reply says so in
// one line and shows fewer passages. "Too little" is measured on the question's own words weighted by
// rarity (the focus, answerSentence.ts): the best passage, with what the index reads beside it (title,
// the paragraph a pronoun leans on, the speakers' names), carries less than WEAK_SHARE of that weight;
// or the question is one word that is no name ("@everyone", "hi": nothing there to answer). Pure.
import { coverage, termsIn, type Focus } from './answerSentence.js';
import type { QueryPlan } from '../search/queryPlan.js';

/**
 * Measured (docs/ranking.md) on the probes in eval/probes.weak.json (questions the BBC coverage does not
 * answer, and noise) against the answerable BBC questions and the dev questions: best passages of
 * questions the coverage does not answer carried at most 0.40 of the question's weight (nine of ten
 * probes), those of answered questions at least 0.50 once the index's other fields are read.
 */
export const WEAK_SHARE = 0.45;
/** A weak match shows at most this many passages: enough to judge, not pages of noise. */
export const WEAK_SHOWN = 3;
export const WEAK_NOTICE = 'Nothing in the coverage clearly answers this; the closest passages:';

/** Whether the best passage (its text and what the index reads beside it) is a weak match. */
export function isWeakMatch(plan: QueryPlan, focus: Focus, bestTexts: readonly string[]): boolean {
  if (plan.terms.length === 1 && !plan.terms[0]!.named) return true;
  const present = new Set<string>();
  for (const text of bestTexts) for (const term of termsIn(text)) present.add(term);
  return coverage(present, focus) < WEAK_SHARE;
}
