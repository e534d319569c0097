// No token in any log line or start-up error: an interaction's token rides in the path of every
// webhook and callback URL, so a failed follow-up must not put it in the log; a bot token pasted
// into the wrong setting must not be echoed back.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DiscordAPIError } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/bot/config.js';
import { createLogger, scrub } from '../../src/bot/log.js';
import { FAKE_TOKEN, startHarness, type Harness } from './harness.js';
import { WITH_TSX } from '../helpers.js';

const run = promisify(execFile);
const QUESTION = 'Why did Marco Rubio pull out of the London talks?';
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/u;
const FOLLOW_UP = /^\/webhooks\/\d+\/[^/]+$/u;
/** Interaction tokens are long opaque strings, not bot-token shaped. */
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger('debug', { write: (line: string) => void lines.push(line) }) };
}

describe('a failed webhook call', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is logged, with its route, but without the interaction token', async () => {
    // 400 is not retried: discord.js throws a DiscordAPIError whose `url` holds the token; the
    // apology (a follow-up message) fails the same way.
    h.standin.failRest({ method: 'PATCH', path: ORIGINAL, status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    h.standin.failRest({ method: 'POST', path: FOLLOW_UP, status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const ix = h.standin.sendCommand('ask', { question: QUESTION });
    await vi.waitUntil(() => h.logs.some((r) => r.interactionId === ix.id && r.msg === 'could not tell the user about the failure'), { timeout: 10_000, interval: 20 });
    const records = h.logs.filter((r) => r.interactionId === ix.id);
    expect(records.map((r) => r.msg)).toEqual(['interaction failed', 'could not tell the user about the failure']);
    const text = JSON.stringify(records);
    expect(text).toContain('/webhooks/'); // still says which call failed
    expect(text).toContain('[Redacted]');
    expect(text).not.toContain(ix.token);
    expect(JSON.stringify(h.logs)).not.toContain(ix.token);
  });

  it('never reaches a log line through an error’s url, message, stack or cause', () => {
    const { lines, logger } = capture();
    const url = `https://discord.com/api/v10/webhooks/123456789012345678/${INTERACTION_TOKEN}/messages/%40original`;
    const apiError = new DiscordAPIError({ code: 50035, message: 'Invalid Form Body' }, 50035, 400, 'PATCH', url, { body: {} });
    const wrapped = new Error(`POST https://discord.com/api/v10/interactions/987654321098765432/${INTERACTION_TOKEN}/callback failed`, { cause: apiError });
    logger.error({ err: apiError }, 'interaction failed');
    logger.error({ err: wrapped }, 'acknowledgement failed');
    logger.warn(`retrying ${url}`);
    logger.warn(`bot token ${FAKE_TOKEN} rejected`);
    expect(lines).toHaveLength(4);
    const all = lines.join('\n');
    expect(all).not.toContain(INTERACTION_TOKEN);
    expect(all).not.toContain(FAKE_TOKEN);
    expect(JSON.parse(lines[0]!).err.url).toBe('https://discord.com/api/v10/webhooks/123456789012345678/[Redacted]/messages/%40original');
    expect(JSON.parse(lines[1]!).err.message).toBe('POST https://discord.com/api/v10/interactions/987654321098765432/[Redacted]/callback failed: Invalid Form Body'); // pino appends the cause's message
  });

  it('leaves other paths alone', () => {
    expect(scrub('GET /channels/123/messages/456')).toBe('GET /channels/123/messages/456');
    expect(scrub('PUT /applications/123/guilds/456/commands')).toBe('PUT /applications/123/guilds/456/commands');
  });
});

describe('a bot token pasted into an id setting', () => {
  const wrongIn = (name: 'DISCORD_APP_ID' | 'DISCORD_GUILD_ID') => ({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APP_ID: '123456789012345678', [name]: FAKE_TOKEN });

  it.each(['DISCORD_APP_ID', 'DISCORD_GUILD_ID'] as const)('%s: says it must be a snowflake, without echoing the value', (name) => {
    const result = parseConfig(wrongIn(name));
    expect(result.ok).toBe(false);
    const error = (result as { error: string }).error;
    expect(error).toMatch(new RegExp(`^${name} must be a numeric snowflake`, 'u'));
    expect(error).not.toContain(FAKE_TOKEN);
    expect(error).not.toContain(FAKE_TOKEN.split('.')[0]);
  });

  it('still says how many digits a numeric id of the wrong length has', () => {
    const result = parseConfig({ DISCORD_GUILD_ID: '12345' });
    expect((result as { error: string }).error).toContain('got 5 digits');
  });

  it('npm start stops with that one line, the token nowhere in its output', async () => {
    const env = { ...process.env, ...wrongIn('DISCORD_APP_ID'), LOG_LEVEL: 'debug' };
    const failed = await run(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], { env, timeout: 30_000 }).then(
      () => null,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed!.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^DISCORD_APP_ID must be a numeric snowflake/u)]);
    expect(failed!.stderr + failed!.stdout).not.toContain(FAKE_TOKEN.split('.')[0]);
  }, 40_000);
});
