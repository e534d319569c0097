import type { Article } from '../types.js';
import { removeBoilerplate } from './boilerplate.js';
import { parseDateLine } from './parseDateLine.js';
import { normaliseText, splitParagraphs } from './splitParagraphs.js';

/** What a `<name>.json` beside an article may say; each field overrides what the text says. */
export interface Sidecar {
  title?: string;
  url?: string;
  source?: string;
  publishedOn?: string;
}

export interface ParsedArticle {
  article: Article;
  warnings: string[];
}

/** Turns one article's text into cleaned, numbered paragraphs. Pure: no I/O. */
export function parseArticle(doc: string, path: string, text: string, sidecar: Sidecar = {}): ParsedArticle {
  const warnings: string[] = [];
  const [first = '', ...others] = normaliseText(text).split('\n');
  const dateLine = parseDateLine(first);
  if (dateLine.invalid) warnings.push(`${path}: "${dateLine.invalid}" is not a real date; treated as undated`);

  const cleaned = removeBoilerplate([dateLine.rest, ...others]);
  const { paragraphs, captions } = splitParagraphs(cleaned.lines);
  const publishedOn = sidecar.publishedOn ?? dateLine.publishedOn;
  const source = sidecar.source ?? cleaned.source;
  return {
    article: {
      doc,
      path,
      title: sidecar.title ?? null,
      url: sidecar.url ?? null,
      source,
      publishedOn,
      captions,
      paragraphs: paragraphs.map((paragraphText, i) => ({
        doc,
        paragraph: i + 1,
        text: paragraphText,
        publishedOn,
        source,
      })),
    },
    warnings,
  };
}
