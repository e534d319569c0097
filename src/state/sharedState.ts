// State that every replica and worker of the bot must agree on: the queries behind page buttons too
// long for a custom_id, the signatures of HTTP interactions already answered (a replay is refused on
// any worker), and the rate limit of /add (counted across workers, not per process). Three places
// keep it, one interface: Redis when REDIS_URL is set (src/state/redisState.ts), else the embedded
// store beside the caches (src/state/storeState.ts, shared by processes on one machine or volume),
// or memory for one process (tests, a read-only cache folder).

export type TakeResult = { ok: true } | { ok: false; retryInMs: number };

export interface SharedState {
  /** Where it lives, for the operator's log ("redis://…", a file, "memory"); never a secret. */
  readonly where: string;
  /** Keeps `value` under `key` for `ttlMs` (a page query; the same key always holds the same value). */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  get(key: string): Promise<string | null>;
  /** True the first time `id` is offered within `ttlMs`, false every time after (a replayed request). */
  firstSeen(id: string, ttlMs: number): Promise<boolean>;
  /** Counts one use of `bucket`: at most `limit` within any `windowMs`. */
  take(bucket: string, limit: number, windowMs: number, now?: number): Promise<TakeResult>;
  close(): Promise<void>;
}

/** One process's state, in maps; what the others build on for their semantics. */
export class MemoryState implements SharedState {
  readonly where = 'memory';
  private readonly values = new Map<string, { value: string; until: number }>();
  private readonly seen = new Map<string, number>();
  private readonly uses = new Map<string, number[]>();

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, until: Date.now() + ttlMs });
  }

  async get(key: string): Promise<string | null> {
    const entry = this.values.get(key);
    if (!entry || entry.until < Date.now()) return null;
    return entry.value;
  }

  async firstSeen(id: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    for (const [seen, until] of this.seen) if (until < now) this.seen.delete(seen);
    if (this.seen.has(id)) return false;
    this.seen.set(id, now + ttlMs);
    return true;
  }

  async take(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<TakeResult> {
    const recent = (this.uses.get(bucket) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= limit) {
      this.uses.set(bucket, recent);
      return { ok: false, retryInMs: windowMs - (now - recent[0]!) };
    }
    recent.push(now);
    this.uses.set(bucket, recent);
    return { ok: true };
  }

  async close(): Promise<void> {}
}
