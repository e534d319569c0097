import type { Coverage } from '../types.js';
import { analyseStatements } from './analyseStatements.js';
import { loadArticles, type LoadOptions } from '../corpus/loadArticles.js';

/** Loads articles from files and folders and derives statements and the people register from them. */
export async function loadCoverage(paths: string | string[], options: LoadOptions = {}): Promise<Coverage & { warnings: string[] }> {
  const { articles, skipped, warnings } = await loadArticles(paths, options);
  options.onProgress?.({ step: 'statements', done: 0, total: articles.length });
  const { statements, people } = analyseStatements(articles);
  options.onProgress?.({ step: 'statements', done: articles.length, total: articles.length, finished: true, detail: `${statements.length.toLocaleString('en-GB')} statements, ${people.length.toLocaleString('en-GB')} people` });
  return { articles, passages: articles.flatMap((a) => a.paragraphs), statements, people, skipped, warnings };
}
