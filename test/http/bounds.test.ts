// HTTP mode bounds its clients: a real server on 127.0.0.1 with short limits, a crowd of idle sockets,
// header tricklers and slow bodies, all closed within their bound while /healthz keeps answering; and
// signed payloads of the wrong shape refused with a 400 at the edge, before any command code runs.
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ApplicationCommandOptionType, ApplicationCommandType, ComponentType, InteractionType, REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incoming } from '../../src/bot/commandContract.js';
import { createLogger } from '../../src/bot/log.js';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { createInteractionServer, DEFAULT_HTTP_LIMITS, type HttpLimits, type InteractionServer } from '../../src/http/server.js';
import { publicKeyFromHex } from '../../src/http/verify.js';
import { startStandin, type StandIn } from '../../src/standin/index.js';
import { FAKE_TOKEN } from '../bot/harness.js';

const LIMITS: HttpLimits = { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000, maxConnections: 100 };
const IDLE = 300;
const TRICKLERS = 5;
const SLOW_BODIES = 10;

let standin: StandIn;
let server: InteractionServer;
let port: number;
const dispatched: Incoming[] = [];
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  standin = await startStandin({ token: FAKE_TOKEN });
  server = createInteractionServer({
    publicKey: publicKeyFromHex(standin.publicKeyHex)!,
    rest: new REST({ api: standin.apiUrl }),
    logger: createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) }),
    limits: LIMITS,
    dispatch: async (incoming) => {
      dispatched.push(incoming);
      if (incoming.kind === 'command') await incoming.interaction.reply({ content: 'ok', allowedMentions: { parse: [] } });
    },
  });
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await server?.drain();
  await standin?.close();
});

/** One request on its own connection (no pool to trip over a socket the server just closed). */
function call(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: { connection: 'close', ...headers }, timeout: 5000 }, (res) => {
      let text = '';
      res.on('data', (d) => (text += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A raw socket and when it was closed by the server (ms after `since`). */
function open(since: number, onConnect?: (socket: Socket) => void): { socket: Socket; closedAfter: Promise<number> } {
  const socket = connect(port, '127.0.0.1', () => onConnect?.(socket));
  socket.on('error', () => {});
  socket.on('data', () => {});
  const closedAfter = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - since)));
  return { socket, closedAfter };
}

describe('client bounds', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_HTTP_LIMITS).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 });
    expect(server.server.maxConnections).toBe(LIMITS.maxConnections);
    expect(server.server.requestTimeout).toBe(LIMITS.requestTimeoutMs);
    expect(server.server.keepAliveTimeout).toBe(LIMITS.keepAliveTimeoutMs);
  });

  it(`closes ${IDLE} idle sockets, ${TRICKLERS} header tricklers and ${SLOW_BODIES} slow bodies within their bounds while /healthz answers`, async () => {
    const since = Date.now();
    const timers: NodeJS.Timeout[] = [];
    const idle = Array.from({ length: IDLE }, () => open(since));
    const tricklers = Array.from({ length: TRICKLERS }, () =>
      open(since, (s) => {
        s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
        timers.push(setInterval(() => s.writable && s.write('X-Pad: y\r\n'), 200));
      }),
    );
    const slow = Array.from({ length: SLOW_BODIES }, () =>
      open(since, (s) => {
        s.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
        timers.push(setInterval(() => s.writable && s.write(' '), 200));
      }),
    );
    // Health checks all along, each on a new connection, as a load balancer's would be.
    const health: (number | string)[] = [];
    let idleClosed: number[], tricklersClosed: number[], slowClosed: number[];
    try {
      while (Date.now() - since < LIMITS.requestTimeoutMs + 1500) {
        health.push(await call('GET', '/healthz').then((r) => r.status, (e: Error) => e.message));
        await new Promise((r) => setTimeout(r, 100));
      }
      // Whatever is still open 1 s past its bound counts as never closed.
      const bounded = (c: { closedAfter: Promise<number> }, ms: number) => Promise.race([c.closedAfter, new Promise<number>((r) => setTimeout(r, Math.max(0, since + ms + 1000 - Date.now()), Infinity))]);
      idleClosed = await Promise.all(idle.map((c) => bounded(c, LIMITS.headersTimeoutMs)));
      tricklersClosed = await Promise.all(tricklers.map((c) => bounded(c, LIMITS.headersTimeoutMs)));
      slowClosed = await Promise.all(slow.map((c) => bounded(c, LIMITS.requestTimeoutMs)));
    } finally {
      timers.forEach(clearInterval);
      for (const c of [...idle, ...tricklers, ...slow]) c.socket.destroy();
    }

    expect(health.length).toBeGreaterThan(10);
    expect(health.filter((s) => s !== 200)).toEqual([]);
    // Idle: evicted to make room, or closed at the headers deadline; never later.
    expect(Math.max(...idleClosed)).toBeLessThan(LIMITS.headersTimeoutMs + 1000);
    expect(Math.max(...tricklersClosed)).toBeLessThan(LIMITS.headersTimeoutMs + 1000);
    // A slow body is cut at the request deadline (Node checks it every quarter of the shortest timeout).
    expect(Math.max(...slowClosed)).toBeLessThan(LIMITS.requestTimeoutMs + 1000);
    // The slow bodies were mid-request, so were not the ones evicted for room: they ran to the deadline.
    expect(Math.min(...slowClosed)).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs - 100);
    expect(logs.filter((l) => l.level === 50)).toEqual([]);
  }, 20_000);

  it('closes the issue\'s crowd, 1,100 idle sockets and 50 slow bodies, within 15 s while /healthz answers', async () => {
    const since = Date.now();
    const timers: NodeJS.Timeout[] = [];
    // Opened 100 at a time: a burst of 1,100 overflows the kernel's accept queue (511), and what the
    // kernel drops the server never sees, so cannot close.
    const idle: ReturnType<typeof open>[] = [];
    for (let batch = 0; batch < 11; batch++) {
      idle.push(...Array.from({ length: 100 }, () => open(since)));
      await new Promise((r) => setTimeout(r, 50));
    }
    const slow = Array.from({ length: 50 }, () =>
      open(since, (s) => {
        s.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
        timers.push(setInterval(() => s.writable && s.write(' '), 200));
      }),
    );
    const health: (number | string)[] = [];
    const all = Promise.all([...idle, ...slow].map((c) => c.closedAfter));
    let closed: number[] | null = null;
    void all.then((times) => (closed = times));
    try {
      while (!closed && Date.now() - since < 15_000) {
        health.push(await call('GET', '/healthz').then((r) => r.status, (e: Error) => e.message));
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      timers.forEach(clearInterval);
      for (const c of [...idle, ...slow]) c.socket.destroy();
    }
    expect(closed, 'some connections were still open after 15 s').not.toBeNull();
    expect(Math.max(...closed!)).toBeLessThan(15_000);
    expect(health.length).toBeGreaterThan(0);
    expect(health.filter((s) => s !== 200)).toEqual([]);
  }, 30_000);

  it('closes a kept-alive connection idle past keepAliveTimeout', async () => {
    const since = Date.now();
    const c = open(since, (s) => s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'));
    const after = await c.closedAfter;
    expect(after).toBeLessThan(LIMITS.keepAliveTimeoutMs + 1000);
  });
});

