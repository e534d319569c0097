// Shared state in Redis (REDIS_URL), through the official client (`redis`): every replica and worker
// sees one set of page queries, answered signatures and rate-limit windows. Each operation is one
// atomic command or script, so two workers racing on one replay or one /add cannot both win.
import { createClient } from 'redis';
import type { SharedState, TakeResult } from './sharedState.js';

const PREFIX = 'coverage-bot:';

/**
 * A sliding window in a sorted set: drop uses older than the window, count, and add this one only
 * if under the limit, all in one script. Returns 0 (taken) or the ms until the oldest use leaves.
 */
const TAKE = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window)
return 0
`;

export class RedisState implements SharedState {
  readonly where: string;

  private constructor(
    private readonly client: ReturnType<typeof createClient>,
    url: string,
  ) {
    // The URL may hold a password: the log names the host alone.
    const parsed = URL.canParse(url) ? new URL(url) : null;
    this.where = parsed ? `redis://${parsed.hostname}:${parsed.port || '6379'}` : 'redis';
  }

  /** Connects, or throws with the reason (the bot then stops with one line: it was asked to share). */
  static async connect(url: string): Promise<RedisState> {
    let lastError: Error | null = null;
    let ready = false;
    // Before the first connection a failure is final (one clear error at start, not a silent retry
    // loop); once running, a dropped connection is retried with backoff.
    const reconnectStrategy = (retries: number, cause: Error): number | Error => (ready ? Math.min(retries * 200, 2000) : cause);
    // No offline queue: while the server is away a command fails at once (FallbackState answers from
    // memory) instead of waiting, with the user's interaction, for a reconnect.
    const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 5000, reconnectStrategy } });
    client.on('error', (error: Error) => void (lastError = error));
    client.on('ready', () => void (ready = true));
    try {
      await client.connect();
    } catch (error) {
      try {
        client.destroy();
      } catch {
        // already closed by the failed connect
      }
      // The message names the host alone: the URL may hold a password.
      const reason = (lastError ?? (error as Error)).message.replaceAll(url, '<REDIS_URL>');
      throw new Error(`could not connect to Redis (${reason})`, { cause: error });
    }
    return new RedisState(client, url);
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.set(`${PREFIX}q:${key}`, value, { PX: ttlMs });
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(`${PREFIX}q:${key}`);
  }

  async firstSeen(id: string, ttlMs: number): Promise<boolean> {
    // SET NX: exactly one caller creates the key, however many workers race.
    return (await this.client.set(`${PREFIX}seen:${id}`, '1', { NX: true, PX: ttlMs })) === 'OK';
  }

  async take(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<TakeResult> {
    const member = `${now}:${Math.random().toString(36).slice(2)}`;
    const wait = Number(await this.client.eval(TAKE, { keys: [`${PREFIX}rate:${bucket}`], arguments: [String(now), String(windowMs), String(limit), member] }));
    return wait === 0 ? { ok: true } : { ok: false, retryInMs: wait };
  }

  async close(): Promise<void> {
    // QUIT waits for the server; with the server away (reconnecting) close the socket instead.
    try {
      if (this.client.isReady) await this.client.quit();
      else this.client.destroy();
    } catch {
      // already closed
    }
  }
}
