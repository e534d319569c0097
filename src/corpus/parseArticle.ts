import { basename } from 'node:path';
import { decodeCharacterReferences } from './characterReferences.js';
import type { Article, IsoDate } from '../types.js';
import { removeBoilerplate } from './boilerplate.js';
import { headlineOf, parseHeader } from './parseHeader.js';
import { isRealDate } from './parseDateLine.js';
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

// `2005-02-27-budget.txt`, `news_2005-02-27.md`: the last resort for a date, never a guess.
const FILE_NAME_DATE = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/u;

/** The ISO date in a file name, when it names a real day. */
export function fileNameDate(path: string): IsoDate | null {
  const date = FILE_NAME_DATE.exec(basename(path))?.[1];
  return date && isRealDate(date) ? date : null;
}

/**
 * Turns one article's text into cleaned, numbered paragraphs. Pure: no I/O.
 * Metadata, strongest first: the sidecar; front matter; the date line and headline line; for the
 * date only, an ISO date in the file name.
 */
export function parseArticle(doc: string, path: string, text: string, sidecar: Sidecar = {}): ParsedArticle {
  const header = parseHeader(decodeCharacterReferences(normaliseText(text)).split('\n'));
  const warnings = header.warnings.map((warning) => `${path}: ${warning}`);

  const cleaned = removeBoilerplate(header.body);
  // A headline line is the title, never paragraph 1, even where a sidecar gives a title of its own.
  const headline = headlineOf(cleaned.lines);
  const bodyLines = headline ? cleaned.lines.slice(cleaned.lines.findIndex((l) => l.trim() !== '') + 1) : cleaned.lines;
  const { paragraphs, captions } = splitParagraphs(bodyLines);
  const publishedOn = sidecar.publishedOn ?? header.publishedOn ?? fileNameDate(path);
  const source = sidecar.source ?? header.source ?? cleaned.source;
  const title = sidecar.title ?? header.title ?? headline;
  const url = sidecar.url ?? header.url;
  return {
    article: {
      doc,
      path,
      title,
      url,
      source,
      publishedOn,
      captions,
      paragraphs: paragraphs.map((paragraphText, i) => ({
        doc,
        paragraph: i + 1,
        text: paragraphText,
        publishedOn,
        source,
        title,
        url,
      })),
    },
    warnings,
  };
}
