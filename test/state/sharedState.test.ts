// Shared state as replicas see it: two clients (two workers) of one place agree on page queries,
// refuse the second sight of one interaction, and hold one rate limit between them. Each backend the
// bot can run with: Redis (a real redis-server, started here), the embedded store (two processes'
// worth of connections to one file), and memory (one process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store, STORE_FILE } from '../../src/store/store.js';
import { RedisState } from '../../src/state/redisState.js';
import { MemoryState, type SharedState } from '../../src/state/sharedState.js';
import { StoreState } from '../../src/state/storeState.js';
import { openSharedState } from '../../src/state/openSharedState.js';
import { tempDir } from '../helpers.js';
import { REDIS_ABSENT_NOTE, redisAvailable, startRedis, type RedisServer } from './redisServer.js';

/** The same checks for any backend, given two clients of one shared place. */
function agreeing(pair: () => [SharedState, SharedState]) {
  it('a page query put by one worker is read by the other', async () => {
    const [a, b] = pair();
    await a.put('k1', 'ask?question=why', 60_000);
    expect(await b.get('k1')).toBe('ask?question=why');
    expect(await b.get('absent')).toBeNull();
  });

  it('an interaction is new once, across both workers, even when both see it at the same time', async () => {
    const [a, b] = pair();
    const id = `sig-${Math.random()}`;
    const verdicts = await Promise.all([a.firstSeen(id, 60_000), b.firstSeen(id, 60_000), a.firstSeen(id, 60_000), b.firstSeen(id, 60_000)]);
    expect(verdicts.filter(Boolean)).toHaveLength(1);
  });

  it('the rate limit holds across workers: five uses a minute, the sixth refused wherever it lands', async () => {
    const [a, b] = pair();
    const bucket = `add:${Math.random()}`;
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await (i % 2 ? b : a).take(bucket, 5, 60_000, now + i));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false });
    expect((results[5] as { retryInMs: number }).retryInMs).toBeGreaterThan(59_000);
    expect(await a.take(bucket, 5, 60_000, now + 60_001)).toEqual({ ok: true });
  });
}

describe.skipIf(!redisAvailable)(`Redis (REDIS_URL)${redisAvailable ? '' : ` — skipped: ${REDIS_ABSENT_NOTE}`}`, () => {
  let server: RedisServer;
  let clients: [SharedState, SharedState];
  beforeAll(async () => {
    server = await startRedis();
    clients = [await openSharedState({ redisUrl: server.url, cacheDir: tempDir() }), await RedisState.connect(server.url)];
  });
  afterAll(async () => {
    await Promise.all(clients?.map((c) => c.close()) ?? []);
    await server?.stop();
  });
  agreeing(() => clients);

  it('names the server in the log without a password', async () => {
    const withPassword = server.url.replace('redis://', 'redis://:hunter2@');
    const state = await RedisState.connect(withPassword).catch((error: Error) => error);
    // redis-server here has no password: AUTH fails, and the error must not carry the secret either.
    if (state instanceof Error) expect(state.message).not.toContain('hunter2');
    else {
      expect(state.where).not.toContain('hunter2');
      await state.close();
    }
  });

  it('keeps answering from memory, with one warning, when the server goes away while running', async () => {
    const going = await startRedis();
    const warnings: string[] = [];
    const state = await openSharedState({ redisUrl: going.url, cacheDir: tempDir(), warn: (line) => warnings.push(line) });
    expect(await state.firstSeen('before', 60_000)).toBe(true);
    await going.stop();
    const started = Date.now();
    expect(await state.firstSeen('during', 60_000)).toBe(true);
    expect(await state.firstSeen('during', 60_000)).toBe(false); // still refused, by this process
    expect(await state.take('add:x', 1, 60_000)).toEqual({ ok: true });
    expect(await state.take('add:x', 1, 60_000)).toMatchObject({ ok: false });
    await state.put('q', 'ask?question=x', 60_000);
    expect(await state.get('q')).toBe('ask?question=x');
    expect(Date.now() - started).toBeLessThan(5_000); // no waiting for a reconnect
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/shared state at redis:\/\/127\.0\.0\.1:\d+ failed .*answering from this process's memory/u);
    await state.close();
  });

  it('an unreachable REDIS_URL is one clear error, not a hang', async () => {
    const stopped = await startRedis();
    await stopped.stop();
    await expect(RedisState.connect(stopped.url)).rejects.toThrow(/could not connect to Redis/u);
  });
});

describe('the embedded store (no REDIS_URL)', () => {
  const dir = tempDir();
  let second: Store;
  let clients: [SharedState, SharedState];
  beforeAll(async () => {
    const first = await openSharedState({ cacheDir: dir });
    expect(first.where).toBe(join(dir, STORE_FILE));
    // A second connection to the same file, as another process has.
    second = Store.openSeparately(dir);
    clients = [first, new StoreState(second)];
  });
  afterAll(() => second?.close());
  agreeing(() => clients);
});

describe('memory (one process)', () => {
  const state = new MemoryState();
  agreeing(() => [state, state]);
});
