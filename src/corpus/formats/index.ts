// One reader per file format, chosen by extension. Each turns a file's decoded text into articles
// of the one `Article` shape; `loadArticles` does the I/O around them.
import type { Article } from '../../types.js';
import { parseArticle, type Sidecar } from '../parseArticle.js';
import { articleFromDraft, type ArticleDraft } from './draft.js';
import { parseJsonl } from './jsonl.js';
import { idMaker } from './slug.js';
import { readOffThread, type ReadOffThreadOptions } from './parsePool.js';

export interface FileInput {
  /** The file's id: its name without the extension (see `loadArticles` for clashes). */
  doc: string;
  path: string;
  text: string;
  /** `<name>.json` beside a one-article file; ignored for files holding many. */
  sidecar: Sidecar;
  /** The time budget of a read in the worker (formats parsed there). */
  budget?: ReadOffThreadOptions;
}

export type FormatResult = { ok: true; articles: Article[]; warnings: string[] } | { ok: false; reason: string };

export type FormatReader = (input: FileInput) => FormatResult | Promise<FormatResult>;

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

// HTML, Markdown and feeds are parsed in a worker with a time budget (parsePool.ts, readBudget.ts):
// a hostile file costs at most that, off the thread that answers. What the budget cut is one
// warning naming the file.

const overBudget = (path: string, what: string | null) => (what ? [`${path}: over the reading budget (${what})`] : []);

const markdown: FormatReader = async ({ doc, path, text, sidecar, budget }) => {
  const read = await readOffThread({ kind: 'markdown', text }, budget);
  if (!read.ok) return read;
  const md = read.value;
  const { article, warnings } = parseArticle(doc, path, md.text, sidecar);
  // The opening heading is the title unless a sidecar or the text parser found one.
  return { ok: true, articles: [{ ...article, title: article.title ?? md.title }], warnings: [...overBudget(path, md.overBudget), ...warnings] };
};

const html: FormatReader = async ({ doc, path, text, sidecar, budget }) => {
  const read = await readOffThread({ kind: 'html', text, url: sidecar.url ?? null }, budget);
  if (!read.ok) return read;
  const page = read.value;
  if (!page.ok) return page;
  return { ok: true, articles: [articleFromDraft(doc, path, withSidecar(page.draft, sidecar))], warnings: overBudget(path, page.overBudget) };
};

const feed: FormatReader = async ({ doc, path, text, budget }) => {
  const read = await readOffThread({ kind: 'feed', text }, budget);
  if (!read.ok) return read;
  const parsed = read.value;
  if (!parsed.ok) return parsed;
  const id = idMaker(doc);
  return { ok: true, articles: parsed.items.map((item, i) => articleFromDraft(id(item.slug, i + 1), path, item.draft)), warnings: [] };
};

const jsonl: FormatReader = ({ doc, path, text }) => {
  const parsed = parseJsonl(text, path);
  const id = idMaker(doc);
  return { ok: true, articles: parsed.items.map((item) => articleFromDraft(id(item.slug, item.line), path, item.draft)), warnings: parsed.warnings };
};

/** Whether files of this extension (lower case, with the dot) are parsed in the reading worker. */
export function readsOffThread(ext: string): boolean {
  return ['.md', '.markdown', '.html', '.htm', '.xml', '.rss', '.atom'].includes(ext);
}

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
