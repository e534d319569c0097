// `/coverage`: what the bot knows, from the loaded coverage alone. Pure.
import type { Coverage, IsoDate } from '../types.js';

export interface CoverageSummary {
  articles: number;
  paragraphs: number;
  /** Articles with a publication date; the rest are undated. */
  dated: number;
  /** Earliest and latest publication date, or null when nothing is dated. */
  dateRange: { from: IsoDate; to: IsoDate } | null;
  /** Most articles first; `source: null` counts the articles that name none. */
  sources: { source: string | null; articles: number }[];
  /** The newest dated articles, newest first. */
  newest: { doc: string; title: string | null; url: string | null; source: string | null; publishedOn: IsoDate }[];
  skipped: { path: string; reason: string }[];
}

export const NEWEST_SHOWN = 5;

export function summariseCoverage(coverage: Pick<Coverage, 'articles' | 'skipped'>, newest = NEWEST_SHOWN): CoverageSummary {
  const { articles } = coverage;
  const dated = articles.filter((a): a is typeof a & { publishedOn: IsoDate } => a.publishedOn !== null);
  // ISO dates sort as text; ties keep load order (name order), so the list is stable.
  const byDate = [...dated].sort((a, b) => (a.publishedOn < b.publishedOn ? 1 : a.publishedOn > b.publishedOn ? -1 : 0));
  const counts = new Map<string | null, number>();
  for (const a of articles) counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
  const sources = [...counts]
    .map(([source, n]) => ({ source, articles: n }))
    .sort((a, b) => b.articles - a.articles || (a.source === null ? 1 : b.source === null ? -1 : a.source.localeCompare(b.source)));
  return {
    articles: articles.length,
    paragraphs: articles.reduce((n, a) => n + a.paragraphs.length, 0),
    dated: dated.length,
    dateRange: byDate.length ? { from: byDate[byDate.length - 1]!.publishedOn, to: byDate[0]!.publishedOn } : null,
    sources,
    newest: byDate.slice(0, newest).map(({ doc, title, url, source, publishedOn }) => ({ doc, title, url, source, publishedOn })),
    skipped: coverage.skipped,
  };
}
