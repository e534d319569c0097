// What replicas must agree on, held across two workers (`INTERACTIONS=http WORKERS=2`): a request
// replayed to the other worker is refused, and /add's limit of five a minute is one count whichever
// worker each attempt lands on. With REDIS_URL (a real redis-server, started here) and with the
// default, the embedded store in the shared cache folder.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { MANAGE_SERVER_PERMISSIONS, startStandin, type InteractionRecord, type StandIn } from '../../src/standin/index.js';
import { snowflake } from '../../src/standin/snowflake.js';
import { FAKE_TOKEN } from '../bot/harness.js';
import { REDIS_ABSENT_NOTE, redisAvailable, startRedis, type RedisServer } from '../state/redisServer.js';
import { startWorkers } from './workersProcess.js';

/** One POST on a fresh connection (workers take connections in turn), with the status and the worker that answered. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; worker: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, worker: String(res.headers['x-worker']) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let standin: StandIn;
let redis: RedisServer | null = null;
beforeAll(async () => {
  standin = await startStandin({ token: FAKE_TOKEN });
  await registerCommands({ token: FAKE_TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl });
  if (redisAvailable) redis = await startRedis();
});
afterAll(async () => {
  await standin?.close();
  await redis?.stop();
});

const modes: { name: string; env: () => Record<string, string>; skip: boolean }[] = [
  { name: `REDIS_URL${redisAvailable ? '' : ` — skipped: ${REDIS_ABSENT_NOTE}`}`, env: () => ({ REDIS_URL: redis!.url }), skip: !redisAvailable },
  { name: 'the embedded store (no REDIS_URL)', env: () => ({}), skip: false },
];

describe.each(modes)('two workers sharing state: $name', ({ env, skip }) => {
  it.skipIf(skip)('refuses a replayed interaction on either worker, and holds /add to five a minute across them', async () => {
    const bot = await startWorkers(standin, env());
    try {
      expect(bot.workersUp.size).toBe(2);

      // A signed ping, answered once; the same bytes sent again are refused wherever they land.
      const body = JSON.stringify({ id: snowflake(), type: 1, application_id: standin.world.appId, token: 'ping', version: 1 });
      const headers = standin.sign(body);
      const first = await post(bot.url, body, headers);
      expect(first.status).toBe(200);
      const replays = [];
      for (let i = 0; i < 4; i++) replays.push(await post(bot.url, body, headers));
      expect(replays.map((r) => r.status)).toEqual([401, 401, 401, 401]);
      expect(replays.some((r) => r.worker !== first.worker)).toBe(true);

      // Six /add attempts by one moderator, in turn on the two workers: five are taken (and refused
      // later for a private address), the sixth is refused by the shared limit.
      standin.deliverOverHttp(bot.url);
      const moderator = { user: { id: snowflake(), username: 'mod', global_name: 'mod', discriminator: '0', avatar: null }, member: { permissions: MANAGE_SERVER_PERMISSIONS } };
      const adds: InteractionRecord[] = [];
      const replies = [];
      for (let i = 0; i < 6; i++) {
        const add = standin.sendCommand('add', { url: `http://127.0.0.1:9/news/${i}` }, moderator);
        adds.push(add);
        replies.push(await add.reply(20_000));
      }
      expect(new Set(adds.map((a) => a.servedBy)).size).toBe(2);
      for (const reply of replies.slice(0, 5)) expect(reply.content).not.toMatch(/at most 5 articles a minute/u);
      expect(replies[5]!.content).toMatch(/You can add at most 5 articles a minute; try again in \d+ s\./u);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  }, 150_000);
});
