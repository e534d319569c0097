// What every format reader produces before cleaning: metadata plus the article's text blocks in
// reading order. `articleFromDraft` then cleans and numbers them exactly as a `.txt` article is
// cleaned (publisher appeal, gallery markers and their captions, one passage per paragraph), so
// statements, dates, search and near-duplicate folding see every format the same way.
import type { Article, Caption, IsoDate } from '../../types.js';
import { removeBoilerplate } from '../boilerplate.js';
import { normaliseText, splitParagraphs } from '../splitParagraphs.js';

export interface ArticleDraft {
  title: string | null;
  url: string | null;
  source: string | null;
  publishedOn: IsoDate | null;
  byline: string | null;
  /** Body text blocks in reading order; a block may hold several lines (each becomes a paragraph). */
  blocks: string[];
  /** Captions the format marks up as such (e.g. <figcaption>); `afterParagraph` counts blocks. */
  captions: Caption[];
}

export function articleFromDraft(doc: string, path: string, draft: ArticleDraft): Article {
  const cleaned = removeBoilerplate(draft.blocks.flatMap((block) => normaliseText(block).split('\n')));
  const { paragraphs, captions } = splitParagraphs(cleaned.lines);
  const source = draft.source ?? cleaned.source;
  const { publishedOn } = draft;
  return {
    doc,
    path,
    title: draft.title,
    url: draft.url,
    source,
    publishedOn,
    byline: draft.byline,
    captions: [...draft.captions, ...captions].sort((a, b) => a.afterParagraph - b.afterParagraph),
    paragraphs: paragraphs.map((text, i) => ({ doc, paragraph: i + 1, text, publishedOn, source, title: draft.title, url: draft.url })),
  };
}

export function emptyDraft(): ArticleDraft {
  return { title: null, url: null, source: null, publishedOn: null, byline: null, blocks: [], captions: [] };
}
