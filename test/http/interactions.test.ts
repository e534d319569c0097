// POST /interactions: every request's signature checked with Node's crypto; PING, commands,
// autocomplete and page buttons answered with the same dispatcher and commands as the gateway bot.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_YOURS } from '../../src/bot/pagination.js';
import type { AddressInfo } from 'node:net';
import { MessageFlags, REST } from 'discord.js';
import { createLogger } from '../../src/bot/log.js';
import { DEFER_HOLD_MS } from '../../src/http/httpInteraction.js';
import { createInteractionServer, type InteractionServer } from '../../src/http/server.js';
import { publicKeyFromHex } from '../../src/http/verify.js';
import { buttonLabelled } from '../bot/harness.js';
import { startHttpHarness, type HttpHarness } from './harness.js';

const QUESTION = 'What happened at the London talks on Ukraine?';
const ranks = (m: { embeds: { title?: string }[] }) => m.embeds.map((e) => Number(/^(\d+)\./u.exec(e.title ?? '')?.[1]));

let h: HttpHarness;
let url: string;
beforeAll(async () => {
  h = await startHttpHarness(1);
  url = h.urls[0]!;
});
afterAll(async () => {
  await h?.close();
});

const post = (body: string, headers: Record<string, string>) => fetch(url, { method: 'POST', headers, body });
const now = () => Math.floor(Date.now() / 1000);

