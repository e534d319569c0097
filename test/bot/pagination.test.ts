// Previous/Next: only the asker pages; others are told so privately; buttons die politely.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPIRED } from '../../src/bot/dispatcher.js';
import { NOT_YOURS } from '../../src/bot/pagination.js';
import { COUNT_ID, NEXT_ID, PREV_ID } from '../../src/render/discord.js';
import { RejectedByClient, type StoredMessage } from '../../src/standin/index.js';
import { startHarness, type Harness } from './harness.js';
import { ASK_OPTIONS } from '../../commands/ask.js';

const QUESTION = 'What happened at the London talks on Ukraine?';
const buttons = (m: StoredMessage) => m.components.flatMap((r) => r.components ?? []);
const ranks = (m: StoredMessage) => m.embeds.map((e) => Number(/^(\d+)\./u.exec(e.title ?? '')?.[1]));

describe('pagination', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('pages forward and back for the asker, and refuses anyone else', async () => {
    const total = h.library.ask(QUESTION, ASK_OPTIONS).passages.length;
    expect(total).toBeGreaterThan(3); // enough for a second page
    const ask = h.standin.sendCommand('ask', { question: QUESTION });
    const first = await ask.reply();
    expect(ranks(first)).toEqual([1, 2, 3]);
    const pages = Math.ceil(total / 3);
    expect(buttons(first).map((b) => [b.custom_id, b.label, b.disabled])).toEqual([
      [PREV_ID, '◀ Previous', true],
      [COUNT_ID, `1/${pages}`, true],
      [NEXT_ID, 'Next ▶', false],
    ]);

    const next = h.standin.clickButton(ask, NEXT_ID);
    const second = await next.reply();
    expect(next.callbacks[0]?.type).toBe(7); // UPDATE_MESSAGE on the same message
    expect(second.id).toBe(first.id);
    expect(ranks(second)).toEqual([4, 5, 6].filter((n) => n <= total));
    expect(second.content).toMatch(/showing 4–/u);
    expect(buttons(second).map((b) => [b.label, b.disabled])).toEqual([
      ['◀ Previous', false],
      [`2/${pages}`, true],
      ['Next ▶', pages === 2],
    ]);

    const stranger = h.standin.clickButton(ask, PREV_ID, { user: h.standin.world.bystander });
    const refusal = await stranger.reply();
    expect(stranger.callbacks[0]?.type).toBe(4);
    expect(refusal.flags & 64).toBe(64);
    expect(refusal.content).toBe(NOT_YOURS);
    expect(ranks(h.standin.messages.get(first.id)!)).toEqual(ranks(second)); // unchanged

    const back = await h.standin.clickButton(ask, PREV_ID).reply();
    expect(ranks(back)).toEqual([1, 2, 3]);
    expect(ask.ackMs!).toBeLessThan(3000);
    expect(next.ackMs!).toBeLessThan(3000);
  });
});

describe('pagination expiry', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ pageTimeoutMs: 700 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('disables the buttons when the collector ends, keeping the page shown', async () => {
    const ask = h.standin.sendCommand('ask', { question: QUESTION });
    const first = await ask.reply();
    expect(buttons(first).some((b) => !b.disabled)).toBe(true);
    await h.standin.waitFor(() => buttons(h.standin.messages.get(first.id)!).every((b) => b.disabled), 5000, 'buttons disabled');
    const after = h.standin.messages.get(first.id)!;
    expect(after.embeds).toEqual(first.embeds);
    expect(after.allowed_mentions).toEqual({ parse: [] });
    expect(() => h.standin.clickButton(ask, NEXT_ID)).toThrow(RejectedByClient);
    // A click that raced the disabling edit is answered privately, not left to fail.
    const late = h.standin.clickButton(ask, NEXT_ID, { evenIfDisabled: true });
    const reply = await late.reply();
    expect(reply.content).toBe(EXPIRED);
    expect(reply.flags & 64).toBe(64);
    expect(h.standin.messages.get(first.id)!.embeds).toEqual(first.embeds);
  });

  it('disables live buttons on shutdown', async () => {
    const ask = h.standin.sendCommand('ask', { question: QUESTION });
    const first = await ask.reply();
    // The collector starts once editReply has returned to the bot, a moment after the stand-in saw it.
    await vi.waitUntil(() => h.bot.pager.handles(first.id));
    await h.bot.stop();
    expect(buttons(h.standin.messages.get(first.id)!).every((b) => b.disabled)).toBe(true);
  });
});
