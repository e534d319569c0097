import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Article } from '../types.js';
import { isArticleFile } from './articleFiles.js';
import { isRealDate } from './parseDateLine.js';
import { parseArticle, type Sidecar } from './parseArticle.js';

export interface LoadedArticles {
  articles: Article[];
  /** Files not loaded, each with the reason; the rest still load. */
  skipped: { path: string; reason: string }[];
  /** Things worth telling the operator that did not stop a file loading. */
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Loads every `.txt` article in the given files and folders (folders are read one level deep, in
 * name order, so paragraph numbers and ids are stable). A file that is empty, binary, not UTF-8 or
 * unreadable is skipped with a reason naming it.
 */
export async function loadArticles(paths: string | string[]): Promise<LoadedArticles> {
  const result: LoadedArticles = { articles: [], skipped: [], warnings: [] };
  for (const file of await listArticleFiles([paths].flat(), result)) {
    const text = await readText(file, result);
    if (text === null) continue;
    const doc = basename(file, '.txt');
    const sidecar = await readSidecar(file.replace(/\.txt$/, '.json'), result);
    const { article, warnings } = parseArticle(doc, file, text, sidecar);
    result.warnings.push(...warnings);
    if (article.paragraphs.length === 0) {
      result.skipped.push({ path: file, reason: 'no body text after cleaning' });
      continue;
    }
    result.articles.push(article);
  }
  return result;
}

async function listArticleFiles(paths: string[], result: LoadedArticles): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const names = (await readdir(path)).filter(isArticleFile).sort();
        files.push(...names.map((name) => join(path, name)));
      } else files.push(path);
    } catch (error) {
      result.skipped.push({ path, reason: `cannot read (${(error as NodeJS.ErrnoException).code ?? error})` });
    }
  }
  return files;
}

async function readText(file: string, result: LoadedArticles): Promise<string | null> {
  const skip = (reason: string) => (result.skipped.push({ path: file, reason }), null);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return skip(`cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  if (bytes.length === 0) return skip('empty file');
  if (bytes.includes(0)) return skip('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return skip('not valid UTF-8');
  }
  return text.trim() ? text : skip('empty file (only white space)');
}

async function readSidecar(file: string, result: LoadedArticles): Promise<Sidecar> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return {}; // No sidecar is the usual case.
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
    const sidecar: Sidecar = {};
    for (const key of ['title', 'url', 'source', 'publishedOn'] as const) {
      const value = (parsed as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) sidecar[key] = value.trim();
    }
    if (sidecar.publishedOn && !isRealDate(sidecar.publishedOn)) {
      result.warnings.push(`${file}: publishedOn "${sidecar.publishedOn}" is not a YYYY-MM-DD date; ignored`);
      delete sidecar.publishedOn;
    }
    return sidecar;
  } catch (error) {
    result.warnings.push(`${file}: ignored (${(error as Error).message})`);
    return {};
  }
}
