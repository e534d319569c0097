// The one-line answers for questions that have nothing to show, worded for a person, not a log.
import type { QueryPlan } from '../search/queryPlan.js';

export const EMPTY_COVERAGE = 'The coverage is empty: no articles have been loaded, so there is nothing to search yet.';

export function emptyPlanNotice(plan: QueryPlan): string {
  switch (plan.empty) {
    case 'blank':
      return 'Please type a question, e.g. "Who represented the US at the London talks?"';
    case 'no-words':
      return 'That question has no words in it. Try asking about a person, place or event.';
    default:
      return 'That question only has very common words. Try naming who or what you mean.';
  }
}

export function noMatchNotice(question: string): string {
  return `Nothing in the coverage matches "${question.trim()}". Try other words or a name.`;
}
