// The faults production brings, each against the real discord.js client through the stand-in:
// gateway closes (resumable or not), invalid sessions, REST 429s, 5xx on the reply, Unknown
// interaction, a rejected token, and SIGTERM while answering.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStandin, type StandIn } from '../../src/standin/index.js';
import { FAKE_TOKEN, startHarness, type Harness } from '../bot/harness.js';
import { WITH_TSX } from '../helpers.js';

const run = promisify(execFile);
const QUESTION = 'Why did Marco Rubio pull out of the London talks?';
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/u;
const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/u;

describe('gateway faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('resumes after a resumable close, replaying the question sent while it was away', async () => {
    const before = { ...h.standin.gatewayStats };
    const inFlight = h.standin.sendCommand('ask', { question: QUESTION });
    h.standin.closeGateway(4000);
    const missed = h.standin.sendCommand('who', { person: 'Healey' });
    expect((await inFlight.reply()).embeds.length).toBeGreaterThan(0);
    expect((await missed.reply()).content).toContain('John Healey');
    expect(h.standin.gatewayStats.resumes).toBe(before.resumes + 1);
    expect(h.standin.gatewayStats.identifies).toBe(before.identifies);
    expect(h.standin.gatewayStats.replayed).toBeGreaterThan(before.replayed);
  });

  it('identifies again after a non-resumable close, still answering what was in flight', async () => {
    const before = { ...h.standin.gatewayStats };
    const inFlight = h.standin.sendCommand('ask', { question: QUESTION });
    h.standin.closeGateway(4009); // session timed out: resuming is refused
    await h.standin.ready();
    expect(h.standin.gatewayStats.identifies).toBe(before.identifies + 1);
    expect((await inFlight.reply()).embeds.length).toBeGreaterThan(0);
    expect((await h.standin.sendCommand('who', { person: 'Healey' }).reply()).content).toContain('John Healey');
  });

  it('identifies again after an invalid session', async () => {
    const before = { ...h.standin.gatewayStats };
    h.standin.invalidateSession();
    await vi.waitUntil(() => h.standin.gatewayStats.identifies > before.identifies, { timeout: 20_000, interval: 20 });
    await h.standin.ready();
    expect(h.standin.gatewayStats.identifies).toBe(before.identifies + 1);
    expect((await h.standin.sendCommand('ask', { question: QUESTION }).reply()).embeds.length).toBeGreaterThan(0);
  });
});

describe('REST faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  const attempts = (token: string, method: string) => h.standin.requests.filter((r) => r.method === method && r.path.includes(token));

  it('waits out a 429 on the reply route for retry_after, then answers', async () => {
    h.standin.failRest({
      method: 'PATCH',
      path: ORIGINAL,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.4, global: false },
      headers: { 'retry-after': '0.4', 'x-ratelimit-scope': 'user', 'x-ratelimit-bucket': 'webhook', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.4' },
    });
    const ix = h.standin.sendCommand('ask', { question: QUESTION });
    expect((await ix.reply()).embeds.length).toBeGreaterThan(0);
    const tries = attempts(ix.token, 'PATCH');
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(350);
  });

  it('waits out a global 429 on the acknowledgement, then answers', async () => {
    h.standin.failRest({
      method: 'POST',
      path: CALLBACK,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: true },
      headers: { 'retry-after': '0.3', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
    });
    const ix = h.standin.sendCommand('who', { person: 'Healey' });
    expect((await ix.reply()).content).toContain('John Healey');
    const tries = attempts(ix.token, 'POST').filter((r) => r.path.endsWith('/callback'));
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(250);
  });

  it('retries a 502 and a 500 on the reply', async () => {
    h.standin.failRest({ method: 'PATCH', path: ORIGINAL, status: 502, body: { message: 'Bad Gateway' } });
    h.standin.failRest({ method: 'PATCH', path: ORIGINAL, status: 500, body: { message: 'Internal Server Error' } });
    const ix = h.standin.sendCommand('ask', { question: QUESTION });
    expect((await ix.reply()).embeds.length).toBeGreaterThan(0);
    expect(attempts(ix.token, 'PATCH').map((r) => r.status)).toEqual([502, 500, 200]);
  });

  it('logs an Unknown interaction (10062) once, sends nothing more for it, and answers the next one', async () => {
    h.standin.failRest({ method: 'POST', path: CALLBACK, status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    const lost = h.standin.sendCommand('ask', { question: QUESTION });
    await vi.waitUntil(() => h.logs.some((r) => r.msg === 'interaction expired before it was answered'), { timeout: 10_000, interval: 20 });
    const next = await h.standin.sendCommand('who', { person: 'Healey' }).reply();
    expect(next.content).toContain('John Healey');
    expect(h.standin.requests.filter((r) => r.path.includes(lost.token)).map((r) => r.status)).toEqual([404]);
    expect(h.logs.filter((r) => r.interactionId === lost.id && r.msg === 'interaction failed')).toEqual([]);
  });
});

describe('the bot as a process', () => {
  let standin: StandIn;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    standin = await startStandin({ token: FAKE_TOKEN });
    env = { ...process.env, DISCORD_APP_ID: standin.world.appId, DISCORD_GUILD_ID: standin.world.guildId, DISCORD_API_URL: standin.apiUrl, LOG_LEVEL: 'warn' };
  });
  afterAll(async () => {
    await standin?.close();
  });

  it('says in one line that Discord rejected the token, exits 1, and does not retry', async () => {
    const wrong = FAKE_TOKEN.replace(/.$/u, 'X');
    const failed = await run(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], { env: { ...env, DISCORD_TOKEN: wrong } }).then(
      () => null,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    const lines = failed!.stderr.trim().split('\n');
    expect(lines).toEqual(['Could not log in to Discord: An invalid token was provided.']);
    expect(standin.requests.filter((r) => r.path.endsWith('/gateway/bot'))).toHaveLength(1);
    expect(failed!.stderr + failed!.stdout).not.toContain(wrong);
  }, 60_000);

  it('on SIGTERM, finishes the answer in progress, then exits 0', async () => {
    const child = spawn(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], { env: { ...env, DISCORD_TOKEN: FAKE_TOKEN, REGISTER_COMMANDS_ON_START: 'true' } });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const exited = new Promise<number | string | null>((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
    await standin.ready();
    await standin.waitFor(() => standin.commands.size > 0, 20_000, 'commands registered');
    // Discord is slow to take the answer: it is still on its way when the stop comes.
    standin.failRest({ method: 'PATCH', path: ORIGINAL, delayMs: 1500 });
    const ix = standin.sendCommand('ask', { question: QUESTION });
    await standin.waitFor(() => ix.acknowledged, 20_000, 'the acknowledgement');
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    const reply = await ix.reply(20_000);
    expect(reply.embeds.length).toBeGreaterThan(0);
    expect(await exited).toBe(0);
    expect(err).not.toContain('"level":50');
  }, 60_000);
});
