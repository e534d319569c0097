// At most `limit` uses per `windowMs` per key (a member): a sliding window of timestamps.

export interface RateLimiter {
  /** Counts one use; false (and the ms until the next is allowed) when over the limit. */
  take(key: string, now?: number): { ok: true } | { ok: false; retryInMs: number };
}

export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const uses = new Map<string, number[]>();
  return {
    take(key, now = Date.now()) {
      const recent = (uses.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        uses.set(key, recent);
        return { ok: false, retryInMs: windowMs - (now - recent[0]!) };
      }
      recent.push(now);
      uses.set(key, recent);
      return { ok: true };
    },
  };
}
