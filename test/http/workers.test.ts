// `INTERACTIONS=http WORKERS=2 npm start` as a process: two node:cluster workers on one port answer
// interactions in turn, a page button made by one is answered by the other, and SIGTERM stops both.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { startStandin, type InteractionRecord, type StandIn } from '../../src/standin/index.js';
import { buttonLabelled, FAKE_TOKEN } from '../bot/harness.js';
import { WITH_TSX } from '../helpers.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The worker that answered a fresh connection's GET /healthz, or null while none is up. */
function healthyWorker(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? String(res.headers['x-worker']) : null);
    }).on('error', () => resolve(null));
  });
}

let standin: StandIn;
beforeAll(async () => {
  standin = await startStandin({ token: FAKE_TOKEN });
  await registerCommands({ token: FAKE_TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl });
});
afterAll(async () => {
  await standin?.close();
});

describe('WORKERS=2', () => {
  it('answers from both workers, pages across them, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], {
      env: {
        ...process.env,
        INTERACTIONS: 'http',
        WORKERS: '2',
        PORT: String(port),
        HOST: '127.0.0.1',
        DISCORD_PUBLIC_KEY: standin.publicKeyHex,
        DISCORD_APP_ID: standin.world.appId,
        DISCORD_API_URL: standin.apiUrl,
        DISCORD_TOKEN: '',
        CACHE_DIR: mkdtempSync(join(tmpdir(), 'coverage-bot-workers-')),
        LOG_LEVEL: 'info',
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const health = `http://127.0.0.1:${port}/healthz`;
    const workersUp = new Set<string>();
    // Three processes load the coverage on a busy machine: allow them a minute.
    for (const until = Date.now() + 60_000; Date.now() < until && workersUp.size < 2; ) {
      const worker = await healthyWorker(health);
      if (worker) workersUp.add(worker);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(workersUp.size).toBe(2);
    standin.deliverOverHttp(`http://127.0.0.1:${port}/interactions`);

    const asks: InteractionRecord[] = [];
    for (let i = 0; i < 6; i++) asks.push(standin.sendCommand('ask', { question: 'What happened at the London talks on Ukraine?' }));
    const replies = await Promise.all(asks.map((a) => a.reply(20_000)));
    expect(new Set(asks.map((a) => a.servedBy)).size).toBe(2);
    // Workers take connections in turn: of two successive clicks, one lands on the other worker
    // than the one that answered the command.
    const clicks: InteractionRecord[] = [];
    const next = standin.clickButton(asks[0]!, buttonLabelled(replies[0]!, 'Next').custom_id);
    clicks.push(next);
    const second = await next.reply(20_000);
    expect(second.id).toBe(replies[0]!.id);
    expect(second.content).toMatch(/showing 4–/u);
    const back = standin.clickButton(asks[0]!, buttonLabelled(second, 'Previous').custom_id);
    clicks.push(back);
    expect((await back.reply(20_000)).embeds).toEqual(replies[0]!.embeds);
    expect(clicks.some((c) => c.servedBy !== asks[0]!.servedBy)).toBe(true);

    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
    expect(code).toBe(0);
    expect(out).toContain('with 2 workers');
    expect(err).toContain('"msg":"workers stopped"');
  }, 150_000);
});
