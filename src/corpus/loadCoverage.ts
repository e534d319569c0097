import type { Coverage } from '../types.js';
import { analyseStatements } from '../statements/analyseStatements.js';
import { loadArticles } from './loadArticles.js';

/** Loads articles from files and folders and derives statements and the people register from them. */
export async function loadCoverage(paths: string | string[]): Promise<Coverage & { warnings: string[] }> {
  const { articles, skipped, warnings } = await loadArticles(paths);
  const { statements, people } = analyseStatements(articles);
  return { articles, passages: articles.flatMap((a) => a.paragraphs), statements, people, skipped, warnings };
}