describe('payload shapes, checked once at the edge', () => {
  const user = { id: '200000000000000001' };
  const base = (over: Record<string, unknown> = {}) => ({
    id: String(BigInt('300000000000000000') + BigInt(Math.floor(Math.random() * 1e9))),
    application_id: '100000000000000001',
    type: InteractionType.ApplicationCommand,
    token: 'interaction-token',
    guild_id: '100000000000000002',
    member: { user, roles: [], permissions: '0' },
    data: { id: '400000000000000001', name: 'ask', type: ApplicationCommandType.ChatInput, options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Who spoke?' }] },
    ...over,
  });
  const signedPost = (payload: unknown) => {
    const body = JSON.stringify(payload);
    return call('POST', '/interactions', body, standin.sign(body));
  };

  it('a well-formed command reaches the dispatcher', async () => {
    const before = dispatched.length;
    const res = await signedPost(base());
    expect(res.status).toBe(200);
    expect(dispatched.length).toBe(before + 1);
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a malformed permissions', base({ member: { user, roles: [], permissions: 'all of them' } }), /member\.permissions/u],
    ['permissions as a number', base({ member: { user, permissions: 8 } }), /member\.permissions/u],
    ['a number where the question string goes', base({ data: { name: 'ask', options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 42 }] } }), /option "question" must be a string/u],
    ['the question sent as another type', base({ data: { name: 'ask', options: [{ name: 'question', type: ApplicationCommandOptionType.Integer, value: 42 }] } }), /option "question" has type 4/u],
    ['an option the command does not have', base({ data: { name: 'ask', options: [{ name: 'sql', type: ApplicationCommandOptionType.String, value: 'x' }] } }), /not an option/u],
    ['missing data', base({ data: undefined }), /data is missing/u],
    ['options that are not a list', base({ data: { name: 'ask', options: { question: 'x' } } }), /data\.options/u],
    ['no user at all', base({ member: undefined }), /user/u],
    ['a token that is not a string', base({ token: { a: 1 } }), /token/u],
    ['a button without its custom_id', base({ type: InteractionType.MessageComponent, data: { component_type: ComponentType.Button } }), /custom_id/u],
    ['autocomplete with nothing focused', base({ type: InteractionType.ApplicationCommandAutocomplete, data: { name: 'who', options: [{ name: 'person', type: ApplicationCommandOptionType.String, value: 'He' }] } }), /focused/u],
    ['a type that is not a number', base({ type: 'command' }), /type/u],
    ['an array', [base()] as unknown as Record<string, unknown>, /object/u],
  ];

  for (const [what, payload, says] of cases) {
    it(`400 for ${what}, never reaching a command`, async () => {
      const before = dispatched.length;
      const res = await signedPost(payload);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).message).toMatch(says);
      expect(dispatched.length).toBe(before);
    });
  }

  it("passes what Discord sends: the stand-in's command, autocomplete and member payloads", async () => {
    await registerCommands({ token: FAKE_TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl });
    standin.deliverOverHttp(`http://127.0.0.1:${port}/interactions`);
    const before = dispatched.length;
    const ask = standin.sendCommand('ask', { question: 'Who spoke?', hide: true }, { user: standin.world.moderator });
    expect((await ask.reply()).content).toBe('ok');
    await standin.sendAutocomplete('who', 'person', 'Hea').choices();
    expect(dispatched.length).toBe(before + 2);
    expect(logs.filter((l) => l.msg === 'refused a malformed interaction').length).toBe(cases.length);
  });

  it('autocomplete may carry what was typed so far as the focused value', async () => {
    const res = await signedPost(
      base({ type: InteractionType.ApplicationCommandAutocomplete, data: { name: 'who', options: [{ name: 'person', type: ApplicationCommandOptionType.String, value: 'He', focused: true }] } }),
    );
    expect(res.status).toBe(200);
  });
});
