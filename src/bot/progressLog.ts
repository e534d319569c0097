// Turns loading progress into log lines a person can follow: what each step is doing, a line at
// most every few seconds while it runs, and what it came to. The ready line sums it all up.
import type { Library } from '../answer/library.js';
import type { OnProgress, ProgressEvent, ProgressStep } from '../corpus/progress.js';
import type { Logger } from './log.js';

/** At most one "still going" line per step this often. */
export const PROGRESS_INTERVAL_MS = 2000;

const n = (value: number) => value.toLocaleString('en-GB');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const STARTING: Record<ProgressStep, (e: ProgressEvent) => string> = {
  articles: (e) => `reading ${n(e.total)} files…`,
  statements: (e) => `analysing statements in ${n(e.total)} articles…`,
  index: (e) => `opening the search index over ${n(e.total)} paragraphs…`,
};
const RUNNING: Record<ProgressStep, (e: ProgressEvent) => string> = {
  articles: (e) => `read ${n(e.done)} of ${n(e.total)} files (${Math.floor((100 * e.done) / Math.max(1, e.total))}%)`,
  statements: (e) => `analysed ${n(e.done)} of ${n(e.total)} articles`,
  index: (e) => `indexed ${n(e.done)} of ${n(e.total)} paragraphs`,
};
const FINISHED: Record<ProgressStep, (e: ProgressEvent, ms: number) => string> = {
  articles: (e, ms) => `read ${n(e.total)} files in ${seconds(ms)}`,
  statements: (e, ms) => `analysed statements in ${n(e.total)} articles in ${seconds(ms)}${e.detail ? ` (${e.detail})` : ''}`,
  index: (e, ms) => `search index ${e.detail ?? 'ready'} in ${seconds(ms)} (${n(e.total)} paragraphs)`,
};

export interface ProgressReporter {
  onProgress: OnProgress;
  /** The one line that says the bot can answer: counts and times, or that the coverage is empty. */
  ready(library: Library, where: string): void;
}

export function progressReporter(logger: Logger, options: { intervalMs?: number; now?: () => number } = {}): ProgressReporter {
  const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const began = now();
  const started = new Map<ProgressStep, number>();
  const lastLine = new Map<ProgressStep, number>();
  return {
    onProgress(event) {
      const t = now();
      if (!started.has(event.step)) {
        started.set(event.step, t);
        lastLine.set(event.step, t);
        if (!event.finished) logger.info(STARTING[event.step](event));
      }
      if (event.finished) {
        logger.info(FINISHED[event.step](event, t - started.get(event.step)!));
      } else if (t - lastLine.get(event.step)! >= interval) {
        lastLine.set(event.step, t);
        logger.info(RUNNING[event.step](event));
      }
    },
    ready(library, where) {
      const { articles, passages, statements, people, skipped } = library.coverage;
      const took = seconds(now() - began);
      const skips = skipped.length ? `; ${n(skipped.length)} ${skipped.length === 1 ? 'file' : 'files'} skipped` : '';
      if (articles.length === 0) {
        logger.warn(`ready in ${took}, but the coverage in ${where} is empty: no readable articles${skips}. /ask will say so.`);
        return;
      }
      logger.info(
        `ready in ${took}: ${n(articles.length)} articles, ${n(passages.length)} paragraphs, ${n(statements.length)} statements, ${n(people.length)} people from ${where}${skips}`,
      );
    },
  };
}
