// Which shared state the bot uses: Redis when REDIS_URL is set (and reachable: asked to share, the
// bot does not quietly fall back to a state the other replicas cannot see), else the embedded store
// in the cache folder, else (a folder that cannot be written) this process's memory.
import { Store } from '../store/store.js';
import { FallbackState } from './fallbackState.js';
import { MemoryState, type SharedState } from './sharedState.js';
import { StoreState } from './storeState.js';

/**
 * Opens the bot's shared state; throws (one line) when REDIS_URL is set and unreachable at start.
 * Once running, a failing operation falls back to this process's memory with a warning (FallbackState).
 */
export async function openSharedState(options: { redisUrl?: string | null; cacheDir: string; warn?: (line: string) => void }): Promise<SharedState> {
  const warn = options.warn ?? (() => {});
  const url = options.redisUrl?.trim();
  if (url) {
    // Loaded only when asked for: the client costs 0.2 s of every start that does not use it.
    const { RedisState } = await import('./redisState.js');
    return new FallbackState(await RedisState.connect(url), warn);
  }
  const store = Store.forDir(options.cacheDir);
  if (store.location !== ':memory:') return new FallbackState(new StoreState(store), warn);
  warn(`shared state kept in this process's memory (no store could be opened in ${options.cacheDir}): long page-button queries, replay checks and /add's rate limit are not shared with other replicas or kept across a restart`);
  return new MemoryState();
}
