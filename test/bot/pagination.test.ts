// Previous/Next: buttons carry their query, so they work after a restart and on any replica; only the
// asker pages; others are told so privately; buttons this bot cannot read are answered politely.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASK_OPTIONS } from '../../commands/ask.js';
import { EXPIRED } from '../../src/bot/dispatcher.js';
import { CUSTOM_ID_MAX } from '../../src/bot/pageButtons.js';
import { NOT_YOURS } from '../../src/bot/pagination.js';
import { Store } from '../../src/store/store.js';

/** The page queries in the bot's shared store, read through a connection of its own (as another process). */
function storedQueries(cacheDir: string, remove = false): string[] {
  const store = Store.openSeparately(cacheDir);
  try {
    return store.shared((db) => {
      const keys = (db.prepare("SELECT key FROM shared WHERE key LIKE 'page:%'").all() as { key: string }[]).map((r) => r.key);
      if (remove) db.prepare("DELETE FROM shared WHERE key LIKE 'page:%'").run();
      return keys;
    });
  } finally {
    store.close();
  }
}
import { COUNT_ID } from '../../src/render/discord.js';
import type { StoredMessage } from '../../src/standin/index.js';
import { buttonLabelled, startHarness, type Harness } from './harness.js';

const QUESTION = 'What happened at the London talks on Ukraine?';
/** Too long to carry inline in a 100-character custom_id: its key goes to the cache folder. */
const LONG_QUESTION = 'What did the ministers and officials say happened at the London talks on Ukraine, and what did Rubio and Witkoff decide?';
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
    const ids = buttons(first).map((b) => b.custom_id!);
    expect(buttons(first).map((b) => [b.label, b.disabled])).toEqual([
      ['◀ Previous', true],
      [`1/${pages}`, true],
      ['Next ▶', false],
    ]);
    expect(ids[1]).toBe(COUNT_ID);
    expect(new Set(ids).size).toBe(3); // Discord refuses a message with two equal custom_ids
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(ids[2]).toContain('London'); // short enough to carry the question itself

    const next = h.standin.clickButton(ask, buttonLabelled(first, 'Next').custom_id);
    const second = await next.reply();
    expect(second.id).toBe(first.id); // the same message, edited in place
    expect(ranks(second)).toEqual([4, 5, 6].filter((n) => n <= total));
    expect(second.content).toMatch(/showing 4–/u);
    expect(buttons(second).map((b) => [b.label, b.disabled])).toEqual([
      ['◀ Previous', false],
      [`2/${pages}`, true],
      ['Next ▶', pages === 2],
    ]);

    const stranger = h.standin.clickButton(ask, buttonLabelled(second, 'Previous').custom_id, { user: h.standin.world.bystander });
    const refusal = await stranger.reply();
    expect(stranger.callbacks[0]?.type).toBe(4);
    expect(refusal.flags & 64).toBe(64);
    expect(refusal.content).toBe(NOT_YOURS);
    expect(ranks(h.standin.messages.get(first.id)!)).toEqual(ranks(second)); // unchanged

    const back = await h.standin.clickButton(ask, buttonLabelled(second, 'Previous').custom_id).reply();
    expect(ranks(back)).toEqual([1, 2, 3]);
    expect(ask.ackMs!).toBeLessThan(3000);
    expect(next.ackMs!).toBeLessThan(3000);
  });

  it('keeps the options: a hidden answer pages as a hidden answer', async () => {
    const ask = h.standin.sendCommand('ask', { question: QUESTION, hide: true });
    const first = await ask.reply();
    expect(first.flags & 64).toBe(64);
    const second = await h.standin.clickButton(ask, buttonLabelled(first, 'Next').custom_id).reply();
    expect(second.id).toBe(first.id);
    expect(second.flags & 64).toBe(64);
    expect(ranks(second)[0]).toBe(4);
  });

  it('answers a button it cannot read with a private "expired" line', async () => {
    const ask = h.standin.sendCommand('ask', { question: QUESTION });
    const first = await ask.reply();
    // A message sent by an older version of the bot, whose buttons were kept in memory.
    const old = structuredClone(first);
    old.id = `${first.id}0`;
    old.components = [{ type: 1, components: [{ type: 2, custom_id: 'page:next', label: 'Next ▶', style: 2 }] }];
    h.standin.messages.byId.set(old.id, old);
    const late = await h.standin.clickButton(old.id, 'page:next').reply();
    expect(late.content).toBe(EXPIRED);
    expect(late.flags & 64).toBe(64);
  });
});

describe('pagination across a restart', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers buttons pressed after the bot restarted, inline and stored queries alike', async () => {
    const short = h.standin.sendCommand('ask', { question: QUESTION });
    const long = h.standin.sendCommand('ask', { question: LONG_QUESTION });
    const shortFirst = await short.reply();
    const longFirst = await long.reply();
    const longNext = buttonLabelled(longFirst, 'Next').custom_id;
    expect(longNext.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(longNext).not.toContain('Witkoff');
    const stored = storedQueries(h.cacheDir);
    expect(stored).toHaveLength(1); // one query, under its key
    expect(stored[0]).toMatch(/^page:[\w-]{16}$/u);

    await h.restart(); // a new process would hold nothing more than this new bot does

    const a = await h.standin.clickButton(short, buttonLabelled(shortFirst, 'Next').custom_id).reply();
    expect(a.id).toBe(shortFirst.id);
    expect(ranks(a)[0]).toBe(4);
    const b = await h.standin.clickButton(long, longNext).reply();
    expect(b.id).toBe(longFirst.id);
    expect(ranks(b)[0]).toBe(4);
    expect(b.content).toMatch(/showing 4–/u);
    // The second page's buttons are as good: back to page one.
    const c = await h.standin.clickButton(long, buttonLabelled(b, 'Previous').custom_id).reply();
    expect(c.embeds).toEqual(longFirst.embeds);
  });

  it('says "expired" when the stored query is gone (kept past its month, or the store cleared)', async () => {
    const long = h.standin.sendCommand('ask', { question: `${LONG_QUESTION} Again?` });
    const first = await long.reply();
    expect(storedQueries(h.cacheDir, true).length).toBeGreaterThan(0);
    await h.restart();
    const late = await h.standin.clickButton(long, buttonLabelled(first, 'Next').custom_id).reply();
    expect(late.content).toBe(EXPIRED);
    expect(late.flags & 64).toBe(64);
    expect(h.standin.messages.get(first.id)!.embeds).toEqual(first.embeds);
  });
});
