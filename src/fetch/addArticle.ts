// /add without Discord: fetch a link, read it as an article the way the loader reads a saved page,
// refuse what is not an article or is already covered, and save the page plus a sidecar into the
// coverage folder (sidecar first, each written to a temporary name and renamed into place, so a
// folder watcher never reads half a file).
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeText } from '../corpus/formats/decodeText.js';
import type { ArticleDraft } from '../corpus/formats/draft.js';
import { readOffThread } from '../corpus/formats/parsePool.js';
import { slugOf, itemSlug } from '../corpus/formats/slug.js';
import type { Article } from '../types.js';
import { fetchPage, parseHttpUrl, type FetchOptions, type FetchRefusal } from './fetchPage.js';

export interface AddRequest {
  link: string;
  coverageDir: string;
  /** The coverage as the bot holds it now, to say where a link is already covered. */
  articles: readonly Article[];
  fetch?: FetchOptions;
  now?: Date;
}

export type AddOutcome =
  | { ok: true; path: string; sidecarPath: string; draft: ArticleDraft }
  | { ok: false; refusal: FetchRefusal | 'not-article' | 'already-covered'; message: string; covered?: Article };

/** A link as a key: scheme, `www.`, fragment, trailing slash and tracking parameters left out. */
export function urlKey(link: string | null | undefined): string | null {
  const url = parseHttpUrl(link ?? '');
  if (!url) return null;
  for (const name of [...url.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|cmp$|ref$)/iu.test(name)) url.searchParams.delete(name);
  const query = url.searchParams.toString();
  return `${url.hostname.replace(/^www\./iu, '').toLowerCase()}${url.pathname.replace(/\/+$/u, '')}${query ? `?${query}` : ''}`;
}

function coveredBy(articles: readonly Article[], links: (string | null)[], draft?: ArticleDraft): Article | undefined {
  const keys = new Set(links.map(urlKey).filter((k): k is string => k !== null));
  return articles.find(
    (a) => (a.url !== null && keys.has(urlKey(a.url) ?? '')) || (draft?.title && a.title === draft.title && a.source === draft.source && a.source !== null),
  );
}

/**
 * The source /add cites a page by: the host it was fetched from ("bbc.co.uk"), not the name the
 * page gives itself, which any page can set to "BBC News".
 */
export function sourceOf(fetchedUrl: string): string {
  return new URL(fetchedUrl).hostname.replace(/^www\./iu, '').toLowerCase();
}

export async function addArticle(request: AddRequest): Promise<AddOutcome> {
  const before = coveredBy(request.articles, [request.link]);
  if (before) return { ok: false, refusal: 'already-covered', message: 'already covered', covered: before };

  const page = await fetchPage(request.link, request.fetch);
  if (!page.ok) return page;
  const decoded = decodeText(page.bytes);
  if (!decoded.ok) return { ok: false, refusal: 'not-article', message: `the page is ${decoded.reason}` };
  // In the reading worker, within its budget: a page built to be slow to read costs that page alone,
  // never the answers of everyone else.
  const parsed = await readOffThread({ kind: 'html', text: decoded.text, url: page.url });
  const read = parsed.ok ? parsed.value : { ok: false as const, reason: `the page could not be read (${parsed.reason})` };
  if (!read.ok) return { ok: false, refusal: 'not-article', message: read.reason };
  // The page's own claims (canonical URL, site name) may be false: they may give the title and date,
  // but where it is cited from, its file name and the "already covered" check go by where it was
  // fetched from, so no page can pose as another site or block that site's real article.
  const claimed = read.draft;
  const draft: ArticleDraft = { ...claimed, url: page.url, source: sourceOf(page.url) };

  const covered = coveredBy(request.articles, [page.url], draft);
  if (covered) return { ok: false, refusal: 'already-covered', message: 'already covered', covered };

  const base = fileBase(page.url, draft.title);
  let name = base;
  for (let n = 2; existsSync(join(request.coverageDir, `${name}.html`)) || existsSync(join(request.coverageDir, `${name}.json`)); n++) name = `${base}-${n}`;
  const path = join(request.coverageDir, `${name}.html`);
  const sidecarPath = join(request.coverageDir, `${name}.json`);
  const sidecar = {
    title: draft.title,
    url: draft.url,
    source: draft.source,
    publishedOn: draft.publishedOn,
    byline: draft.byline,
    fetchedFrom: request.link,
    fetchedAt: (request.now ?? new Date()).toISOString(),
    // Kept for the record only: the loader reads title, url, source and publishedOn, never these.
    claimedUrl: claimed.url,
    claimedSiteName: claimed.source,
  };
  await writeAtomically(sidecarPath, `${JSON.stringify(sidecar, null, 2)}\n`);
  await writeAtomically(path, page.bytes);
  return { ok: true, path, sidecarPath, draft };
}

/** "www.example.org/news/bridge-reopens" → "example-org-bridge-reopens". */
function fileBase(link: string, title: string | null): string {
  const host = slugOf(new URL(link).hostname.replace(/^www\./u, '')) || 'page';
  const slug = itemSlug(link, title) || 'article';
  return `${host}-${slug}`.slice(0, 80).replace(/-+$/u, '');
}

async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}
