// `.jsonl` exports: one article a line, `{title, url, publishedOn, source, text}`; `text` is plain
// text with paragraphs on their own lines. A line that is not such an object is skipped with a
// warning naming its line number; the others still load.
import { hasControlCharacters } from './decodeText.js';
import { emptyDraft, type ArticleDraft } from './draft.js';
import { isoDateOf } from './metaDate.js';
import { itemSlug } from './slug.js';

export interface JsonlItem {
  slug: string;
  line: number;
  draft: ArticleDraft;
}

export function parseJsonl(text: string, path: string): { items: JsonlItem[]; warnings: string[] } {
  const items: JsonlItem[] = [];
  const warnings: string[] = [];
  text.split(/\r?\n/u).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      warnings.push(`${path}:${line}: not JSON (${(error as Error).message}); line skipped`);
      return;
    }
    const r = (record && typeof record === 'object' ? record : {}) as Record<string, unknown>;
    const str = (key: string) => (typeof r[key] === 'string' && (r[key] as string).trim() ? (r[key] as string).trim() : null);
    const body = str('text');
    if (!body) {
      warnings.push(`${path}:${line}: no "text"; line skipped`);
      return;
    }
    // A JSON escape (\u0000) can carry what a raw control byte could not.
    if (hasControlCharacters(body)) {
      warnings.push(`${path}:${line}: "text" holds control characters; line skipped`);
      return;
    }
    const given = str('publishedOn');
    const publishedOn = isoDateOf(given);
    if (given && !publishedOn) warnings.push(`${path}:${line}: publishedOn "${given}" is not a date; treated as undated`);
    const draft: ArticleDraft = { ...emptyDraft(), title: str('title'), url: str('url'), source: str('source'), publishedOn, byline: str('byline'), blocks: [body] };
    items.push({ slug: itemSlug(draft.url, draft.title), line, draft });
  });
  return { items, warnings };
}
