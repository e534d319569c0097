// Watches the coverage folder and hands changed paths over in batches. chokidar does the watching
// (inotify on Linux, with its fixes for editors' atomic saves); its awaitWriteFinish holds back a file
// until its size has stopped changing, so a file still being written is read once, complete. Events
// are gathered until the folder has been quiet for `quietMs` (or `maxWaitMs` since the first one), so
// a thousand files dropped at once arrive as one batch and one update.
import { watch } from 'chokidar';
import { basename, resolve } from 'node:path';

export interface WatchOptions {
  dir: string;
  /** Called with each batch of paths added, changed or removed; batches never overlap. */
  onBatch(paths: string[]): Promise<void> | void;
  onError?(error: unknown): void;
  /** Quiet time that closes a batch (default 300 ms). */
  quietMs?: number;
  /** Longest a batch stays open while events keep coming (default 2 s). */
  maxWaitMs?: number;
  /** A file counts as written when its size has not changed for this long (default 500 ms; polled every 100 ms). */
  writeStableMs?: number;
}

export interface CoverageWatcher {
  close(): Promise<void>;
}

/** Editors' swap and backup files, partial downloads, and our own tmp-then-rename files. */
const SCRATCH = /(^\.|~$|\.(tmp|swp|swx|part|crdownload)$)/iu;

export async function watchCoverage(options: WatchOptions): Promise<CoverageWatcher> {
  const root = resolve(options.dir);
  const quietMs = options.quietMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const writeStableMs = options.writeStableMs ?? 500;
  const watcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    ignored: (path) => resolve(path) !== root && SCRATCH.test(basename(path)),
    awaitWriteFinish: { stabilityThreshold: writeStableMs, pollInterval: Math.min(100, writeStableMs) },
  });

  let pending = new Set<string>();
  let quiet: NodeJS.Timeout | null = null;
  let deadline: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const flush = () => {
    if (quiet) clearTimeout(quiet);
    if (deadline) clearTimeout(deadline);
    quiet = deadline = null;
    if (pending.size === 0 || closed) return;
    const batch = [...pending];
    pending = new Set();
    running = running.then(async () => {
      try {
        await options.onBatch(batch);
      } catch (error) {
        options.onError?.(error);
      }
    });
  };
  const queue = (path: string) => {
    pending.add(resolve(root, path));
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(flush, quietMs);
    deadline ??= setTimeout(flush, maxWaitMs);
  };
  watcher.on('add', queue).on('change', queue).on('unlink', queue);
  watcher.on('error', (error) => options.onError?.(error));
  await new Promise<void>((ready) => watcher.once('ready', ready));

  return {
    async close() {
      closed = true;
      if (quiet) clearTimeout(quiet);
      if (deadline) clearTimeout(deadline);
      await watcher.close();
      await running;
    },
  };
}
