// RSS 2.0 / Atom (and RDF) feed files (.xml, .rss, .atom), parsed by feedsmith → one article per
// item: `content:encoded` (or Atom content) where the feed has the full text, else the summary;
// item title, link, date and author; the channel's title as source.
import { parseFeed } from 'feedsmith';
import { blocksOfHtml, plainTextOfHtml } from './htmlBlocks.js';
import { emptyDraft, type ArticleDraft } from './draft.js';
import { isoDateOf } from './metaDate.js';
import { itemSlug } from './slug.js';

export interface FeedItem {
  slug: string;
  draft: ArticleDraft;
}

export type FeedResult = { ok: true; items: FeedItem[] } | { ok: false; reason: string };

type Text = string | { value?: string } | undefined;
const textOf = (t: Text): string | null => {
  const raw = typeof t === 'string' ? t : t?.value;
  const clean = raw ? plainTextOfHtml(raw) : '';
  return clean || null;
};
const rawOf = (t: Text): string | null => (typeof t === 'string' ? t : t?.value) ?? null;

export function parseFeedFile(xml: string): FeedResult {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (error) {
    return { ok: false, reason: `not an RSS or Atom feed (${(error as Error).message})` };
  }
  const items: FeedItem[] = [];
  const add = (item: { title: string | null; link: string | null; date: string | null; byline: string | null; html: string | null }, source: string | null) => {
    const { blocks, captions } = blocksOfHtml(item.html ?? '');
    const draft: ArticleDraft = { ...emptyDraft(), title: item.title, url: item.link, source, publishedOn: isoDateOf(item.date), byline: item.byline, blocks, captions };
    items.push({ slug: itemSlug(item.link, item.title), draft });
  };

  if (parsed.format === 'rss' || parsed.format === 'rdf') {
    const feed = parsed.feed as { title?: Text; items?: Record<string, unknown>[] };
    const source = textOf(feed.title);
    for (const item of feed.items ?? []) {
      const content = item.content as { encoded?: string } | undefined;
      const dc = item.dc as { creators?: string[]; dates?: string[]; date?: string } | undefined;
      const authors = item.authors as (string | { name?: string })[] | undefined;
      add(
        {
          title: textOf(item.title as Text),
          link: (item.link as string | undefined) ?? null,
          date: (item.pubDate as string | undefined) ?? dc?.dates?.[0] ?? dc?.date ?? null,
          byline: dc?.creators?.[0] ?? (typeof authors?.[0] === 'string' ? authors[0] : (authors?.[0]?.name ?? null)),
          html: content?.encoded ?? rawOf(item.description as Text),
        },
        source,
      );
    }
  } else if (parsed.format === 'atom') {
    const feed = parsed.feed as { title?: Text; entries?: Record<string, unknown>[] };
    const source = textOf(feed.title);
    for (const entry of feed.entries ?? []) {
      const links = (entry.links as { href?: string; rel?: string }[] | undefined) ?? [];
      const link = links.find((l) => !l.rel || l.rel === 'alternate')?.href ?? null;
      const authors = entry.authors as { name?: string }[] | undefined;
      add(
        {
          title: textOf(entry.title as Text),
          link,
          date: (entry.published as string | undefined) ?? (entry.updated as string | undefined) ?? null,
          byline: authors?.[0]?.name ?? null,
          html: rawOf(entry.content as Text) ?? rawOf(entry.summary as Text),
        },
        source,
      );
    }
  } else {
    return { ok: false, reason: `a ${parsed.format} feed, not RSS or Atom` };
  }
  return { ok: true, items };
}
