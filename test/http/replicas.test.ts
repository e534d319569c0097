// Two replicas behind a round-robin load balancer, sharing one cache folder and nothing else: a page
// button made by one is answered by the other, for long (stored) and short (inline) queries alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonLabelled } from '../bot/harness.js';
import { startHttpHarness, type HttpHarness } from './harness.js';

const ranks = (m: { embeds: { title?: string }[] }) => m.embeds.map((e) => Number(/^(\d+)\./u.exec(e.title ?? '')?.[1]));

let h: HttpHarness;
beforeAll(async () => {
  h = await startHttpHarness(2);
});
afterAll(async () => {
  await h?.close();
});

describe('two HTTP replicas', () => {
  it.each([
    ['inline', 'What happened at the London talks on Ukraine?'],
    ['stored', 'What did the ministers and officials say happened at the London talks on Ukraine, and what did Rubio and Witkoff decide?'],
  ])('answers a %s page button on the replica that did not make it', async (_kind, question) => {
    const ask = h.standin.sendCommand('ask', { question });
    const first = await ask.reply();
    const next = h.standin.clickButton(ask, buttonLabelled(first, 'Next').custom_id);
    const second = await next.reply();
    expect(ask.servedBy).not.toBeNull();
    expect(next.servedBy).not.toBeNull();
    expect(next.servedBy).not.toBe(ask.servedBy);
    expect(second.id).toBe(first.id);
    expect(ranks(second)[0]).toBe(4);
  });
});
