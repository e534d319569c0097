// A publication date as metadata writes it ("2015-07-24T05:36:09+01:00", "Sun, 27 Feb 2005 10:00:00
// GMT", "February 1, 2016") → `YYYY-MM-DD`, the day as the publisher wrote it (no shift to UTC).
// The English locale only: the full package loads every language (~0.4 s more at every start).
import * as chrono from 'chrono-node/en';
import type { IsoDate } from '../../types.js';
import { isRealDate } from '../parseDateLine.js';

export function isoDateOf(value: string | null | undefined): IsoDate | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/u.exec(text);
  if (iso) return isRealDate(iso[0]) ? iso[0] : null;
  // Written forms: take the calendar day the text names, only when it names year, month and day.
  const parsed = chrono.parse(text)[0]?.start;
  if (!parsed || !parsed.isCertain('year') || !parsed.isCertain('month') || !parsed.isCertain('day')) return null;
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  const day = `${parsed.get('year')}-${pad(parsed.get('month'))}-${pad(parsed.get('day'))}`;
  return isRealDate(day) ? day : null;
}
