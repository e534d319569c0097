// Reads a publication date written the ways archives write them: ISO ("2005-02-27",
// "2005-02-27T10:00:00Z") and the common written forms ("27 February 2005", "Feb 27, 2005",
// "Sun, 27 Feb 2005 10:00:00 GMT") through chrono-node's strict parser. Never a guess: a value with
// no year, an impossible day, or day and month that could be either way round is unreadable.
// The English locale only: the full package loads every language (~0.4 s more at every start).
import * as chrono from 'chrono-node/en';
import type { IsoDate } from '../types.js';
import { isRealDate } from './parseDateLine.js';

export type DateReading = { date: IsoDate } | { unreadable: string };

// The date as written is the date: a time or zone after it never moves it to another day.
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/iu;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/u;

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): DateReading {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isRealDate(date) ? { date } : { unreadable: `${date} is not a real date` };
}

/** The calendar date `value` names, or why it cannot be read. */
export function readDate(value: string): DateReading {
  const text = value.trim().replace(/[.,;]+$/u, '');
  if (!text) return { unreadable: 'no date given' };
  const isoMatch = ISO.exec(text);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));

  // 03/04/2005 is 3 April in Britain and March 4 in the US: read it only when one part is over 12.
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (a > 12 && b <= 12) return iso(year, b, a);
    if (b > 12 && a <= 12) return iso(year, a, b);
    return { unreadable: `"${text}" could be day/month or month/day` };
  }

  const results = chrono.strict.parse(text);
  const only = results.length === 1 ? results[0] : undefined;
  // The whole value must be the date: "27 February 2005 and more words" is not a date header.
  const rest = only ? (text.slice(0, only.index) + text.slice(only.index + only.text.length)).replace(/[\s,.\-–—|()]+/gu, '') : text;
  if (!only || rest) return { unreadable: `"${text}" is not a date I can read` };
  const start = only.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) {
    return { unreadable: `"${text}" does not give a day, month and year` };
  }
  return iso(start.get('year')!, start.get('month')!, start.get('day')!);
}

const DATE_WORDS = new Set(
  [
    'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
    'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
    'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
    'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday', 'gmt', 'utc', 'bst', 'est', 'edt', 'pst', 'pdt',
    'cet', 'am', 'pm', 'at', 'of', 'the', 'z', 't',
  ],
);
const MONTH_OR_YEAR = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}\b/iu;

/**
 * True for a line made only of date parts (numbers, month and weekday names, times, zones): a line
 * that is plainly a date, readable or not, and so never a headline or a paragraph.
 */
export function isDateShaped(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > 60 || !MONTH_OR_YEAR.test(text) || !/\d/u.test(text)) return false;
  const tokens = text.toLowerCase().split(/[\s,/.\-–—:+()]+/u).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => /^\d+(?:st|nd|rd|th)?$/u.test(t) || DATE_WORDS.has(t));
}
