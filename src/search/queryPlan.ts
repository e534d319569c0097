// Turns a question into the few terms worth looking up, each with its own fuzzy/prefix setting.
// Planning is where speed comes from: stop words and question words are gone, terms are unique,
// and only the few terms that need it (names, unknown words) pay for fuzzy and prefix search.
import { relatedTerms } from './relatedTerms.js';
import { foldCase, processTerm, tokenize } from './terms.js';

// Words that frame a question rather than say what it is about; dropped from questions only
// (the `stopword` list already has what/who/how/did/…, not these).
const QUESTION_WORDS = new Set([
  'why', 'when', 'whom', 'whose', 'does', 'will', 'shall', 'say', 'says', 'saying', 'think', 'thinks', 'tell',
  // "What happened at …": the event is in the other words; kept, "happened" (absent from a small
  // coverage, so weighed as rare) made a good answer look like a weak match.
  'happen', 'happened', 'happens', 'happening',
]);

/** Fuzzy search costs a radix-tree walk per term: at most this many terms get it. */
export const MAX_FUZZY_TERMS = 3;
/** Shorter terms are never fuzzy or prefix-matched: too many neighbours, too little meaning. */
export const MIN_FUZZY_LENGTH = 4;
/** Fuzziness as a fraction of term length (rounded; capped by SEARCH_OPTIONS.maxFuzzy). */
export const FUZZINESS = 0.2;

export interface PlannedTerm {
  term: string;
  /** As typed, for messages. */
  word: string;
  /** Capitalised or an acronym in the question: probably a name. */
  named: boolean;
  /** Absent from the index as typed: probably a typo or a variant spelling. */
  unknown: boolean;
  fuzzy: number | false;
  prefix: boolean;
  /** Score multiplier for this term (default 1). */
  weight?: number;
  /** Other index terms that say the same ("invad" for "invas"), scored as this term at a lower weight. */
  related?: string[];
  /**
   * Short forms or full names the coverage defines for this word, each as its index terms
   * (["feder", "reserv"] for "fed"; see shortForms.ts): scored as alternatives to the word typed, at
   * its weight (a passage scores the best alternative).
   */
  aliases?: string[][];
}

export interface QueryPlan {
  terms: PlannedTerm[];
  /** Why there is nothing to search, when `terms` is empty. */
  empty: 'blank' | 'no-words' | 'only-common-words' | null;
}

/** Whatever can say whether a term is in the index (the index itself, or base + live segment). */
export interface Vocabulary {
  has(term: string): boolean;
}

export function planQuery(question: string, index?: Vocabulary): QueryPlan {
  if (!question.trim()) return { terms: [], empty: 'blank' };
  const words = tokenize(question);
  if (words.length === 0) return { terms: [], empty: 'no-words' };

  const byTerm = new Map<string, PlannedTerm>();
  for (const word of words) {
    if (QUESTION_WORDS.has(foldCase(word))) continue;
    const term = processTerm(word);
    if (!term) continue;
    const named = /^\p{Lu}/u.test(word);
    const seen = byTerm.get(term);
    // A term said twice counts once: weighting by query term frequency cost Cranfield 0.3 points.
    if (seen) seen.named ||= named;
    else {
      // Noun↔verb relatives ("invad" for "invas"), only those the index has: nothing to look up otherwise.
      const related = relatedTerms(term).filter((other) => !index || index.has(other));
      byTerm.set(term, { term, word, named, unknown: index ? !index.has(term) : false, fuzzy: false, prefix: false, ...(related.length ? { related } : {}) });
    }
  }
  // No high-frequency cut: at 100k paragraphs dropping terms in >5% of paragraphs cost 12 points of
  // top-3 hits (bench/experiments/README.md) and, with the top-k scorer, bought almost no speed.
  const terms = [...byTerm.values()];
  if (terms.length === 0) return { terms, empty: 'only-common-words' };

  // Names and unknown words are where spelling varies ("Zelenskyy", "Lukhansk") and typos live;
  // common words are left exact so that "talks" does not drag in "tanks".
  const candidates = terms
    .filter((t) => (t.named || t.unknown) && t.term.length >= MIN_FUZZY_LENGTH)
    .sort((a, b) => Number(b.unknown) - Number(a.unknown) || b.term.length - a.term.length)
    .slice(0, MAX_FUZZY_TERMS);
  for (const t of candidates) {
    t.fuzzy = FUZZINESS;
    t.prefix = true;
  }
  return { terms, empty: null };
}
