// What a saved page says about itself outside the article body: publication date (Open Graph
// `article:published_time`, JSON-LD `datePublished`, `<time datetime>`), canonical URL, author and
// publisher from JSON-LD. Read directly: each is one selector or one JSON object.
import type { IsoDate } from '../../types.js';
import { isoDateOf } from './metaDate.js';

interface Doc {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

export interface PageMetadata {
  publishedOn: IsoDate | null;
  canonicalUrl: string | null;
  /** Author names JSON-LD or <meta name="author"> give. */
  authors: string[];
  publisher: string | null;
}

const META_DATES = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="DC.date.issued"]',
];

export function readPageMetadata(document: Doc): PageMetadata {
  const ld = jsonLdObjects(document);
  const articles = ld.filter((o) => typeof o.datePublished === 'string' || /Article|Posting|Report/u.test(String(o['@type'] ?? '')));

  let publishedOn: IsoDate | null = null;
  for (const selector of META_DATES) publishedOn ??= isoDateOf(document.querySelector(selector)?.getAttribute('content'));
  for (const o of articles) publishedOn ??= isoDateOf(String(o.datePublished ?? ''));
  publishedOn ??= isoDateOf(document.querySelector('time[itemprop="datePublished"], time[pubdate]')?.getAttribute('datetime'));
  // Any other <time>: only when every one on the page names the same day (never a related story's date).
  if (!publishedOn) {
    const days = new Set([...document.querySelectorAll('time[datetime]')].map((t) => isoDateOf(t.getAttribute('datetime'))));
    if (days.size === 1) publishedOn = [...days][0] ?? null;
  }

  const canonicalUrl = httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? httpUrl(document.querySelector('meta[property="og:url"]')?.getAttribute('content'));

  const authors = new Set<string>();
  for (const o of articles) for (const a of [o.author].flat()) {
    const name = typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : null;
    if (typeof name === 'string' && name.trim() && !/^https?:/u.test(name)) authors.add(name.trim());
  }
  const metaAuthor = document.querySelector('meta[name="author"]')?.getAttribute('content')?.trim();
  if (metaAuthor && !/^https?:/u.test(metaAuthor)) authors.add(metaAuthor);
  // An author page link ("/author/lnolan/") names the writer on many news sites.
  const authorLink = document.querySelector('a[rel~="author"], a[href*="/author/"]')?.textContent?.replace(/\s+/gu, ' ').trim();
  if (authorLink && authorLink.split(' ').length <= 5) authors.add(authorLink);

  let publisher: string | null = null;
  for (const o of articles) {
    const p = o.publisher as Record<string, unknown> | undefined;
    if (!publisher && p && typeof p.name === 'string' && p.name.trim()) publisher = p.name.trim();
  }
  return { publishedOn, canonicalUrl, authors: [...authors], publisher };
}

function httpUrl(value: string | null | undefined): string | null {
  try {
    const url = new URL(value ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Every JSON-LD object on the page, `@graph` members included; malformed blocks are ignored. */
function jsonLdObjects(document: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      out.push(value as Record<string, unknown>);
      const graph = (value as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Pages ship broken JSON-LD often enough; the other metadata still counts.
    }
  }
  return out;
}