describe('answering over HTTP', () => {
  it('answers PING with PONG', async () => {
    const body = JSON.stringify({ id: '1', application_id: h.standin.world.appId, type: 1, token: 't', version: 1 });
    const res = await post(body, h.standin.sign(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('answers /ask in the HTTP reply itself when the answer is ready at once', async () => {
    const ix = h.standin.sendCommand('ask', { question: QUESTION });
    const reply = await ix.reply();
    expect(ix.callbacks.map((c) => c.type)).toEqual([4]);
    expect(ranks(reply)).toEqual([1, 2, 3]);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(h.standin.requests.filter((r) => r.path.includes(ix.token))).toEqual([]); // no webhook call needed
  });

  it('answers /who, a hidden answer, and autocomplete', async () => {
    const who = await h.standin.sendCommand('who', { person: 'Healey', hide: true }).reply();
    expect(who.flags & 64).toBe(64);
    expect(who.content).toContain('John Healey');
    const choices = await h.standin.sendAutocomplete('who', 'person', 'Hea').choices();
    expect(choices.map((c) => c.value)).toContain('John Healey');
  });

  it('passes the member\'s permissions on, so Manage Server counts for /add over HTTP too', async () => {
    const asMember = await h.standin.sendCommand('add', { url: 'ftp://example.org/story' }).reply();
    expect(asMember.content).toMatch(/^Only members with the Manage Server permission/u);
    const asModerator = await h.standin.sendCommand('add', { url: 'ftp://example.org/story' }, { user: h.standin.world.moderator }).reply();
    expect(asModerator.content).toMatch(/^I can only add http:\/\/ or https:\/\/ links/u);
  });

  it('pages with the buttons, for the asker only', async () => {
    const ask = h.standin.sendCommand('ask', { question: QUESTION });
    const first = await ask.reply();
    const next = h.standin.clickButton(ask, buttonLabelled(first, 'Next').custom_id);
    const second = await next.reply();
    expect(second.id).toBe(first.id);
    expect(ranks(second)[0]).toBe(4);
    const stranger = h.standin.clickButton(ask, buttonLabelled(second, 'Previous').custom_id, { user: h.standin.world.bystander });
    const refusal = await stranger.reply();
    expect(refusal.content).toBe(NOT_YOURS);
    expect(refusal.flags & 64).toBe(64);
  });

  it('serves GET /healthz for load balancers', async () => {
    const res = await fetch(url.replace('/interactions', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('a slow answer', () => {
  // A handler that waits on something (I/O) after deferring: the deferral goes out after the hold.
  let server: InteractionServer;
  let endpoint: string;
  beforeAll(async () => {
    server = createInteractionServer({
      publicKey: publicKeyFromHex(h.standin.publicKeyHex)!,
      rest: new REST({ api: h.standin.apiUrl }),
      logger: createLogger('silent'),
      dispatch: async (incoming) => {
        if (incoming.kind !== 'command') return;
        await incoming.interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await new Promise((r) => setTimeout(r, DEFER_HOLD_MS + 300));
        await incoming.interaction.editReply({ content: 'Here it is', allowedMentions: { parse: [] } });
      },
    });
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/interactions`;
  });
  afterAll(async () => {
    await server?.drain();
    h.standin.deliverOverHttp(url);
  });

  it('sends "thinking…" as the HTTP reply, then the answer through the webhook', async () => {
    h.standin.deliverOverHttp(endpoint);
    const ix = h.standin.sendCommand('ask', { question: QUESTION });
    const reply = await ix.reply();
    expect(ix.callbacks.map((c) => [c.type, c.data?.flags])).toEqual([[5, 64]]);
    expect(ix.ackMs!).toBeLessThan(ix.answerMs!);
    expect(reply.content).toBe('Here it is');
    expect(reply.flags & 64).toBe(64);
    const edit = h.standin.requests.find((r) => r.method === 'PATCH' && r.path.includes(ix.token));
    expect(decodeURIComponent(edit?.path ?? '')).toContain(`/webhooks/${h.standin.world.appId}/${ix.token}/messages/@original`);
  });
});

describe('refusing requests', () => {
  const ping = () => JSON.stringify({ id: String(Math.random()), application_id: h.standin.world.appId, type: 1, token: 't', version: 1 });

  it('401 without a signature, or signed with another key', async () => {
    const body = ping();
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
    const other = generateKeyPairSync('ed25519').privateKey;
    const t = String(now());
    const forged = sign(null, Buffer.from(t + body), other).toString('hex');
    const res = await post(body, { 'content-type': 'application/json', 'x-signature-ed25519': forged, 'x-signature-timestamp': t });
    expect(res.status).toBe(401);
    expect((await post(body, { ...h.standin.sign(body), 'x-signature-ed25519': 'zz' })).status).toBe(401);
  });

  it('401 when the body was changed after signing', async () => {
    const body = ping();
    const headers = h.standin.sign(body);
    expect((await post(body.replace('"type":1', '"type":2'), headers)).status).toBe(401);
  });

  it('401 for a timestamp more than 5 minutes off, either way; a signed timestamp within it passes', async () => {
    expect((await post(ping(), h.standin.sign(ping(), now() - 301))).status).toBe(401);
    const late = ping();
    expect((await post(late, h.standin.sign(late, now() - 301))).status).toBe(401);
    const early = ping();
    expect((await post(early, h.standin.sign(early, now() + 301))).status).toBe(401);
    const fine = ping();
    expect((await post(fine, h.standin.sign(fine, now() - 240))).status).toBe(200);
  });

  it('401 for a replayed request (same body, same signature)', async () => {
    const body = ping();
    const headers = h.standin.sign(body);
    expect((await post(body, headers)).status).toBe(200);
    expect((await post(body, headers)).status).toBe(401);
  });

  it('413 for a body over 1 MB, 405 for anything but POST, 415 for anything but JSON, 400 for signed nonsense', async () => {
    const big = JSON.stringify({ type: 1, pad: 'x'.repeat(1024 * 1024) });
    const tooBig = await post(big, h.standin.sign(big));
    expect(tooBig.status).toBe(413);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(405);
    const text = ping();
    expect((await post(text, { ...h.standin.sign(text), 'content-type': 'text/plain' })).status).toBe(415);
    const nonsense = 'not json';
    expect((await post(nonsense, h.standin.sign(nonsense))).status).toBe(400);
    expect((await fetch(url.replace('/interactions', '/elsewhere'))).status).toBe(404);
    // None of this reached a command.
    expect(h.logs.filter((r) => r.msg === 'interaction failed')).toEqual([]);
  });
});
