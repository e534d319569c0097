// Tokens and sentences of a paragraph with quotes blanked out: the cue finder's view of the text.
import type { Quote } from './findQuotes.js';

export interface Token {
  /** As written ("Zelensky’s"). */
  text: string;
  /** Without a possessive ’s ("Zelensky"). */
  base: string;
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'punct' | 'quote';
  possessive: boolean;
  /** Starts with a capital letter (or is a number-free acronym). */
  cap: boolean;
  /** For quote tokens, the quote. */
  quote?: Quote;
}

const WORD_OR_PUNCT = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*(?:(?<=s)[’'](?![\p{L}\p{N}]))?|[,:;()[\]–—―]|(?<=\s)-(?=\s)/gu;

/** Tokens of `text` between `from` and `to`; each quote becomes one token. */
export function tokenize(text: string, quotes: Quote[], from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let at = from;
  const inRange = quotes.filter((q) => q.end > from && q.start < to).sort((a, b) => a.start - b.start);
  for (const quote of [...inRange, null]) {
    const segmentEnd = quote ? Math.max(at, quote.start) : to;
    for (const match of text.slice(at, segmentEnd).matchAll(WORD_OR_PUNCT)) {
      tokens.push(makeToken(match[0], at + match.index));
    }
    if (quote) {
      tokens.push({
        text: text.slice(quote.start, quote.end),
        base: quote.text,
        lower: quote.text.toLowerCase(),
        start: quote.start,
        end: quote.end,
        kind: 'quote',
        possessive: false,
        cap: false,
        quote,
      });
      at = Math.max(at, quote.end);
    }
  }
  return tokens;
}

function makeToken(text: string, start: number): Token {
  const isWord = /[\p{L}\p{N}]/u.test(text);
  const possessive = isWord && ((/[’']s$/.test(text) && text.length > 2) || /s[’']$/.test(text));
  const base = /[’']s$/.test(text) && text.length > 2 ? text.slice(0, -2) : text.replace(/[’']$/, '');
  return {
    text,
    base,
    lower: base.toLowerCase(),
    start,
    end: start + text.length,
    kind: isWord ? 'word' : 'punct',
    possessive,
    cap: isWord && /^\p{Lu}/u.test(text),
  };
}
