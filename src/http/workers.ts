// WORKERS=N: N processes on one machine share the HTTP port through node:cluster (the primary
// accepts connections and hands them out in turn). Each worker is the same entry point in HTTP mode.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../bot/log.js';

/** A worker that dies sooner than this after starting is not restarted again (a crash loop). */
const MIN_UPTIME_MS = 10_000;

export async function runWorkers({ workers, port, logger, signal }: { workers: number; port: number; logger: Logger; signal: AbortSignal }): Promise<void> {
  // Round-robin everywhere (Windows defaults to letting the OS choose, which is uneven).
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const started = new Map<Worker, number>();
  const fork = () => started.set(cluster.fork(), Date.now());
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, sig) => {
    const uptime = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (signal.aborted) return;
    logger.error({ worker: worker.id, code, signal: sig, uptime }, 'worker exited');
    if (uptime >= MIN_UPTIME_MS) fork();
  });
  logger.info({ workers, port }, 'workers started');
  console.log(`coverage-bot is taking interactions on port ${port} with ${workers} workers. Ctrl+C to stop.`);
  await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  // Each worker gets SIGTERM, finishes what it is answering and exits 0.
  await Promise.all(
    [...started.keys()].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
  logger.info('workers stopped');
}
