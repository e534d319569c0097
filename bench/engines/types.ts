// The one shape every engine adapter has, so the worker measures them all the same way.
// Results are positions into the passages array the engine was built over (ids are positions).
import type { Passage } from '../../src/types.js';

export interface Engine {
  /** Index these passages; the id of passages[i] is i. */
  build(passages: readonly Passage[]): void | Promise<void>;
  /** The persisted form, as the string the engine's own save/export produces (JSON). */
  serialize(): string | Promise<string>;
  /** Replace the index with one loaded from `serialize()` output (parse included in the timing). */
  load(serialized: string, passages: readonly Passage[]): void | Promise<void>;
  /** Best first, at most `limit` passage positions. */
  search(query: string, limit: number): number[] | Promise<number[]>;
  /** Anything worth printing under the table (configuration, caveats). */
  note?: string;
}

export type EngineFactory = () => Engine;

/** Adapter modules by engine name; loaded lazily so each child process only imports its own engine. */
export const ENGINES: Record<string, () => Promise<{ default: EngineFactory }>> = {
  ours: () => import('./ours.js'),
  'minisearch-default': () => import('./minisearchDefault.js'),
  lunr: () => import('./lunr.js'),
  flexsearch: () => import('./flexsearch.js'),
  orama: () => import('./orama.js'),
};

export const ENGINE_ORDER = ['minisearch-default', 'ours', 'lunr', 'flexsearch', 'orama'];
