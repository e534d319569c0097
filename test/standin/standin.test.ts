// The stand-in's own protocol: what discord.js relies on when it logs in and responds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startStandin, type StandIn } from '../../src/standin/index.js';

const TOKEN = 'standin.test.token';
let standin: StandIn;
beforeAll(async () => {
  standin = await startStandin({ token: TOKEN });
});
afterAll(async () => {
  await standin?.close();
});

describe('REST', () => {
  it('serves GET /v10/gateway/bot with its ws URL, with or without the /api prefix', async () => {
    for (const base of [standin.apiUrl, standin.apiUrl.replace(/\/api$/u, '')]) {
      const res = await fetch(`${base}/v10/gateway/bot`, { headers: { authorization: `Bot ${TOKEN}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { url: string; shards: number; session_start_limit: { remaining: number } };
      expect(body.url).toBe(standin.gatewayUrl);
      expect(body.shards).toBe(1);
      expect(body.session_start_limit.remaining).toBeGreaterThan(0);
    }
  });

  it('refuses a wrong token with 401 and unknown interactions with 404', async () => {
    const res = await fetch(`${standin.apiUrl}/v10/gateway/bot`, { headers: { authorization: 'Bot nope' } });
    expect(res.status).toBe(401);
    const cb = await fetch(`${standin.apiUrl}/v10/interactions/1/x/callback?with_response=false`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'hi' } }),
    });
    expect(cb.status).toBe(404);
  });
});

describe('gateway', () => {
  it('says HELLO, answers IDENTIFY with READY then GUILD_CREATE, and ACKs heartbeats', async () => {
    const ws = new WebSocket(`${standin.gatewayUrl}?v=10&encoding=json`);
    const seen: { op: number; t: string | null; d: Record<string, unknown> }[] = [];
    const next = (pred: (p: (typeof seen)[number]) => boolean) =>
      new Promise<(typeof seen)[number]>((resolve) => {
        const check = () => {
          const found = seen.find(pred);
          if (found) resolve(found);
          else setTimeout(check, 10);
        };
        check();
      });
    ws.on('message', (raw) => seen.push(JSON.parse(String(raw))));
    const hello = await next((p) => p.op === 10);
    expect(hello.d.heartbeat_interval).toBeGreaterThan(0);
    ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1, properties: {} } }));
    const ready = await next((p) => p.t === 'READY');
    expect((ready.d.application as { id: string }).id).toBe(standin.world.appId);
    const guild = await next((p) => p.t === 'GUILD_CREATE');
    expect((guild.d.channels as unknown[]).length).toBeGreaterThan(0);
    ws.send(JSON.stringify({ op: 1, d: 2 }));
    await next((p) => p.op === 11);
    ws.close();
  });

  it('dispatches realistic INTERACTION_CREATE payloads and records the response flow', async () => {
    const ws = new WebSocket(standin.gatewayUrl);
    const events: { t: string | null; d: Record<string, any> }[] = [];
    ws.on('message', (raw) => events.push(JSON.parse(String(raw))));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(JSON.stringify({ op: 2, d: { token: TOKEN } }));
    await new Promise<void>((resolve) => {
      const check = () => (events.some((e) => e.t === 'GUILD_CREATE') ? resolve() : setTimeout(check, 5));
      check();
    });
    const ix = standin.sendCommand('ask', { question: 'Why?', hide: true });
    await new Promise<void>((resolve) => {
      const check = () => (events.some((e) => e.t === 'INTERACTION_CREATE') ? resolve() : setTimeout(check, 5));
      check();
    });
    const d = events.find((e) => e.t === 'INTERACTION_CREATE')!.d;
    expect(d).toMatchObject({ id: ix.id, token: ix.token, type: 2, version: 1, application_id: standin.world.appId, guild_id: standin.world.guildId });
    expect(d.channel.id).toBe(standin.world.channelId);
    expect(d.member.user.id).toBe(standin.world.asker.id);
    expect(typeof d.member.permissions).toBe('string');
    expect(typeof d.app_permissions).toBe('string');
    expect(d.locale).toBeTruthy();
    expect(d.data.options).toEqual([
      { name: 'question', type: 3, value: 'Why?' },
      { name: 'hide', type: 5, value: true },
    ]);

    const base = `${standin.apiUrl}/v10`;
    const post = (path: string, body: unknown, method = 'POST') =>
      fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const deferred = await post(`/interactions/${ix.id}/${ix.token}/callback?with_response=true`, { type: 5, data: { flags: 64 } });
    expect(deferred.status).toBe(200);
    const response = (await deferred.json()) as { interaction: any; resource: any };
    expect(response.interaction).toMatchObject({ id: ix.id, response_message_loading: true, response_message_ephemeral: true });
    expect(response.resource.message.id).toBe(ix.originalMessageId);
    const again = await post(`/interactions/${ix.id}/${ix.token}/callback`, { type: 4, data: { content: 'twice' } });
    expect(again.status).toBe(400);

    const edit = await post(`/webhooks/${standin.world.appId}/${ix.token}/messages/@original`, { content: 'Done', allowed_mentions: { parse: [] } }, 'PATCH');
    const edited = (await edit.json()) as Record<string, unknown>;
    expect(edited).toMatchObject({ id: ix.originalMessageId, channel_id: standin.world.channelId, content: 'Done', flags: 64 });
    const reply = await ix.reply();
    expect(reply.content).toBe('Done');
    expect(ix.ackMs).toBeGreaterThanOrEqual(0);
    const fetched = await fetch(`${base}/webhooks/${standin.world.appId}/${ix.token}/messages/@original`);
    expect(((await fetched.json()) as { content: string }).content).toBe('Done');
    ws.close();
  });

  it('closes with 4004 on a wrong token', async () => {
    const ws = new WebSocket(standin.gatewayUrl);
    ws.on('open', () => ws.send(JSON.stringify({ op: 2, d: { token: 'wrong' } })));
    const code = await new Promise((resolve) => ws.on('close', resolve));
    expect(code).toBe(4004);
  });
});
