// Which shared state the bot uses: Redis when REDIS_URL is set (and reachable: asked to share, the
// bot does not quietly fall back to a state the other replicas cannot see), else the embedded store
// in the cache folder, else (a folder that cannot be written) this process's memory.
import { Store } from '../store/store.js';
import { RedisState } from './redisState.js';
import { MemoryState, type SharedState } from './sharedState.js';
import { StoreState } from './storeState.js';

export async function openSharedState(options: { redisUrl?: string | null; cacheDir: string }): Promise<SharedState> {
  const url = options.redisUrl?.trim();
  if (url) return RedisState.connect(url);
  const store = Store.forDir(options.cacheDir);
  return store.location === ':memory:' ? new MemoryState() : new StoreState(store);
}
