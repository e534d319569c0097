// `SHARDS=auto npm start`: discord.js's ShardingManager runs one process per shard; the stand-in
// recommends two and routes each server's events to shard (guild_id >> 22) % 2, as Discord does.
// The manager builds the index once; both shards load it from the cache folder.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { startStandin, type StandIn } from '../../src/standin/index.js';
import { shardOf } from '../../src/standin/world.js';
import { FAKE_TOKEN } from './harness.js';
import { WITH_TSX } from '../helpers.js';

let standin: StandIn;
beforeAll(async () => {
  standin = await startStandin({ token: FAKE_TOKEN, guilds: 2, recommendedShards: 2 });
  // Global commands, so both servers have them.
  await registerCommands({ token: FAKE_TOKEN, appId: standin.world.appId, guildId: null, apiUrl: standin.apiUrl });
});
afterAll(async () => {
  await standin?.close();
});

describe('SHARDS=auto', () => {
  it('runs two shards, each answering its own server, from one index built once', async () => {
    const [g0, g1] = standin.world.guilds;
    expect([shardOf(g0!.id, 2), shardOf(g1!.id, 2)].sort()).toEqual([0, 1]);
    const child = spawn(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_APP_ID: standin.world.appId,
        DISCORD_API_URL: standin.apiUrl,
        SHARDS: 'auto',
        CACHE_DIR: mkdtempSync(join(tmpdir(), 'coverage-bot-shards-')),
        LOG_LEVEL: 'info',
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const exited = new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
    await standin.ready(2);
    expect(standin.shards).toEqual([0, 1]);

    const a = standin.sendCommand('ask', { question: 'Why did Marco Rubio pull out of the London talks?' }, { guild: g0!.id });
    const b = standin.sendCommand('who', { person: 'Healey' }, { guild: g1!.id });
    expect(a.shards).toEqual([shardOf(g0!.id, 2)]);
    expect(b.shards).toEqual([shardOf(g1!.id, 2)]);
    const [ra, rb] = await Promise.all([a.reply(30_000), b.reply(30_000)]);
    expect(ra.embeds.length).toBeGreaterThan(0);
    expect(ra.guild_id).toBe(g0!.id);
    expect(rb.content).toContain('John Healey');
    expect(rb.guild_id).toBe(g1!.id);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const loads = err
      .split('\n')
      .filter((l) => l.includes('"coverage loaded"'))
      .map((l) => JSON.parse(l) as { fromCache: boolean });
    // The manager first (building), then each shard (loading what it wrote).
    expect(loads.map((l) => l.fromCache)).toEqual([false, true, true]);
    expect(out).toContain('(shard 0 of 2)');
    expect(out).toContain('(shard 1 of 2)');
  }, 120_000);
});
