// Analyses many articles across cores: a cold start of a large archive spent most of its time in
// analyseArticle on one thread (22 of 58 s at 22,000 articles). Batches go to worker threads, one per
// core, each sent the next batch when it answers, so memory in flight follows the batch size.
// Results come back as JSON (what the store keeps) in article order. Small jobs (a live update, the
// seeds) stay on this thread: a worker's start costs more than they do.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../types.js';
import { analyseArticle } from './analyseArticle.js';

/** Fewer articles than this are analysed on the calling thread. */
export const OFF_THREAD_FROM = 400;
/** Articles a worker is sent at a time. */
const BATCH = 100;
const WORKERS = Math.max(1, Math.min(4, availableParallelism()));
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './analysisWorker.mjs' : './analysisWorker.js', import.meta.url);

type Reply = { id: number; analyses: string[] } | { id: number; error: string };

/** Each article's analysis as JSON, in order. A batch whose worker fails is analysed here instead. */
export async function analyseAll(articles: Article[]): Promise<string[]> {
  if (articles.length < OFF_THREAD_FROM) return articles.map((article) => JSON.stringify(analyseArticle(article)));
  const results: string[] = new Array(articles.length);
  let next = 0;
  const inline = (from: number, to: number) => {
    for (let i = from; i < to; i++) results[i] = JSON.stringify(analyseArticle(articles[i]!));
  };
  const drain = async () => {
    let worker: Worker | null = null;
    try {
      worker = new Worker(WORKER_URL);
      worker.on('error', () => undefined); // a failed worker's batch is analysed inline below
      let id = 0;
      while (next < articles.length) {
        const from = next;
        const to = Math.min(articles.length, from + BATCH);
        next = to;
        const reply = await ask(worker, ++id, articles.slice(from, to));
        if (reply && 'analyses' in reply) reply.analyses.forEach((json, k) => (results[from + k] = json));
        else inline(from, to);
      }
    } catch {
      // No worker could start: what is left is analysed on this thread.
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, drain));
  for (let i = 0; i < results.length; i++) if (results[i] === undefined) results[i] = JSON.stringify(analyseArticle(articles[i]!));
  return results;
}

/** One batch's reply, or null when the worker stopped instead of answering. */
function ask(worker: Worker, id: number, articles: Article[]): Promise<Reply | null> {
  return new Promise((resolve) => {
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      worker.off('exit', onExit);
      worker.off('message', onMessage);
      resolve(reply);
    };
    const onExit = () => {
      worker.off('message', onMessage);
      resolve(null);
    };
    worker.on('message', onMessage);
    worker.once('exit', onExit);
    worker.postMessage({ id, articles });
  });
}
