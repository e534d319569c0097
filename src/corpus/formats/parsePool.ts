// Reads HTML pages, Markdown and feeds off the answering thread: in worker threads (one on a 2-core
// machine, so the main thread keeps a core to answer on), one job at a time each. A job that runs
// past its time budget has its worker ended (the only way to stop synchronous parsing) and a new one
// starts for the next job; the file is skipped with the reason. A worker that dies (out of memory
// under its heap limit) costs that one file too.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseJob, ParseOutput } from './parseJob.js';
import { READ_TIMEOUT_MS } from './readBudget.js';

export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ReadOffThreadOptions {
  /** The job's time budget once a worker has it (default READ_TIMEOUT_MS). */
  timeoutMs?: number;
}

// Under tsx the .mjs entry registers tsx in the worker; the build in dist/ runs the compiled body.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './parseWorker.mjs' : './parseWorker.js', import.meta.url);
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
/** A hostile page must not take the process's memory with it. */
const WORKER_HEAP_MB = 1024;

interface Task {
  job: ParseJob;
  timeoutMs: number;
  resolve(outcome: ReadOutcome<unknown>): void;
}

type Reply = { ready: true } | { id: number; result: unknown } | { id: number; error: string };

const queue: Task[] = [];
const slots: Slot[] = [];

export function readOffThread<J extends ParseJob>(job: J, options: ReadOffThreadOptions = {}): Promise<ReadOutcome<ParseOutput<J>>> {
  return new Promise((resolve) => {
    queue.push({ job, timeoutMs: options.timeoutMs ?? READ_TIMEOUT_MS, resolve: resolve as Task['resolve'] });
    pump();
  });
}

/** Starts a worker ahead of the first job (it takes about a second), e.g. while plain files are read. */
export function warmUpReading(): void {
  if (slots.length === 0) slots.push(new Slot());
  slots[0]!.warmUp();
}

function pump(): void {
  while (queue.length > 0) {
    let slot = slots.find((s) => !s.busy);
    if (!slot && slots.length < POOL_SIZE) slots.push((slot = new Slot()));
    if (!slot) return;
    void slot.run(queue.shift()!).then(pump);
  }
}

class Slot {
  busy = false;
  private worker: Worker | null = null;
  private started: Promise<Worker> | null = null;
  private lastError: string | null = null;
  private nextId = 0;

  async run(task: Task): Promise<void> {
    this.busy = true;
    try {
      task.resolve(await this.attempt(task));
    } finally {
      this.busy = false;
    }
  }

  warmUp(): void {
    // A failed start is reported to the first job that needs the worker.
    this.start().then(
      (worker) => void (this.busy ? undefined : worker.unref()),
      () => undefined,
    );
  }

  private start(): Promise<Worker> {
    this.started ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      this.worker = worker;
      // Without a listener a worker's error would be thrown on this thread.
      worker.on('error', (error) => void (this.lastError = error.message));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.forget();
        reject(new Error(this.lastError ?? `exit code ${code}`));
      });
      worker.once('message', (reply: Reply) => {
        if ('ready' in reply) resolve(worker);
      });
    });
    return this.started;
  }

  private forget(): void {
    this.worker = null;
    this.started = null;
  }

  private async attempt(task: Task): Promise<ReadOutcome<unknown>> {
    let worker: Worker;
    try {
      worker = await this.start();
    } catch (error) {
      return { ok: false, reason: `the reading worker could not start (${(error as Error).message})` };
    }
    worker.ref();
    this.lastError = null;
    return new Promise((resolve) => {
      const id = ++this.nextId;
      const finish = (outcome: ReadOutcome<unknown>) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        // An idle worker does not keep the process alive.
        worker.unref();
        resolve(outcome);
      };
      const onMessage = (reply: Reply) => {
        if (!('id' in reply) || reply.id !== id) return;
        finish('error' in reply ? { ok: false, reason: `could not be read (${reply.error})` } : { ok: true, value: reply.result });
      };
      const onExit = () => finish({ ok: false, reason: `the reading worker stopped (${this.lastError ?? 'no reason given'})` });
      const timer = setTimeout(() => {
        finish({ ok: false, reason: `over the reading budget (not read within ${task.timeoutMs / 1000} s)` });
        this.forget();
        void worker.terminate();
      }, task.timeoutMs);
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ id, job: task.job });
    });
  }
}
