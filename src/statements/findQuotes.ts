// Quoted spans in a paragraph: curly and straight double quotes, single quotes where a paragraph uses
// them as its quote marks, and quotes that run on across paragraphs (an opening mark with no closing
// one continues into the next paragraph, which opens again: the British and American convention).

export interface Quote {
  /** Offset of the opening mark (or 0 when the paragraph continues an unclosed quote without one). */
  start: number;
  /** Offset just after the closing mark, or the paragraph's end when the quote is not closed. */
  end: number;
  /** The quoted words, without the marks. */
  text: string;
  closed: boolean;
  /** True when this quote continues one left open at the end of the previous paragraph. */
  continues: boolean;
}

export interface ParagraphQuotes {
  quotes: Quote[];
  /** The paragraph's last quote was not closed: the next paragraph may continue it. */
  openAtEnd: boolean;
}

const OPEN_DOUBLE = '“„«';
const CLOSE_DOUBLE = '”»';
const STRAIGHT_DOUBLE = '"';
const MARKS = /["“”„«»']/g;

/** Finds the quotes of one paragraph. `continuing`: the previous paragraph left a quote open. */
export function findQuotes(text: string, continuing = false): ParagraphQuotes {
  const doubles = findDoubleQuotes(text, continuing);
  if (doubles.quotes.length > 0 || /["“”„«»]|''/.test(text)) return doubles;
  return { quotes: findSingleQuotes(text), openAtEnd: false };
}

function findDoubleQuotes(text: string, continuing: boolean): ParagraphQuotes {
  const quotes: Quote[] = [];
  let openAt = -1;
  let opensParagraph = false;
  let openWidth = 1;
  const close = (end: number, closed: boolean) => {
    const closeWidth = closed && text[end - 1] === "'" ? 2 : 1;
    const inner = text.slice(openAt + openWidth, closed ? end - closeWidth : end);
    openWidth = 1;
    const continues = continuing && opensParagraph && quotes.length === 0;
    quotes.push({ start: openAt, end, text: inner.trim(), closed, continues });
    openAt = -1;
  };
  // Only quote marks and apostrophes matter: jump from one to the next instead of reading every character.
  MARKS.lastIndex = 0;
  for (let found = MARKS.exec(text); found; found = MARKS.exec(text)) {
    let i = found.index;
    const ch = text[i]!;
    // Two apostrophes stand for a double quote mark in some wire copy (''This isn't reform,'').
    const doubled = ch === "'" && text[i + 1] === "'";
    const straight = ch === STRAIGHT_DOUBLE || doubled;
    // ”…” at the very start of a paragraph: an opening mark typed the wrong way round.
    const reversed = ch === '”' && openAt < 0 && i === text.length - text.trimStart().length && opensHere(text, i);
    const opening = OPEN_DOUBLE.includes(ch) || reversed || (straight && openAt < 0 && opensHere(text, i));
    const closing = CLOSE_DOUBLE.includes(ch) || (straight && openAt >= 0);
    // `…pass it. "We dug in…`: a straight mark after a finished sentence and a space, before a word,
    // opens a new quote; the one before it was never closed (a quote that ran over a paragraph break
    // the text has lost).
    const reopens = straight && !doubled && openAt >= 0 && /[.!?]\s+$/.test(text.slice(Math.max(openAt, i - 3), i)) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
    if (reopens) {
      close(i, false);
      openAt = i;
      opensParagraph = false;
    } else if (opening && openAt < 0) {
      openAt = i;
      opensParagraph = text.slice(0, i).trim() === '';
    } else if (opening && OPEN_DOUBLE.includes(ch)) {
      // A second opening mark before a close: the earlier quote was never closed; start afresh.
      close(i, false);
      openAt = i;
    } else if (closing && openAt >= 0 && !(reversed && openAt === i)) {
      if (doubled) i++;
      close(i + 1, true);
    }
    if (doubled && openAt === i) {
      openWidth = 2;
      i++;
    }
    MARKS.lastIndex = i + 1;
  }
  if (openAt >= 0) close(text.length, false);
  const last = quotes[quotes.length - 1];
  return { quotes: quotes.filter((q) => q.text !== ''), openAtEnd: !!last && !last.closed };
}

/** A straight mark opens a quote at the start, after a space or bracket, and before a non-space. */
function opensHere(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return (before === undefined || /[\s([{–—-]/.test(before)) && after !== undefined && !/\s/.test(after);
}

/** Single-quote marks as quotes, only when the paragraph has no double ones (apostrophes abound). */
function findSingleQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  const pattern = /(^|[\s([–—])[‘'](?=\S)([^‘’']*(?:[’'][\p{L}][^‘’']*)*?)[’'](?![\p{L}\p{N}])/gu;
  for (const match of text.matchAll(pattern)) {
    const start = match.index + match[1]!.length;
    const end = match.index + match[0].length;
    const inner = match[2]!.trim();
    if (inner) quotes.push({ start, end, text: inner, closed: true, continues: false });
  }
  return quotes;
}

/**
 * The paragraph with each quote's words blanked out (same length, offsets preserved) so that cue
 * finding never reads inside quoted words. The marks and a quote's final punctuation stay, so the
 * sentence segmenter still sees where a quoted sentence ends.
 */
export function maskQuotes(text: string, quotes: Quote[]): string {
  let out = '';
  let at = 0;
  for (const quote of quotes) {
    const innerStart = text[quote.start] && /["“„«‘']/.test(text[quote.start]!) ? quote.start + 1 : quote.start;
    const innerEnd = quote.closed ? quote.end - 1 : quote.end;
    out += text.slice(at, innerStart);
    const inner = text.slice(innerStart, innerEnd);
    const lastPunct = /[.!?]\s*$/.exec(inner);
    const blankLength = lastPunct ? inner.length - lastPunct[0].length : inner.length;
    // The first letter stays: the segmenter starts a sentence after ". " only before a capital, so
    // `match. "They're on a high," he said.` must still read as two sentences.
    const keep = /^\p{L}/u.test(inner) && blankLength > 0 ? 1 : 0;
    out += inner.slice(0, keep) + '_'.repeat(blankLength - keep) + inner.slice(blankLength);
    at = innerEnd;
  }
  return out + text.slice(at);
}

/** True when the offset lies inside a quote (marks included). */
export function insideQuote(offset: number, quotes: Quote[]): boolean {
  return quotes.some((q) => offset >= q.start && offset < q.end);
}
