// Statements and the people register, kept in the cache store (src/store/store.ts). Each article's
// analysis is filed under a sha256 of its bytes (as loaded: id, date, paragraphs) and of the analysis
// code, limits and the packages it reads with, so a changed or added article re-runs alone and a warm
// start re-runs none; the merged register is filed under the hash of all of them, so an unchanged
// coverage skips the merge too and a warm start reads only that one record. A record from other code,
// damaged, or in a folder that cannot be written is not used: rebuilt, the last two with one warning.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultCacheDir } from '../cacheFile.js';
import { Store } from '../store/store.js';
import { storedReadCache } from '../store/storedReadCache.js';
import type { ReadCache } from '../corpus/readCache.js';
import { loadArticles, type LoadOptions } from '../corpus/loadArticles.js';
import type { Article, Coverage } from '../types.js';
import type { ArticleAnalysis } from './analyseArticle.js';
import { analyseAll } from './analysisPool.js';
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
export function articleKey(article: Article, fingerprint: string = ANALYSIS_FINGERPRINT): string {
  const hash = createHash('sha256').update(`${fingerprint}\u0000${article.doc}\u0000${article.publishedOn ?? ''}\u0000`);
  for (const p of article.paragraphs) hash.update(`${p.paragraph}\u0000${p.text}\u0001`);
  return hash.digest('hex');
}

export async function analyseCached(articles: Article[], options: StatementsCacheOptions): Promise<CachedAnalysis> {
  const { store, scope } = storeFor(options);
  const keys = articles.map((a) => articleKey(a, options.fingerprint));
  const record = mergedRecord(store, scope, keys);
  const merged = record.read();
  if (merged) return { ...merged, reused: articles.length, analysed: 0, mergedFromCache: true, file: store.location, cacheWarning: oneLine(store.takeWarnings()) };

  const { analyses, reused, writeWarning: itemsWarning } = await analysesFor(articles, keys, store, scope);
  const result = mergeAnalyses(articles, analyses);
  const writeWarning = record.write(result);
  return { ...result, reused, analysed: articles.length - reused, mergedFromCache: false, file: store.location, cacheWarning: oneLine([...store.takeWarnings(), itemsWarning, writeWarning]) };
}

/** The loader's read cache for this coverage, in the same store (src/store/storedReadCache.ts). */
export function readCacheFor(options: StatementsCacheOptions): ReadCache {
  const { store, scope } = storeFor(options);
  return storedReadCache(store, scope);
}

/** The merged register of exactly the articles with these keys, as the store keeps it. */
function mergedRecord(store: Store, scope: string, keys: readonly string[]) {
  const key = createHash('sha256').update(keys.join('\u0000')).digest('hex');
  return {
    read(): AnalysedCoverage | null {
      const stored = decode<AnalysedCoverage>(store.getRecord('statements', scope, key)?.[0]);
      return stored && Array.isArray(stored.statements) && Array.isArray(stored.people) ? { statements: stored.statements, people: stored.people, warnings: stored.warnings ?? [] } : null;
    },
    /** Keeps `result`; the warning line when the store cannot be written. */
    write(result: AnalysedCoverage): string | null {
      try {
        store.putRecord('statements', scope, key, [Buffer.from(JSON.stringify(result))]);
        return null;
      } catch (error) {
        return unwritable(store.location, error);
      }
    },
  };
}

/** The store and the scope (one coverage folder, or set of files) its rows are filed under. */
function storeFor(options: StatementsCacheOptions) {
  const store = Store.forDir(options.dir ?? defaultCacheDir());
  const scope = createHash('sha256').update([options.coverage].flat().map((p) => resolve(p)).join('\u0000')).digest('hex').slice(0, 16);
  return { store, scope };
}

/**
 * Each article's analysis, from the store where its key is filed, else analysed now; new ones are
 * written and analyses of articles no longer in the coverage dropped, in one transaction.
 */
async function analysesFor(articles: Article[], keys: string[], store: Store, scope: string): Promise<{ analyses: ArticleAnalysis[]; reused: number; writeWarning: string | null }> {
  const found = store.getItems('analysis', scope, keys);
  const analyses: (ArticleAnalysis | null)[] = articles.map((article, i) => {
    const hit = decode<ArticleAnalysis>(found.get(keys[i]!));
    return hit && hit.doc === article.doc ? hit : null;
  });
  const missing = analyses.flatMap((a, i) => (a ? [] : [i]));
  const fresh = new Map<string, Uint8Array>();
  const json = await analyseAll(missing.map((i) => articles[i]!));
  missing.forEach((i, k) => {
    analyses[i] = JSON.parse(json[k]!) as ArticleAnalysis;
    fresh.set(keys[i]!, Buffer.from(json[k]!));
  });
  let writeWarning: string | null = null;
  if (fresh.size > 0 || found.size < new Set(keys).size) {
    try {
      store.putItems('analysis', scope, fresh, new Set(keys));
    } catch (error) {
      writeWarning = unwritable(store.location, error);
    }
  }
  return { analyses: analyses as ArticleAnalysis[], reused: articles.length - missing.length, writeWarning };
}

/**
 * Each article's own analysis (not merged), from the store where it holds; new analyses are written.
 * For a library that merges again on every update (src/live/analyse.ts), so that its start is warm too:
 * with the merged register of exactly these articles when the store has it (`merged`), else a way to
 * keep the one it merges (`saveMerged`), so the next start skips the merge.
 */
export async function articleAnalysesCached(
  articles: Article[],
  options: StatementsCacheOptions,
): Promise<{ analyses: ArticleAnalysis[]; reused: number; cacheWarning: string | null; merged: AnalysedCoverage | null; saveMerged(result: AnalysedCoverage): string | null }> {
  const { store, scope } = storeFor(options);
  const keys = articles.map((a) => articleKey(a, options.fingerprint));
  const { analyses, reused, writeWarning } = await analysesFor(articles, keys, store, scope);
  const record = mergedRecord(store, scope, keys);
  return { analyses, reused, cacheWarning: oneLine([...store.takeWarnings(), writeWarning]), merged: record.read(), saveMerged: record.write };
}

/** Loads articles and their statements, analysis from the cache where it holds. */
export async function loadCoverageCached(paths: string | string[], cacheDir?: string, options: LoadOptions = {}): Promise<Coverage & { warnings: string[]; analysis: CachedAnalysis }> {
  const { articles, skipped, warnings } = await loadArticles(paths, { ...options, readCache: readCacheFor({ dir: cacheDir, coverage: paths }) });
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

/** A stored JSON body, or null when absent or not JSON (from other code: rebuilt). */
function decode<T>(body: Buffer | undefined): T | null {
  if (!body) return null;
  try {
    const value = JSON.parse(body.toString('utf8')) as T;
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

/** A cache folder that cannot be written: the analysis is kept in memory for this run. */
function unwritable(dir: string, error: unknown): string {
  return `could not write statements cache ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); statements kept in memory, analysed again at the next start`;
}

function oneLine(parts: (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => Boolean(p));
  return kept.length ? kept.join('; ') : null;
}
