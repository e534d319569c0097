// Bolds the question's words in a passage. Words match by index term — the search's own tokenizer
// (src/search/terms.ts: case and accent folding, stop words, Porter stems, acronyms kept) — so what
// is bold is what the search matched on: "countries" lights up "country", "US" never lights "us".
import { processTerm, tokenize } from '../search/terms.js';
import { escapeMarkdown, neutraliseMentions } from './safeText.js';

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

/**
 * Markdown for `text` with every word whose term is in `terms` in bold.
 * The text is escaped first so passage punctuation never turns into formatting.
 */
export function highlight(text: string, terms: Set<string>): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const at = match.index ?? 0;
    out += escapeMarkdown(text.slice(last, at));
    const term = terms.size > 0 ? termOf(word) : null;
    out += term && terms.has(term) ? `**${escapeMarkdown(word)}**` : escapeMarkdown(word);
    last = at + word.length;
  }
  out += escapeMarkdown(text.slice(last));
  return neutraliseMentions(out);
}
