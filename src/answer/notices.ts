// The one-line answers for questions that have nothing to show, worded for a person, not a log.
import type { QueryPlan } from '../search/queryPlan.js';
import type { AskFilters } from './ask.js';

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

/** What the filters did, for the reply: "Published 2025-04-01 to 2025-04-30, from “Independent”; 3 undated passages left out." */
export function filterNotice(filters: AskFilters, undatedLeftOut: number): string {
  const parts: string[] = [];
  if (filters.since && filters.until) parts.push(`published ${filters.since} to ${filters.until}`);
  else if (filters.since) parts.push(`published on or after ${filters.since}`);
  else if (filters.until) parts.push(`published on or before ${filters.until}`);
  if (filters.source?.trim()) parts.push(`from sources matching “${filters.source.trim()}”`);
  let text = `Only passages ${parts.join(', ')}.`;
  if (filters.since || filters.until) {
    text +=
      undatedLeftOut > 0
        ? ` ${undatedLeftOut} undated matching passage${undatedLeftOut === 1 ? ' was' : 's were'} left out (no publication date).`
        : ' Undated articles are left out when a date is given.';
  }
  return text;
}
