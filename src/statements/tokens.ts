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

const WORD_OR_PUNCT = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*(?:(?<=s)[’'](?![\p{L}\p{N}]))?|[,:;()[\]–—―]|(?<=\s)-(?=\s)/gu;

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

const PUNCT_TOKENS = new Set([',', ':', ';', '(', ')', '[', ']', '–', '—', '―', '-']);
const isApostrophe = (ch: string | undefined) => ch === '’' || ch === "'";
const UPPER = /^\p{Lu}/u;
const DESCRIPTOR_COMPOUND = /-(?:based|born|owned|listed|run|led|backed|headquartered|registered|controlled|funded|made|focused|linked|bred|educated)$/;

// Character tests instead of a regex per test: this runs for every word of the coverage.
function makeToken(text: string, start: number): Token {
  const n = text.length;
  const isWord = !(n === 1 && PUNCT_TOKENS.has(text));
  const endsApostropheS = n > 2 && text[n - 1] === 's' && isApostrophe(text[n - 2]);
  const endsApostrophe = isApostrophe(text[n - 1]);
  const possessive = isWord && (endsApostropheS || (endsApostrophe && text[n - 2] === 's'));
  const base = endsApostropheS ? text.slice(0, -2) : endsApostrophe ? text.slice(0, -1) : text;
  const first = text.charCodeAt(0);
  // "Moscow-based", "UK-listed": a capital, but an adjective describing the name after it, never part of one.
  const cap = isWord && (first >= 65 && first <= 90 ? true : first < 128 ? false : UPPER.test(text)) && !DESCRIPTOR_COMPOUND.test(text);
  return {
    text,
    base,
    lower: base.toLowerCase(),
    start,
    end: start + n,
    kind: isWord ? 'word' : 'punct',
    possessive,
    cap,
  };
}
