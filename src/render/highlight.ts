// Bolds the question's words in a passage. Words match by index term — the search's own tokenizer
// (src/search/terms.ts: case and accent folding, stop words, Porter stems, acronyms kept) — so what
// is bold is what the search matched on: "countries" lights up "country", "US" never lights "us".
import { processTerm, tokenize } from '../search/terms.js';
import { escapeMarkdown, neutraliseMentions, stripBidiControls } from './safeText.js';

// Question words that survive the stop list but only add noise when bolded in an answer.
const NOISE = new Set(['will', 'would', 'could', 'should', 'many', 'much', 'did', 'does', 'say', 'said', 'says', 'tell', 'told']);
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function termOf(word: string): string | null {
  const raw = tokenize(word)[0];
  if (!raw || NOISE.has(raw.toLowerCase())) return null;
  return processTerm(raw);
}

/** The terms worth highlighting in a question. */
export function stemsOf(question: string): Set<string> {
  const terms = new Set<string>();
  for (const [word] of question.matchAll(WORD)) {
    const term = termOf(word);
    if (term) terms.add(term);
  }
  return terms;
}

/** How many of `terms` occur in `text` (each counted once): how well a sentence answers. */
export function countTerms(text: string, terms: Set<string>): number {
  if (terms.size === 0) return 0;
  const found = new Set<string>();
  for (const [word] of text.matchAll(WORD)) {
    const term = termOf(word);
    if (term && terms.has(term)) found.add(term);
  }
  return found.size;
}

/**
 * Markdown for `text` with every word whose term is in `terms` in bold, and the first occurrence of
 * `answer` (the answer span, when the question's kind found one) in bold as a whole. The whole text is escaped
 * first, so its own markdown (`**`, `_`, a `#` or `1.` opening a line) shows as written; escaping
 * only adds backslashes before punctuation, so every word is still there to be bolded.
 */
export function highlight(text: string, terms: Set<string>, answer?: string): string {
  // The answer span is bolded whole (its own words are not bolded again: bold does not nest).
  const at = answer ? text.indexOf(answer) : -1;
  if (answer && at >= 0) {
    const span = neutraliseMentions(escapeMarkdown(stripBidiControls(answer)));
    return `${highlight(text.slice(0, at), terms)}**${span}**${highlight(text.slice(at + answer.length), terms)}`;
  }
  // Passages come from files and fetched pages: as untrusted as a question (see safeText).
  const escaped = escapeMarkdown(stripBidiControls(text));
  if (terms.size === 0) return neutraliseMentions(escaped);
  const bolded = escaped.replace(WORD, (word) => {
    const term = termOf(word);
    return term && terms.has(term) ? `**${word}**` : word;
  });
  return neutraliseMentions(bolded);
}
