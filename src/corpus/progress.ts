// Progress of the steps that can take long on a large coverage, for whoever is watching (the bot's
// log, a command line). Reported often (per file); the receiver decides how often to show it.

export type ProgressStep = 'articles' | 'statements' | 'index';

export interface ProgressEvent {
  step: ProgressStep;
  /** Units done so far (files read, articles analysed); equal to `total` when the step is over. */
  done: number;
  total: number;
  /** Set on the last event of a step. */
  finished?: boolean;
  /** Extra words for the last event, e.g. "loaded from cache". */
  detail?: string;
}

export type OnProgress = (event: ProgressEvent) => void;
