// How text becomes index terms, shared by indexing and query planning so both sides always agree.
// Stop words come from the maintained `stopword` list and stemming from `stemmer` (Porter); nothing
// here is hand-tuned to the seed articles.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { foldCase } from '../corpus/foldCase.js';

/** English stop words (the `stopword` package's list): dropped from the index and from questions. */
export const STOP_WORDS: ReadonlySet<string> = new Set(eng);

// A word: letters and digits, with inner apostrophes ("Trump’s", "O'Brien", "don’t") kept together so
// that the apostrophe can be handled below rather than splitting "Trump" from a stray "s".
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
// Clitics that carry no meaning of their own: possessive 's and contractions ('ve, 're, 'll, 'd, 'm).
const CLITIC = /['’](?:s|ve|re|ll|d|m)$/iu;
// "US", "UK", "EU", "NATO", "G20": all-capital words are acronyms, kept verbatim (lower-cased, never
// stemmed, never stop-worded) so that "US" is not lost as the stop word "us".
const ACRONYM = /^(?=.*\p{Lu})[\p{Lu}\p{N}]{2,5}$/u;

/**
 * Splits text into raw words (case kept: `processTerm` needs it to spot acronyms, the query planner
 * to spot names). Hyphens and other punctuation separate words: "pro-Ukraine" → "pro", "Ukraine".
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const [match] of text.matchAll(WORD)) {
    // Most words have no apostrophe: skip the two replacements for them (same result, less work).
    if (!match.includes("'") && !match.includes('’')) {
      words.push(match);
      continue;
    }
    const word = match.replace(CLITIC, '').replace(/['’]/gu, '');
    if (word) words.push(word);
  }
  return words;
}

export { foldCase };

/**
 * One raw word → its index term, or `null` to skip it: acronyms verbatim, stop words and lone
 * letters dropped, everything else folded and stemmed ("countries" → "countri", "killed" → "kill").
 */
export function processTerm(word: string): string | null {
  const known = memo.get(word);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const term = processWord(word);
  memo.set(word, term);
  return term;
}

// Stemming costs ~1 µs a word. The index build numbers distinct words itself (tokens.ts) and calls
// processTermUncached once per word; this memo serves questions and MiniSearch's own addAll (the
// fallback). Bounded so that an adversarial stream of unique words cannot grow it without limit.
const MEMO_LIMIT = 200_000;
const memo = new Map<string, string | null>();

/** `processTerm` without the memo, for callers that already see each distinct word once (the index build). */
export function processTermUncached(word: string): string | null {
  return processWord(word);
}

function processWord(word: string): string | null {
  if (ACRONYM.test(word)) return foldCase(word);
  const folded = foldCase(word);
  if (STOP_WORDS.has(folded)) return null;
  if (folded.length < 2 && !/\p{N}/u.test(folded)) return null;
  return stemmer(folded);
}

/** The source of what turns text into terms, for the cache fingerprint (the memo wrapper hides it). */
export const TERMS_SOURCE = [tokenize, foldCase, processWord].map(String).join('\n');
