// A saved article page (.html, .htm) → one article: the body through Mozilla's Readability (the
// engine of Firefox Reader View) on linkedom's light DOM, then our block walker for paragraphs and
// captions; title, byline and site name from Readability, date and canonical URL from the page's
// own metadata. bench/experiments/README.md §HTML extractors has the comparison that chose this.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blocksOf } from './htmlBlocks.js';
import { emptyDraft, type ArticleDraft } from './draft.js';
import { readPageMetadata } from './pageMetadata.js';
import { capHtmlNesting } from './capHtmlNesting.js';
import { MAX_CHARS, MAX_HTML_DEPTH } from './readBudget.js';

/** Less body text than this is a page about something (an index, an error page), not an article. */
export const MIN_ARTICLE_CHARS = 250;

export type PageResult = { ok: true; draft: ArticleDraft; overBudget: string | null } | { ok: false; reason: string };

export function parseHtmlPage(page: string, options: { url?: string | null } = {}): PageResult {
  // Read to the budget (readBudget.ts): what is cut is named in `overBudget` for the operator.
  const cut: string[] = [];
  if (page.length > MAX_CHARS) cut.push(`longer than ${MAX_CHARS.toLocaleString('en-GB')} characters, read to there`);
  const { html, capped } = capHtmlNesting(page.length > MAX_CHARS ? page.slice(0, MAX_CHARS) : page, MAX_HTML_DEPTH);
  if (capped) cut.push(`elements nested deeper than ${MAX_HTML_DEPTH} flattened`);
  const { document } = parseHTML(html);
  // Before Readability, which removes <script> (JSON-LD) and rewrites the document.
  const meta = readPageMetadata(document as never);
  // Readability is typed against the browser's Document; linkedom implements the parts it uses.
  const result = new Readability(document as unknown as Document, { keepClasses: true, serializer: (el) => el }).parse();
  if (!result) return { ok: false, reason: 'no article found on the page' };
  const { blocks, captions } = blocksOf(result.content as unknown as Parameters<typeof blocksOf>[0]);
  if (blocks.join(' ').length < MIN_ARTICLE_CHARS) return { ok: false, reason: 'not an article (too little body text on the page)' };
  return {
    ok: true,
    draft: {
      ...emptyDraft(),
      title: clean(result.title),
      byline: cleanByline(result.byline, meta.authors),
      source: clean(result.siteName) ?? meta.publisher,
      publishedOn: meta.publishedOn ?? isoPrefix(result.publishedTime),
      url: meta.canonicalUrl ?? options.url ?? null,
      blocks,
      captions,
    },
    overBudget: cut.length ? cut.join('; ') : null,
  };
}

function clean(text: string | null | undefined): string | null {
  const t = text?.replace(/\s+/gu, ' ').trim();
  return t ? t : null;
}

function isoPrefix(value: string | null | undefined): string | null {
  return /^\d{4}-\d{2}-\d{2}/u.exec(value ?? '')?.[0] ?? null;
}

/**
 * "By Erin Cunningham" → "Erin Cunningham". Where the page's byline runs into other text
 * ("by Lucas Nolan22 Dec 2016651") and the structured author is its start, the author is kept.
 */
export function cleanByline(byline: string | null | undefined, authors: string[]): string | null {
  const text = clean(byline)?.replace(/^by\s+/iu, '') ?? null;
  if (!text) return authors[0] ?? null;
  const lower = text.toLowerCase();
  const author = authors.find((a) => lower.startsWith(a.toLowerCase()) && a.length < text.length);
  return author ?? text;
}
