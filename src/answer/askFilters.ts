// Reading `since` / `until` / `source` as typed by a person (CLI flags, slash-command options): a
// date is YYYY-MM-DD and must exist; since after until is a mistake worth saying. Shared by both edges.
import { isRealDate } from '../corpus/parseDateLine.js';
import type { AskFilters } from './ask.js';

export function parseAskFilters(raw: { since?: string | null; until?: string | null; source?: string | null }): AskFilters | { error: string } {
  const filters: AskFilters = {};
  for (const key of ['since', 'until'] as const) {
    const value = raw[key]?.trim();
    if (!value) continue;
    if (!isRealDate(value)) return { error: `${key} must be a date as YYYY-MM-DD, e.g. 2025-04-23` };
    filters[key] = value;
  }
  if (filters.since && filters.until && filters.since > filters.until) return { error: 'since must not be after until' };
  const source = raw.source?.trim();
  if (source) filters.source = source;
  return filters;
}
