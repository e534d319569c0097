// Which shared state the bot uses: Redis when REDIS_URL is set (and reachable: asked to share, the
// bot does not quietly fall back to a state the other replicas cannot see), else the embedded store
// in the cache folder, else (a folder that cannot be written) this process's memory.
import { Store } from '../store/store.js';
import { FallbackState } from './fallbackState.js';
import { RedisState } from './redisState.js';
import { MemoryState, type SharedState } from './sharedState.js';
import { StoreState } from './storeState.js';

/**
 * Opens the bot's shared state; throws (one line) when REDIS_URL is set and unreachable at start.
 * Once running, a failing operation falls back to this process's memory with a warning (FallbackState).
 */
export async function openSharedState(options: { redisUrl?: string | null; cacheDir: string; warn?: (line: string) => void }): Promise<SharedState> {
  const warn = options.warn ?? (() => {});
  const url = options.redisUrl?.trim();
  if (url) return new FallbackState(await RedisState.connect(url), warn);
  const store = Store.forDir(options.cacheDir);
  return store.location === ':memory:' ? new MemoryState() : new FallbackState(new StoreState(store), warn);
}
