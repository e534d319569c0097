// /ask keeps answering while the live watcher reads a page that is slow to parse: the page is read in
// the reading worker (src/corpus/formats/parsePool.ts), so the bot's thread stays free. Real
// discord.js client over the loopback stand-in, real chokidar watcher, a hostile page made here.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { LiveLibrary, type LiveEvent } from '../../src/live/liveLibrary.js';
import { startHarness, type Harness } from '../bot/harness.js';
import { DOC, SEEDS, tempDir } from '../helpers.js';

const dir = tempDir('coverage-bot-live-');
let live: LiveLibrary;
let h: Harness;
const events: LiveEvent[] = [];

const PARAGRAPHS = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1}: the Tay bridge will reopen in March after repairs costing four million pounds, the council said.</p>`).join('\n');
/** 60,000 unclosed paragraphs before the story: no nesting to cap, over a second of Readability. */
const slowPage = `<!doctype html><html><head><title>Bridge to reopen</title></head><body><article>${'<p>'.repeat(60_000)}${PARAGRAPHS}</article></body></html>`;
/** 2,000 nested elements: 39 s before the reading budget. */
const deepPage = `<!doctype html><html><head><title>Ferry sailings</title></head><body><article>${'<div>'.repeat(2_000)}${PARAGRAPHS.replaceAll('Tay bridge', 'Islay ferry')}${'</div>'.repeat(2_000)}</article></body></html>`;

beforeAll(async () => {
  for (const doc of [DOC.d000, DOC.d001, DOC.d003]) copyFileSync(join(SEEDS, `${doc}.txt`), join(dir, `${doc}.txt`));
  // The reading worker starts once (about a second); started here, as a running bot's would be.
  const warm = tempDir();
  writeFileSync(join(warm, 'warm.html'), `<html><body><article>${PARAGRAPHS}</article></body></html>`);
  await loadArticles(warm);
  live = await LiveLibrary.open({ seedsDir: dir, cacheDir: tempDir(), onEvent: (e) => void events.push(e), watch: true });
  h = await startHarness({ library: live });
});
afterAll(async () => {
  await h?.close();
  await live?.close();
});

describe('reading off the answering thread', () => {
  it('/ask answers promptly throughout while the watcher reads slow and deep pages', async () => {
    const question = 'How many countries are in the Coalition of the Willing?';
    const latencies: number[] = [];
    const ask = async () => {
      const sent = performance.now();
      const reply = await h.standin.sendCommand('ask', { question }).reply();
      latencies.push(performance.now() - sent);
      return reply;
    };
    expect((await ask()).embeds.length).toBeGreaterThan(0);
    latencies.length = 0;

    // The longest the bot's thread went without a turn: an ask sent then would wait that long.
    let last = performance.now();
    let longestStall = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 10);
    const written = performance.now();
    writeFileSync(join(dir, 'slow.html'), slowPage);
    writeFileSync(join(dir, 'deep.html'), deepPage);
    const added = () => events.some((e) => e.type === 'updated' && e.added.some((p) => p.endsWith('slow.html')));
    while (!added()) {
      expect((await ask()).embeds.length).toBeGreaterThan(0);
      if (performance.now() - written > 20_000) throw new Error('the slow page was never read');
      await new Promise((r) => setTimeout(r, 50));
    }
    clearInterval(tick);
    const update = events.find((e): e is Extract<LiveEvent, { type: 'updated' }> => e.type === 'updated' && e.added.some((p) => p.endsWith('slow.html')))!;
    expect(update.skipped).toEqual([]);
    expect(live.current.ask('Tay bridge repairs').passages[0]?.doc).toBe('slow');
    expect(live.current.ask('Islay ferry repairs').passages[0]?.doc).toBe('deep');
    // Every answer came back while the update ran, none held up by the parse.
    const slowest = Math.max(...latencies);
    console.info(`${latencies.length} answers during an update of ${update.ms} ms: slowest ${Math.round(slowest)} ms, longest stall of the thread ${Math.round(longestStall)} ms`);
    expect(latencies.length).toBeGreaterThan(5);
    expect(slowest).toBeLessThan(750);
    expect(longestStall).toBeLessThan(500);
  }, 40_000);
});
