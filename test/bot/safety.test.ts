// Mentions never ping, errors reach the user as one short private line, and tokens never reach logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/answer/library.js';
import { SORRY } from '../../src/bot/safety.js';
import { FAKE_TOKEN, realLibrary, sentMessageBodies, startHarness, type Harness } from './harness.js';

const INJECTION = '@everyone <@&123456789012345678> <@456789012345678901> @here what did Lammy say about the Coalition?';

describe('mentions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('never pings, whatever the question or name contains', async () => {
    const replies = await Promise.all([
      h.standin.sendCommand('ask', { question: INJECTION }).reply(),
      h.standin.sendCommand('ask', { question: '@everyone' }).reply(),
      h.standin.sendCommand('who', { person: '@everyone <@&123456789012345678>' }).reply(),
      h.standin.sendCommand('ask', { question: INJECTION, hide: true }).reply(),
    ]);
    for (const reply of replies) {
      expect(reply.content).not.toMatch(/@(everyone|here)/u); // neutralised with a zero-width space
      expect(reply.content).not.toMatch(/<@[&!]?\d+>/u);
      expect(reply.mention_everyone).toBe(false);
    }
    expect(replies[0]!.content).toContain('@\u200beveryone');
    const bodies = sentMessageBodies(h.standin);
    expect(bodies.length).toBeGreaterThanOrEqual(4);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('errors', () => {
  let h: Harness;
  beforeAll(async () => {
    const real = await realLibrary();
    // A library that fails, quoting the token in its error as a careless dependency might.
    const broken: Library = {
      ...real,
      ask: () => {
        throw new Error(`index exploded while using ${FAKE_TOKEN}`);
      },
      who: () => {
        throw new Error('who exploded');
      },
    };
    h = await startHarness({ library: broken });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells only the asker, in one line, and removes the public "thinking…"', async () => {
    const ix = h.standin.sendCommand('ask', { question: 'anything at all' });
    const reply = await ix.reply();
    expect(reply.content).toBe(SORRY);
    expect(reply.flags & 64).toBe(64);
    expect(reply.embeds).toEqual([]);
    expect(h.standin.messages.get(ix.originalMessageId)).toBeUndefined();
  });

  it('edits a hidden "thinking…" into the apology', async () => {
    const ix = h.standin.sendCommand('who', { person: 'Lammy', hide: true });
    const reply = await ix.reply();
    expect(reply.content).toBe(SORRY);
    expect(reply.flags & 64).toBe(64);
    expect(reply.id).toBe(ix.originalMessageId);
  });

  it('logs the error as a pino record with no token in it', async () => {
    await h.standin.sendCommand('ask', { question: 'again' }).reply();
    const failures = h.logs.filter((r) => r.msg === 'interaction failed');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]!.level).toBe(50);
    expect(JSON.stringify(failures[0]!.err)).toContain('index exploded');
    expect(JSON.stringify(h.logs)).not.toContain(FAKE_TOKEN);
    for (const body of sentMessageBodies(h.standin)) expect(JSON.stringify(body)).not.toContain('exploded');
  });
});
