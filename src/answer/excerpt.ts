// A long paragraph shown as the sentences that answer: the sentence holding the answer span (when the
// question's kind found one), then the sentence carrying the most matched words, then others that
// carry some, in reading order, with "…" where text is left out. Pure.
import { sentenceRanges } from '../corpus/splitSentences.js';

/** Paragraphs up to this long are shown whole (the "about 400 characters"). */
export const EXCERPT_OVER = 400;
/** Further matched sentences are added while the excerpt stays within this. */
const EXCERPT_BUDGET = 500;
const GAP = '…';

/**
 * `text` itself when short; else its best sentences by `matches` (how many matched words a sentence
 * carries), or its opening sentences when no sentence matches (the match was in the title). The
 * sentence holding `answer` (offsets into `text`) is always kept: it is what the reader asked for.
 */
export function excerpt(text: string, matches: (sentence: string) => number, answer?: { start: number; end: number }): string {
  if (text.length <= EXCERPT_OVER) return text;
  const ranges = sentenceRanges(text);
  if (ranges.length <= 1) return text;
  const scored = ranges.map((r, i) => ({ ...r, i, score: matches(text.slice(r.start, r.end)) }));
  const answering = answer ? scored.find((s) => s.start <= answer.start && answer.start < s.end) : undefined;
  const ranked = scored.some((s) => s.score > 0)
    ? scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.i - b.i)
    : scored;
  if (answering) ranked.splice(0, ranked.length, answering, ...ranked.filter((s) => s !== answering));
  const chosen: typeof scored = [];
  let length = 0;
  for (const sentence of ranked) {
    const size = sentence.end - sentence.start + 2;
    if (chosen.length > 0 && length + size > EXCERPT_BUDGET) continue;
    chosen.push(sentence);
    length += size;
  }
  chosen.sort((a, b) => a.i - b.i);
  let out = chosen[0]!.i > 0 ? `${GAP} ` : '';
  chosen.forEach((sentence, k) => {
    if (k > 0) out += sentence.i === chosen[k - 1]!.i + 1 ? ' ' : ` ${GAP} `;
    out += text.slice(sentence.start, sentence.end);
  });
  if (chosen[chosen.length - 1]!.i < ranges.length - 1) out += ` ${GAP}`;
  return out;
}
