// Statements and the people register, cached beside the search index. Each article's analysis is
// filed under a sha256 of its bytes (as loaded: id, date, paragraphs) and of the analysis code and
// limits, so a changed or added article re-runs alone and a warm start re-runs none; the merged
// register is filed under the hash of all of them, so an unchanged coverage skips the merge too.
// Two JSON files per coverage folder: the merged result (small, all a warm start reads) and the
// per-article analyses (read only when something changed). Each is written to a temporary name and
// renamed into place under a checksum (src/cacheFile.ts); a file that is unreadable, from other code
// or fails its checksum is ignored and rebuilt, the last with one warning.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { damagedWarning, defaultCacheDir, readCacheFile, writeCacheFile } from '../cacheFile.js';
import { loadArticles, type LoadOptions } from '../corpus/loadArticles.js';
import type { Article, Coverage, Person, Statement } from '../types.js';
import { analyseArticle, type ArticleAnalysis } from './analyseArticle.js';
import { mergeAnalyses, type AnalysedCoverage } from './analyseStatements.js';
import { ANALYSIS_LIMITS } from './limits.js';
import { packageVersion } from '../packageVersion.js';

/** Files of src/corpus the statement finder calls (sentences, case folding). */
const SHARED_CODE = ['splitSentences', 'foldCase'];
/** Packages whose version changes what the analysis finds. */
const DEPENDENCIES = ['chrono-node', 'gender-detection-from-name'];

/**
 * What besides an article shapes its analysis: the limits and the code of this folder (so a change
 * to the statement finder invalidates the cache by itself, with no version number to remember).
 */
export const ANALYSIS_FINGERPRINT = (() => {
  const hash = createHash('sha256').update(JSON.stringify(ANALYSIS_LIMITS));
  const dir = import.meta.dirname;
  for (const file of readdirSync(dir).filter((f) => /\.[jt]s$/.test(f)).sort()) hash.update(`${file}\u0000`).update(readFileSync(join(dir, file)));
  // Code outside this folder that the analysis runs, and the packages it reads dates and names with.
  const corpus = join(dir, '..', 'corpus');
  for (const name of SHARED_CODE) {
    const file = readdirSync(corpus).find((f) => f === `${name}.ts` || f === `${name}.js`);
    hash.update(`corpus/${name}\u0000`).update(file ? readFileSync(join(corpus, file)) : 'missing');
  }
  for (const name of DEPENDENCIES) hash.update(`${name}@${packageVersion(name)}\u0000`);
  return hash.digest('hex').slice(0, 32);
})();

interface ArticlesFile {
  fingerprint: string;
  articles: Record<string, ArticleAnalysis>;
}

interface MergedFile {
  fingerprint: string;
  key: string;
  statements: Statement[];
  people: Person[];
  warnings: string[];
}

export interface CachedAnalysis extends AnalysedCoverage {
  /** Articles whose analysis came from the cache, and those analysed now. */
  reused: number;
  analysed: number;
  /** The merged register came from the cache (nothing changed). */
  mergedFromCache: boolean;
  file: string;
  /**
   * Set when a cache file failed its checksum (rebuilt, not used) or could not be written (a read-only
   * folder: the analysis is still returned, from memory); one line.
   */
  cacheWarning: string | null;
}

export interface StatementsCacheOptions {
  /** Folder of cache files; `.cache/` in the working directory by default. */
  dir?: string;
  /** Names the file: the coverage folder (or files) it holds. */
  coverage: string | string[];
  /** For tests: pretend the analysis code changed. */
  fingerprint?: string;
}

/** sha256 of one article as analysed. */
export function articleKey(article: Article, fingerprint = ANALYSIS_FINGERPRINT): string {
  const hash = createHash('sha256').update(`${fingerprint}\u0000${article.doc}\u0000${article.publishedOn ?? ''}\u0000`);
  for (const p of article.paragraphs) hash.update(`${p.paragraph}\u0000${p.text}\u0001`);
  return hash.digest('hex');
}

