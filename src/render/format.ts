// Small formatters shared by the renderers: dates and citations as people read them.
import type { IsoDate } from '../types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "23 Apr 2025" for "2025-04-23", "undated" for null.
 * A plain date rather than Discord's <t:…:D>: a calendar date at UTC midnight would show as the
 * previous day to anyone west of Greenwich.
 */
export function formatDate(date: IsoDate | null): string {
  if (!date) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (!m) return date;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : date;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
