// A shared state that keeps answering when its server does not: an operation that fails (Redis
// restarting, a network blip) is answered from this process's memory instead, with a warning at most
// once a minute. A user's interaction is never lost to the shared store being away; for that while,
// replays and rate limits are held per process, as they were before replicas shared them.
import { MemoryState, type SharedState, type TakeResult } from './sharedState.js';

/** At most one warning this often while the shared store keeps failing. */
export const FALLBACK_WARN_EVERY_MS = 60_000;

export class FallbackState implements SharedState {
  private readonly local = new MemoryState();
  private lastWarned = -Infinity;

  constructor(
    private readonly primary: SharedState,
    private readonly warn: (line: string) => void,
  ) {}

  get where(): string {
    return this.primary.where;
  }

  private async either<T>(operation: string, shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    try {
      return await shared();
    } catch (error) {
      const now = Date.now();
      if (now - this.lastWarned >= FALLBACK_WARN_EVERY_MS) {
        this.lastWarned = now;
        this.warn(`shared state at ${this.primary.where} failed (${operation}: ${(error as Error).message}); answering from this process's memory meanwhile`);
      }
      return local();
    }
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    // Kept locally as well: this process can page its own buttons whatever happens to the server.
    await this.local.put(key, value, ttlMs);
    await this.either('put', () => this.primary.put(key, value, ttlMs), async () => {});
  }

  async get(key: string): Promise<string | null> {
    return this.either('get', () => this.primary.get(key), () => this.local.get(key));
  }

  firstSeen(id: string, ttlMs: number): Promise<boolean> {
    return this.either('firstSeen', () => this.primary.firstSeen(id, ttlMs), () => this.local.firstSeen(id, ttlMs));
  }

  take(bucket: string, limit: number, windowMs: number, now?: number): Promise<TakeResult> {
    return this.either('take', () => this.primary.take(bucket, limit, windowMs, now), () => this.local.take(bucket, limit, windowMs, now));
  }

  close(): Promise<void> {
    return this.primary.close();
  }
}
