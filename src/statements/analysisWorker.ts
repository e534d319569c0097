// The analysis worker (started by analysisPool.ts): analyses each batch of articles it is sent and
// answers with each analysis as JSON, the form the store keeps it in.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../types.js';
import { analyseArticle } from './analyseArticle.js';

parentPort!.on('message', ({ id, articles }: { id: number; articles: Article[] }) => {
  try {
    parentPort!.postMessage({ id, analyses: articles.map((article) => JSON.stringify(analyseArticle(article))) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error) });
  }
});
