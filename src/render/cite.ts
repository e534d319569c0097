// One citation, as a reader uses it: the article's title (a link where its URL is known), its
// source, its date and ¶n. The file name stands in only where there is no title; a source nobody
// gave is left out, never "Unknown source". Pure.
import type { IsoDate } from '../types.js';
import { formatDate } from './format.js';
import { safeText, stripBidiControls } from './safeText.js';

export interface CiteRef {
  doc: string;
  paragraph: number;
  publishedOn: IsoDate | null;
  source?: string | null;
  title?: string | null;
  url?: string | null;
}

/** What a renderer may know about an article beyond what a statement carries. */
export type ArticleLookup = (doc: string) => Pick<CiteRef, 'title' | 'url' | 'source'> | undefined;

/** A link Discord will render: http(s), no spaces, within Discord's URL length. */
export function safeUrl(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\/\S+$/u.test(url) && url.length <= 2048 ? url : undefined;
}

/** The title, else the file name. */
export function citeLabel(ref: Pick<CiteRef, 'doc' | 'title'>): string {
  // Embed titles are plain text, not passed through safeText: strip bidi controls here.
  return stripBidiControls(ref.title?.trim() || ref.doc);
}

/** "BBC News · 27 Feb 2005 · ¶4": everything after the title. */
export function citeDetails(ref: CiteRef): string {
  return stripBidiControls([ref.source?.trim() || null, formatDate(ref.publishedOn), `¶${ref.paragraph}`].filter(Boolean).join(' · '));
}

/** Plain text for a terminal: "Ad sales boost Time Warner profit · BBC News · undated · ¶4 <url>". */
export function citePlain(ref: CiteRef): string {
  const url = safeUrl(ref.url);
  return `${citeLabel(ref)} · ${citeDetails(ref)}${url ? ` <${url}>` : ''}`;
}

/** Discord markdown: the title as a masked link where the URL is known, the rest escaped. */
export function citeMarkdown(ref: CiteRef): string {
  const label = safeText(citeLabel(ref)).replace(/[[\]]/gu, '\\$&');
  const url = safeUrl(ref.url);
  const title = url ? `[${label}](${url.replace(/[()]/gu, encodeURIComponent)})` : label;
  return `${title} · ${safeText(citeDetails(ref))}`;
}
