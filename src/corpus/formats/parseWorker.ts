// The reading worker (started by parsePool.ts through parseWorker.mjs): one job at a time, each
// answered with its result or the error it threw.
import { parentPort } from 'node:worker_threads';
import { parseJobRunner, type ParseJob } from './parseJob.js';

const run = await parseJobRunner();
parentPort!.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  try {
    parentPort!.postMessage({ id, result: run(job) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message ?? String(error) });
  }
});
parentPort!.postMessage({ ready: true });
