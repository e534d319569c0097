import type { IsoDate } from '../types.js';

// ` date 2025-04-23 <rest>`: the leading space is optional and the rest of the line is body text or
// boilerplate. Anything else on the first line means the article is undated: we never guess a date.
const DATE_LINE = /^\s*date\s+(\d{4})-(\d{2})-(\d{2})(?=\s|$)[ \t]*(.*)$/i;

export interface DateLine {
  publishedOn: IsoDate | null;
  /** The text after the date on that line, or the whole line when it carried no date. */
  rest: string;
  /** Set when the line looked like a date line but the date does not exist (e.g. 2025-02-30). */
  invalid?: string;
}

export function parseDateLine(line: string): DateLine {
  const match = DATE_LINE.exec(line);
  if (!match) return { publishedOn: null, rest: line };
  const [, y, m, d, rest = ''] = match;
  const iso = `${y}-${m}-${d}`;
  return isRealDate(iso) ? { publishedOn: iso, rest } : { publishedOn: null, rest, invalid: iso };
}

/** True when `iso` names a day that exists on the calendar. */
export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}