export async function analyseCached(articles: Article[], options: StatementsCacheOptions): Promise<CachedAnalysis> {
  const fingerprint = options.fingerprint ?? ANALYSIS_FINGERPRINT;
  const { dir, file, articlesFile } = cacheFiles(options);
  const keys = articles.map((a) => articleKey(a, fingerprint));
  const mergedKey = createHash('sha256').update(keys.join('\u0000')).digest('hex');

  const damaged: string[] = [];
  const merged = await readJson<MergedFile>(file, fingerprint, damaged);
  if (merged?.key === mergedKey && Array.isArray(merged.statements) && Array.isArray(merged.people)) {
    const { statements, people, warnings } = merged;
    return { statements, people, warnings: warnings ?? [], reused: articles.length, analysed: 0, mergedFromCache: true, file, cacheWarning: null };
  }

  const cached = await readJson<ArticlesFile>(articlesFile, fingerprint, damaged);
  const entries: Record<string, ArticleAnalysis> = {};
  let reused = 0;
  const analyses = articles.map((article, i) => {
    const hit = cached?.articles?.[keys[i]!];
    if (hit && hit.doc === article.doc) reused++;
    const analysis = hit && hit.doc === article.doc ? hit : analyseArticle(article);
    entries[keys[i]!] = analysis;
    return analysis;
  });
  const analysed = articles.length - reused;

  const result = mergeAnalyses(articles, analyses);
  const writeWarning = await (async () => {
    // A damaged per-article file is rewritten even when nothing needed analysing again.
    if (analysed > 0 || damaged.length) await writeJson(articlesFile, { fingerprint, articles: entries } satisfies ArticlesFile);
    await writeJson(file, { fingerprint, key: mergedKey, ...result } satisfies MergedFile);
    return null;
  })().catch((error: unknown) => unwritable(dir, error));
  return { ...result, reused, analysed, mergedFromCache: false, file, cacheWarning: oneLine([...damaged, writeWarning]) };
}

function cacheFiles(options: StatementsCacheOptions) {
  const dir = options.dir ?? defaultCacheDir();
  const id = createHash('sha256').update([options.coverage].flat().map((p) => resolve(p)).join('\u0000')).digest('hex').slice(0, 16);
  return { dir, file: join(dir, `statements-${id}.json`), articlesFile: join(dir, `statements-${id}.articles.json`) };
}

/**
 * Each article's own analysis (not merged), from the per-article cache where it holds; the cache
 * file is rewritten when any was analysed now. For a library that merges again on every update
 * (src/live/analyse.ts), so that its start is warm too.
 */
export async function articleAnalysesCached(
  articles: Article[],
  options: StatementsCacheOptions,
): Promise<{ analyses: ArticleAnalysis[]; reused: number; cacheWarning: string | null }> {
  const fingerprint = options.fingerprint ?? ANALYSIS_FINGERPRINT;
  const { dir, articlesFile } = cacheFiles(options);
  const damaged: string[] = [];
  const cached = await readJson<ArticlesFile>(articlesFile, fingerprint, damaged);
  const entries: Record<string, ArticleAnalysis> = {};
  let reused = 0;
  const analyses = articles.map((article) => {
    const key = articleKey(article, fingerprint);
    const hit = cached?.articles?.[key];
    const analysis = hit && hit.doc === article.doc ? (reused++, hit) : analyseArticle(article);
    entries[key] = analysis;
    return analysis;
  });
  const writeWarning =
    reused < articles.length || damaged.length
      ? await writeJson(articlesFile, { fingerprint, articles: entries } satisfies ArticlesFile).then(
          () => null,
          (error: unknown) => unwritable(dir, error),
        )
      : null;
  return { analyses, reused, cacheWarning: oneLine([...damaged, writeWarning]) };
}

/** Loads articles and their statements, analysis from the cache where it holds. */
export async function loadCoverageCached(paths: string | string[], cacheDir?: string, options: LoadOptions = {}): Promise<Coverage & { warnings: string[]; analysis: CachedAnalysis }> {
  const { articles, skipped, warnings } = await loadArticles(paths, options);
  options.onProgress?.({ step: 'statements', done: 0, total: articles.length });
  const analysis = await analyseCached(articles, { dir: cacheDir, coverage: paths });
  options.onProgress?.({ step: 'statements', done: articles.length, total: articles.length, finished: true, detail: `${analysis.statements.length.toLocaleString('en-GB')} statements, ${analysis.people.length.toLocaleString('en-GB')} people` });
  return {
    articles,
    passages: articles.flatMap((a) => a.paragraphs),
    statements: analysis.statements,
    people: analysis.people,
    skipped,
    warnings: [...warnings, ...analysis.warnings, ...(analysis.cacheWarning ? [analysis.cacheWarning] : [])],
    analysis,
  };
}

/** The file's content if it is intact and from this code; a damaged one is noted in `damaged` and ignored. */
async function readJson<T extends { fingerprint: string }>(file: string, fingerprint: string, damaged: string[]): Promise<T | null> {
  const read = await readCacheFile(file);
  if (read.status === 'damaged') damaged.push(damagedWarning('statements cache', file, read.reason));
  if (read.status !== 'ok') return null;
  try {
    const content = JSON.parse(read.payload) as T;
    if (typeof content !== 'object' || content === null || content.fingerprint !== fingerprint) return null;
    return content;
  } catch {
    return null; // intact but not JSON: not ours; rebuilt
  }
}

function writeJson(file: string, content: object): Promise<void> {
  return writeCacheFile(file, JSON.stringify(content));
}

/** A cache folder that cannot be written: the analysis is kept in memory for this run. */
function unwritable(dir: string, error: unknown): string {
  return `could not write statements cache in ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); statements kept in memory, analysed again at the next start`;
}

function oneLine(parts: (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => Boolean(p));
  return kept.length ? kept.join('; ') : null;
}
