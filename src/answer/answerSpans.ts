// Where in a sentence an answer of the kind a question asks for is: a date or time ("when"), an amount
// or a number with its unit ("how much / how many"), a place ("where"), a person ("who"), a reason
// clause ("why"). Pure and sentence-level; ranking (answerSentence.ts) decides which sentence counts.
// Each finder reads general English news usage, not any one collection's wording.
import * as chrono from 'chrono-node/en';

export type AnswerKind = 'when' | 'number' | 'where' | 'who' | 'why';

export interface Span {
  start: number;
  end: number;
}

/** What a finder may need besides the sentence. */
export interface SpanContext {
  /** Index terms of the question (stemmed as the index stems): an answer that only repeats them is no answer. */
  questionTerms: ReadonlySet<string>;
  /** Turns a word into its index term (null for stop words). */
  termOf: (word: string) => string | null;
  /** For "how many X": the terms naming what is counted ("films", "seats"). */
  units?: ReadonlySet<string>;
  /** Folded names of the people the coverage knows (the people register), for "who". */
  isPerson?: (name: string) => boolean;
  /** Dates read relative to this (the article's publication date), for chrono. */
  reference?: Date;
}

// Cheap gate before chrono (which costs far more than a regex): digits, month or day names, or the
// relative words chrono reads ("tomorrow", "next week").
const MAYBE_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tomorrow|yesterday|tonight|week|month|year|spring|summer|autumn|winter)\b/iu;

const NUMBER_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half';
const SCALE = '(?:bn|m|k|tn|billion|million|trillion|thousand|hundred)\\b';
const MONEY_WORD = '(?:euros?|dollars?|pounds?|pence|p\\b|yen|yuan|rupees?|francs?|cents?)';
// "£1.13bn", "$639m", "3000 euros", "76%", "2.25 per cent", "quarter of a percentage point", "five".
const AMOUNT = new RegExp(
  `(?:(?:US)?[£$€¥]\\s?\\d[\\d,.]*\\d?\\s?(?:${SCALE})?|\\b\\d[\\d,.]*\\d?\\s?(?:%|per\\s?cent\\b|${SCALE})?(?:\\s?${MONEY_WORD})?|\\b(?:${NUMBER_WORD})(?:[\\s-](?:${NUMBER_WORD}))*\\b(?:\\s?(?:%|per\\s?cent\\b))?(?:\\s${MONEY_WORD})?)`,
  'giu',
);
// A conversion in brackets right after an amount belongs to it: "3000 euros (£2,060)".
const CONVERSION = /^\s?\((?:about\s|around\s|some\s)?(?:US)?[£$€¥]?\s?\d[\d,.]*\s?(?:bn|m|k|tn|billion|million)?(?:\s?[a-z]+)?\)/iu;
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/iu;

// A place: capitalised words after a preposition of place ("in Glasgow", "at Lancaster House",
// "outside Los Angeles' Kodak Theatre", "at a Scottish church").
const PLACE =
  /\b(?:in|at|to|from|near|into|outside|inside|across|throughout|towards?|visit(?:s|ed|ing)?|held\s+(?:in|at)|based\s+in)\s+(?:(?:the|a|an)\s+)?((?:\p{Lu}[\p{L}’'-]*)(?:\s+(?:of\s+|de\s+|la\s+)?\p{Lu}[\p{L}’'-]*)*(?:\s+\p{Ll}+)?)/gu;
const WEEKDAY_OR_MONTH = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/iu;

// Capitalised runs of two or more words: candidate names ("Charles Clarke", "Luis Aragones").
const NAME = /\b\p{Lu}[\p{L}’'-]+(?:\s+(?:van\s+|de\s+|von\s+)?\p{Lu}[\p{L}’'-]+)+/gu;

// Words that open a reason or a cause in news English; the clause runs to the next comma, semicolon
// or the sentence's end. "after" is how news reports most causes ("resigned after an inquiry"); it
// counts only in a sentence that carries the question's focus, and not when it restates the question.
const REASON =
  /\b(?:because(?:\s+of)?|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result\s+of|caused\s+by|blam(?:e|ed|es|ing)|citing|cited|for\s+(?:\S+\s+){0,2}reasons?|reasons?\s+(?:for|why|was|were|is)|so\s+that|in\s+order\s+to|after|amid|following|said\s+(?:that\s+)?(?:he|she|it|they)\s+(?:was|were|had|could))\b/giu;

const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];

/** True when a word of the name or place is in the question: someone the question names is not its answer. */
function repeatsQuestion(text: string, context: SpanContext): boolean {
  return words(text).some((word) => {
    const term = context.termOf(word);
    return term !== null && context.questionTerms.has(term);
  });
}

/** Answer spans of `kind` in `sentence`, in reading order (offsets into `sentence`). */
export function answerSpans(kind: AnswerKind, sentence: string, context: SpanContext): Span[] {
  switch (kind) {
    case 'when':
      return dateSpans(sentence, context);
    case 'number':
      return amountSpans(sentence, context);
    case 'where':
      return placeSpans(sentence, context);
    case 'who':
      return personSpans(sentence, context);
    case 'why':
      return reasonSpans(sentence, context);
  }
}

