// One reader per file format, chosen by extension. Each turns a file's decoded text into articles
// of the one `Article` shape; `loadArticles` does the I/O around them.
import type { Article } from '../../types.js';
import { parseArticle, type Sidecar } from '../parseArticle.js';
import { articleFromDraft, type ArticleDraft } from './draft.js';
import { parseJsonl } from './jsonl.js';
import { idMaker } from './slug.js';

export interface FileInput {
  /** The file's id: its name without the extension (see `loadArticles` for clashes). */
  doc: string;
  path: string;
  text: string;
  /** `<name>.json` beside a one-article file; ignored for files holding many. */
  sidecar: Sidecar;
}

export type FormatResult = { ok: true; articles: Article[]; warnings: string[] } | { ok: false; reason: string };

export type FormatReader = (input: FileInput) => FormatResult;

/** A sidecar's fields win over what the file says, as for `.txt`. */
function withSidecar(draft: ArticleDraft, sidecar: Sidecar): ArticleDraft {
  return {
    ...draft,
    title: sidecar.title ?? draft.title,
    url: sidecar.url ?? draft.url,
    source: sidecar.source ?? draft.source,
    publishedOn: sidecar.publishedOn ?? draft.publishedOn,
  };
}

const text: FormatReader = ({ doc, path, text, sidecar }) => {
  const { article, warnings } = parseArticle(doc, path, text, sidecar);
  return { ok: true, articles: [article], warnings };
};

// The HTML, feed and Markdown parsers (linkedom, feedsmith, mdast) take about a second to load:
// loaded only when a coverage holds such files (`loadReaders`), so a folder of .txt starts fast.
interface Parsers {
  html: typeof import('./html.js');
  feed: typeof import('./feed.js');
  markdown: typeof import('./markdown.js');
}
const PARSER_LOADERS: { [K in keyof Parsers]: () => Promise<Parsers[K]> } = {
  html: () => import('./html.js'),
  feed: () => import('./feed.js'),
  markdown: () => import('./markdown.js'),
};
const PARSER_OF: Record<string, keyof Parsers> = { '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.xml': 'feed', '.rss': 'feed', '.atom': 'feed' };
const parsers: Partial<Parsers> = {};

/** Loads the parsers the readers of these extensions need; call before reading such files. */
export async function loadReaders(extensions: Iterable<string>): Promise<void> {
  for (const ext of new Set(extensions)) {
    const name = PARSER_OF[ext.toLowerCase()];
    if (name && !parsers[name]) (parsers as Record<string, unknown>)[name] = await PARSER_LOADERS[name]();
  }
}

function parser<K extends keyof Parsers>(name: K): Parsers[K] {
  const loaded = parsers[name];
  if (!loaded) throw new Error(`the ${name} reader is not loaded (loadReaders first)`);
  return loaded;
}

const markdown: FormatReader = ({ doc, path, text, sidecar }) => {
  const md = parser('markdown').markdownToText(text);
  const { article, warnings } = parseArticle(doc, path, md.text, sidecar);
  // The opening heading is the title unless a sidecar or the text parser found one.
  return { ok: true, articles: [{ ...article, title: article.title ?? md.title }], warnings };
};

const html: FormatReader = ({ doc, path, text, sidecar }) => {
  const page = parser('html').parseHtmlPage(text, { url: sidecar.url ?? null });
  if (!page.ok) return page;
  return { ok: true, articles: [articleFromDraft(doc, path, withSidecar(page.draft, sidecar))], warnings: [] };
};

const feed: FormatReader = ({ doc, path, text }) => {
  const parsed = parser('feed').parseFeedFile(text);
  if (!parsed.ok) return parsed;
  const id = idMaker(doc);
  return { ok: true, articles: parsed.items.map((item, i) => articleFromDraft(id(item.slug, i + 1), path, item.draft)), warnings: [] };
};

const jsonl: FormatReader = ({ doc, path, text }) => {
  const parsed = parseJsonl(text, path);
  const id = idMaker(doc);
  return { ok: true, articles: parsed.items.map((item) => articleFromDraft(id(item.slug, item.line), path, item.draft)), warnings: parsed.warnings };
};

/** Extension (lower case, with the dot) → reader. `.json` is a sidecar, never an article. */
export const FORMATS: ReadonlyMap<string, FormatReader> = new Map([
  ['.txt', text],
  ['.md', markdown],
  ['.markdown', markdown],
  ['.html', html],
  ['.htm', html],
  ['.xml', feed],
  ['.rss', feed],
  ['.atom', feed],
  ['.jsonl', jsonl],
]);
