// When a statement was said: a time written in its attribution words ("he told reporters on Tuesday
// night", "On Wednesday morning, the Foreign Office confirmed…"), resolved with chrono-node against
// the publication date and never after it. Times that belong to another event ("ahead of Wednesday's
// call", "after a meeting on Monday") are not the time of speaking.
// The English locale only: the full package loads every language (~0.4 s more at every start).
import * as chrono from 'chrono-node/en';
import type { IsoDate } from '../types.js';
import { FUNCTION_WORDS, NON_SPEECH_TIME_PREPOSITIONS, WEEKDAYS } from './lexicon.js';
import type { Cue } from './findCues.js';
import type { Sentence } from './prepare.js';
import type { MainSubject } from './sentenceSubject.js';
import type { Token } from './tokens.js';

/** Only expressions that name a day: weekdays, dates, yesterday/today/tonight. Not "last week". */
const DAY_WORDS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|this (morning|afternoon|evening)|last night|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}(st|nd|rd|th)?)\b/i;
const VAGUE = /\b(week|month|year|weekend|days)\b/i;

/**
 * The first speech time in the given stretches of a (quote-masked) paragraph, as YYYY-MM-DD; null
 * when none is written there or the article is undated.
 */
export function speechTime(masked: string, ranges: { start: number; end: number }[], sentenceStart: number, publishedOn: IsoDate | null): IsoDate | null {
  if (!publishedOn) return null;
  for (const range of ranges) {
    if (range.end <= range.start) continue;
    const text = masked.slice(range.start, range.end);
    for (const result of chrono.GB.parse(text, atNoon(publishedOn), { forwardDate: false })) {
      const absolute = range.start + result.index;
      if (!acceptable(result.text, masked, absolute, sentenceStart)) continue;
      const date = resolveDay(result, publishedOn);
      if (date) return date;
    }
  }
  return null;
}

function acceptable(found: string, masked: string, at: number, sentenceStart: number): boolean {
  if (!DAY_WORDS.test(found) || VAGUE.test(found)) return false;
  // "Today programme", "Tonight show": a capitalised relative word mid-sentence is a name.
  if (/^(Today|Tonight|Yesterday)\b/.test(found) && at > sentenceStart) return false;
  // "Wednesday's call": the day of something else.
  if (/^[’']s\b/.test(masked.slice(at + found.length))) return false;
  // "after a meeting on Monday", "ahead of Wednesday…" up to the clause's start.
  const clause = masked.slice(Math.max(sentenceStart, masked.lastIndexOf(',', at - 1) + 1), at).toLowerCase();
  const words = clause.split(/[^a-z]+/).filter(Boolean);
  return !words.some((w) => NON_SPEECH_TIME_PREPOSITIONS.has(w));
}

function resolveDay(result: chrono.ParsedResult, publishedOn: IsoDate): IsoDate | null {
  const published = new Date(`${publishedOn}T00:00:00Z`);
  const text = result.text.toLowerCase();
  if (/\bnext\b/.test(text)) return null;
  const weekday = WEEKDAYS.findIndex((day) => text.includes(day));
  if (weekday >= 0 && !result.start.isCertain('day')) {
    // A bare weekday is the latest such day on or before publication ("last Tuesday": strictly before).
    let back = (published.getUTCDay() - weekday + 7) % 7;
    if (back === 0 && /\blast\b/.test(text)) back = 7;
    return iso(new Date(published.getTime() - back * 86_400_000));
  }
  const date = new Date(Date.UTC(result.start.get('year')!, result.start.get('month')! - 1, result.start.get('day')!));
  if (date.getTime() > published.getTime()) return null; // never after publication
  return iso(date);
}

const atNoon = (day: IsoDate) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
};
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Stretches of the paragraph where the time of this speech event may be written. */
export function dateRegions(cue: Cue, tokens: Token[], sentence: Sentence, main: MainSubject): { start: number; end: number }[] {
  const span = (from: number, to: number) => ({ start: tokens[from]?.start ?? sentence.start, end: tokens[to - 1]?.end ?? sentence.end });
  const regions = [span(cue.attribution.from, cue.attribution.to)];
  const subjectStart = cue.subject.type === 'np' ? cue.subject.from : cue.subject.type === 'pronoun' ? cue.subject.index : -1;
  const mainSpan = main && 'from' in main ? main : null;
  // A leading adverbial before the subject: "On Wednesday morning, the Foreign Office confirmed…",
  // "Speaking during a press conference on Monday, Mr Trump pledged…".
  const leadEnd = subjectStart >= 0 ? subjectStart : cue.subject.type === 'main' && mainSpan ? mainSpan.from : -1;
  if (leadEnd > 0 && tokens[leadEnd - 1]?.text === ',' && isLeadingPhrase(tokens[0]!)) regions.push(span(0, leadEnd - 1));
  // A participle's own clause: "…, backing him in a phone call on Wednesday … and saying that…".
  if (cue.subject.type === 'main' && mainSpan) {
    if (cue.verb < mainSpan.from) regions.push(span(cue.verb, mainSpan.from));
    else regions.push(span(mainSpan.to, cue.verb));
  }
  return regions;
}

const isLeadingPhrase = (first: Token) =>
  first.kind === 'word' && ((first.cap && FUNCTION_WORDS.has(first.base) && !['The', 'A', 'An'].includes(first.base)) || /ing$/.test(first.lower));
