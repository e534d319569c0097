// What a whole folder of coverage says about its articles: `coverage.json` in the folder may set
// `source` (e.g. "BBC News" for an archive of BBC pages), and `COVERAGE_SOURCE` does the same for
// every folder. Either fills in only where the article itself names no source.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Article } from '../types.js';

export const COVERAGE_FILE = 'coverage.json';

export interface CoverageDefaults {
  /** Source for articles that name none, after the folder's `coverage.json` (COVERAGE_SOURCE). */
  source?: string | null;
}

async function folderSource(folder: string, warnings: string[]): Promise<string | null> {
  const file = join(folder, COVERAGE_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return null; // No coverage.json is the usual case.
  }
  try {
    const source = (JSON.parse(raw) as { source?: unknown } | null)?.source;
    if (source === undefined) return null;
    if (typeof source !== 'string' || !source.trim()) throw new Error('"source" is not a text');
    return source.trim();
  } catch (error) {
    warnings.push(`${file}: ignored (${(error as Error).message})`);
    return null;
  }
}

/**
 * Fills each article's source from its folder's `coverage.json`, else `defaults.source`, and copies
 * the article's title, link, source and date onto its paragraphs, whatever format it came from.
 */
export async function applyCoverageDefaults(articles: Article[], defaults: CoverageDefaults, warnings: string[]): Promise<void> {
  const byFolder = new Map<string, Promise<string | null>>();
  for (const article of articles) {
    const folder = dirname(article.path);
    if (!byFolder.has(folder)) byFolder.set(folder, folderSource(folder, warnings));
    article.source ??= (await byFolder.get(folder)!) ?? defaults.source ?? null;
    for (const passage of article.paragraphs) {
      passage.source = article.source;
      passage.publishedOn = article.publishedOn;
      passage.title = article.title;
      passage.url = article.url;
    }
  }
}