// What chrono leaves out but news dates by: a year or part of one ("in 1989", "the first quarter of
// 2005", "by early 2006", "mid-2004").
const YEAR_DATE =
  /\b(?:(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:quarter|half)\s+of\s+(?:19|20)\d\d|(?:early|mid|late)[\s-](?:19|20)\d\d|(?<=\b(?:in|by|until|since|from|before|after|during)\s)(?:19|20)\d\d)\b/giu;

function dateSpans(sentence: string, context: SpanContext): Span[] {
  if (!MAYBE_DATE.test(sentence)) return [];
  const spans = chrono.GB.parse(sentence, context.reference ?? new Date(Date.UTC(2000, 0, 1)))
    .filter((r) => !/^(?:now|\d{1,2})$/iu.test(r.text.trim()))
    .map((r) => ({ start: r.index, end: r.index + r.text.length }));
  for (const m of sentence.matchAll(YEAR_DATE)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (!spans.some((s) => s.start < span.end && span.start < s.end)) spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

function amountSpans(sentence: string, context: SpanContext): Span[] {
  const spans: Span[] = [];
  for (const m of sentence.matchAll(AMOUNT)) {
    const text = m[0].trim();
    if (!text) continue;
    const start = m.index!;
    if (start < (spans.at(-1)?.end ?? 0)) continue; // Inside the conversion of the amount before.
    if (sentence[start + m[0].length] === '-') continue; // "66-year-old", "2-0": a description or a score.
    let end = start + m[0].trimEnd().length;
    const after = sentence.slice(end);
    // A day of the month or a year is a date, not an amount: "16 March", "March 16", "in 2004".
    if (/^\d{1,2}$/u.test(text) && (MONTHS.test(after.trim()) || MONTHS.test(sentence.slice(Math.max(0, start - 10), start).trim().split(/\s+/u).pop() ?? ''))) continue;
    if (/^(?:19|20)\d\d$/u.test(text)) continue;
    if (/^(?:one|half)$/iu.test(text) && !/^\s?(?:%|per\s?cent)/iu.test(after)) continue; // "one of", "half the": rarely the amount asked.
    const conversion = CONVERSION.exec(after);
    if (conversion) end += conversion[0].length;
    // "how many films": the counted noun within the next three words belongs to the answer ("267 films").
    if (context.units?.size) {
      const next = /^(?:\s+[\p{L}-]+){1,3}/u.exec(sentence.slice(end))?.[0] ?? '';
      let reach = 0;
      let offset = 0;
      for (const word of next.split(/(\s+)/u)) {
        offset += word.length;
        const term = word.trim() ? context.termOf(word.trim()) : null;
        if (term && context.units.has(term)) reach = offset;
      }
      end += reach;
    }
    spans.push({ start, end });
  }
  return spans;
}

function placeSpans(sentence: string, context: SpanContext): Span[] {
  const spans: Span[] = [];
  for (const m of sentence.matchAll(PLACE)) {
    const place = m[1]!.replace(/\s+\p{Ll}+$/u, (tail) => (/^\s+(?:church|hall|theatre|stadium|court|house|hospital|school|university|airport|centre|center|park|street|square|city|town|village)$/iu.test(tail) ? tail : ''));
    if (WEEKDAY_OR_MONTH.test(place.split(/\s+/u)[0]!)) continue;
    if (repeatsQuestion(place, context)) continue;
    const start = m.index! + m[0].lastIndexOf(m[1]!);
    spans.push({ start, end: start + place.length });
  }
  return spans;
}

function personSpans(sentence: string, context: SpanContext): Span[] {
  const spans: Span[] = [];
  for (const m of sentence.matchAll(NAME)) {
    // The run may carry a title or the question's own words ("New Home Secretary Charles Clarke"):
    // the name is its longest part the people register knows, or (without one) the run after them.
    const parts = m[0].replace(/['’]s$/u, '').split(/\s+/u);
    let best: { from: number; to: number } | null = null;
    for (let from = 0; from < parts.length; from++) {
      for (let to = parts.length; to > from; to--) {
        if (best && to - from <= best.to - best.from) break;
        const name = parts.slice(from, to).join(' ');
        if (context.isPerson ? context.isPerson(name) : to - from >= 2 && to === parts.length) best = { from, to };
      }
    }
    // One word is a surname or a register's stray alias ("Deal"): a person answer is a full name.
    if (!best || best.to - best.from < 2) continue;
    const name = parts.slice(best.from, best.to).join(' ');
    if (repeatsQuestion(name, context)) continue;
    const start = m.index! + m[0].indexOf(name);
    spans.push({ start, end: start + name.length });
  }
  return spans;
}

function reasonSpans(sentence: string, context: SpanContext): Span[] {
  const spans: Span[] = [];
  for (const m of sentence.matchAll(REASON)) {
    const start = m.index!;
    const rest = sentence.slice(start);
    const stop = /[,;:.!?](?:\s|$)|\s[–—-]\s/u.exec(rest.slice(m[0].length));
    const end = start + m[0].length + (stop ? stop.index : rest.length - m[0].length);
    // A clause made half of the question's own words restates the event, not its cause: "after
    // Marco Rubio pulled out" for "why did Rubio pull out".
    const terms = words(sentence.slice(start + m[0].length, end)).map(context.termOf).filter((t): t is string => t !== null);
    if (terms.length && terms.filter((t) => context.questionTerms.has(t)).length * 2 >= terms.length) continue;
    spans.push({ start, end });
  }
  return spans;
}
