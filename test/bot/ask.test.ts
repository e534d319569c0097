// /ask end to end: stand-in → real discord.js client → real bot → real library over seeds/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTION_MAX } from '../../commands/ask.js';
import { stemsOf } from '../../src/render/highlight.js';
import { embedsLength } from '../../src/render/discord.js';
import { formatDate } from '../../src/render/format.js';
import { RejectedByClient } from '../../src/standin/index.js';
import { startHarness, type Harness } from './harness.js';
import { ASK_OPTIONS } from '../../commands/ask.js';

const QUESTION = 'How many countries are in the Coalition of the Willing?';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('/ask', () => {
  it('replies with cited passages, best first, the question words in bold', async () => {
    const expected = h.library.ask(QUESTION, ASK_OPTIONS).passages;
    expect(expected.length).toBeGreaterThan(0);
    const ix = h.standin.sendCommand('ask', { question: QUESTION });
    const reply = await ix.reply();

    // Deferred first ("thinking…"), then the answer by editing @original.
    expect(ix.callbacks[0]?.type).toBe(5);
    expect(reply.flags & 64).toBe(0);
    expect(reply.content).toContain(`${expected.length} passage`);
    expect(reply.embeds.length).toBeGreaterThan(0);
    reply.embeds.forEach((embed, i) => {
      const hit = expected[i]!;
      expect(embed.title).toBe(`${i + 1}. ${hit.title ?? hit.doc}`);
      expect(embed.footer?.text).toMatch(new RegExp(`· ¶${hit.paragraph}$`, 'u'));
      expect(embed.footer?.text).toContain(formatDate(hit.publishedOn));
      expect(embed.footer?.text).not.toMatch(/unknown source/iu);
      if (hit.source) expect(embed.footer?.text).toContain(hit.source);
      if (!hit.publishedOn) expect(embed.footer?.text).toContain('undated');
    });
    // Every bolded stretch is one of the question's (stemmed) words or the hit's answer span ("31
    // countries" for "how many countries"), and something is bolded.
    const stems = stemsOf(QUESTION);
    const answers = new Set(expected.filter((hit) => hit.answer).map((hit) => hit.text.slice(hit.answer!.start, hit.answer!.end)));
    const bolded = reply.embeds.flatMap((e) => [...(e.description ?? '').matchAll(/\*\*(.+?)\*\*/gu)].map((m) => m[1]!));
    expect(bolded.length).toBeGreaterThan(0);
    expect(answers.size).toBeGreaterThan(0);
    for (const word of bolded) expect(answers.has(word.replace(/\\/gu, '')) || [...stemsOf(word)].every((s) => stems.has(s)), word).toBe(true);
  });

  it('hide:true answers ephemerally (flag 64) from the first acknowledgement', async () => {
    const ix = h.standin.sendCommand('ask', { question: QUESTION, hide: true });
    const reply = await ix.reply();
    expect(ix.callbacks[0]?.type).toBe(5);
    expect(Number(ix.callbacks[0]?.data?.flags) & 64).toBe(64);
    expect(reply.flags & 64).toBe(64);
    expect(reply.embeds.length).toBeGreaterThan(0);
  });

  it('acknowledges within Discord’s 3 seconds', async () => {
    const ix = h.standin.sendCommand('ask', { question: 'What did Keir Starmer say about Ukraine?' });
    await ix.reply();
    expect(ix.ackMs).not.toBeNull();
    expect(ix.ackMs!).toBeLessThan(3000);
  });

  it.each([['   '], ['?!…'], ['']])('answers an empty or punctuation-only question (%j) kindly', async (question) => {
    const reply = await h.standin.sendCommand('ask', { question }).reply();
    expect(reply.content).toMatch(/Please ask a question in words/u);
    expect(reply.embeds).toEqual([]);
  });

  it('takes a question of the maximum length and stays inside every Discord limit', async () => {
    let question = '';
    while (question.length < QUESTION_MAX) question += 'What did the Coalition of the Willing agree in London about Ukraine? ';
    question = question.slice(0, QUESTION_MAX);
    const reply = await h.standin.sendCommand('ask', { question }).reply();
    expect(reply.content.length).toBeLessThanOrEqual(2000);
    expect(reply.embeds.length).toBeLessThanOrEqual(10);
    expect(embedsLength(reply.embeds)).toBeLessThanOrEqual(6000);
    for (const e of reply.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    }
  });

  it('is refused by the client above the registered max length, as Discord does', () => {
    expect(() => h.standin.sendCommand('ask', { question: 'x'.repeat(QUESTION_MAX + 1) })).toThrow(RejectedByClient);
  });

  it('since: only dated passages, and the reply says undated articles were left out', async () => {
    const expected = h.library.ask(QUESTION, { ...ASK_OPTIONS, since: '2025-04-01' });
    expect(expected.passages.length).toBeGreaterThan(0);
    const reply = await h.standin.sendCommand('ask', { question: QUESTION, since: '2025-04-01' }).reply();
    expect(reply.content).toMatch(/published on or after 2025-04-01/);
    expect(reply.content).toMatch(/undated/);
    expect(reply.embeds.length).toBeGreaterThan(0);
    for (const e of reply.embeds) expect(e.footer?.text).not.toContain('undated');
  });

  it('a malformed date gets a friendly line, not an error', async () => {
    const reply = await h.standin.sendCommand('ask', { question: QUESTION, until: '2025-02-30' }).reply();
    expect(reply.content).toMatch(/until must be a date as YYYY-MM-DD/);
    expect(reply.embeds).toEqual([]);
  });

  it('says so when nothing in the coverage matches', async () => {
    const question = 'xylophone quokka zeppelin';
    const answer = h.library.ask(question, ASK_OPTIONS);
    const reply = await h.standin.sendCommand('ask', { question }).reply();
    if (answer.passages.length === 0) {
      expect(reply.embeds).toEqual([]);
      expect(reply.content.length).toBeGreaterThan(10);
    } else {
      expect(reply.embeds.length).toBeGreaterThan(0);
    }
  });
});
