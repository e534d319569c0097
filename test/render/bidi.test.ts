// Bidirectional control characters in text we echo (a question, a person asked for, a fetched
// page's title) are removed, so they cannot reverse or reorder the reply around them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addedText } from '../../src/render/addReply.js';
import { renderAsk, renderWho } from '../../src/render/discord.js';
import { highlight, stemsOf } from '../../src/render/highlight.js';
import { safeText } from '../../src/render/safeText.js';
import type { Article, Hit } from '../../src/types.js';
import { startHarness, type Harness } from '../bot/harness.js';

const RLO = '\u202e';
/** Every bidi control named in Unicode's UAX #9: embeddings, overrides, isolates and marks. */
const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const ANY_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

const hit: Hit = { doc: 'doc1', paragraph: 2, text: `The bridge reopened ${RLO}on Tuesday.`, publishedOn: '2025-03-04', source: `Echo${RLO}`, title: `Bridge ${RLO}reopens`, score: 1, alsoIn: [] };

describe('bidi controls in echoed text', () => {
  it('safeText removes each of them and keeps the letters, Arabic and Hebrew included', () => {
    for (const c of CONTROLS) expect(safeText(`a${c}b`)).toBe('ab');
    expect(safeText(`\u2067مرحبا\u2069 שלום\u200f`)).toBe('مرحبا שלום');
  });

  it('/ask: the question, the passage, its title and its source', () => {
    const [page] = renderAsk({ question: `Why did the ${RLO}bridge close?`, passages: [hit], notice: null });
    expect(page!.content).toContain('“Why did the bridge close?”');
    expect(JSON.stringify(page)).not.toMatch(ANY_CONTROL);
    expect(page!.embeds[0]!.title).toBe('1. Bridge reopens');
    expect(highlight(`the ${RLO}bridge`, stemsOf('bridge'))).toBe('the **bridge**');
  });

  it('/ask with nothing found still quotes the question without them', () => {
    const [page] = renderAsk({ question: `${RLO}gnihton`, passages: [], notice: null });
    expect(page!.content).toBe('I found nothing in the coverage about “gnihton”. Try other words.');
  });

  it('/who: the person asked for, when found and when not', () => {
    const missing = renderWho({ query: `Jo${RLO}hn`, person: null, statements: [], suggestions: [`Jo\u2066hn Healey`] });
    expect(missing[0]!.content).not.toMatch(ANY_CONTROL);
    expect(missing[0]!.content).toContain('“John”');
    const found = renderWho({ query: 'x', person: { name: `John ${RLO}Healey`, aliases: [] }, statements: [], suggestions: [] });
    expect(found[0]!.content).toBe('**John Healey** is in the coverage, but no statements are attributed to them.');
  });

  it('/add: the fetched page’s title and source', () => {
    const article: Article = { doc: 'page', path: '/x/page.html', title: `Totally ${RLO}real title`, url: 'https://example.org/a', source: `example${RLO}.org`, publishedOn: null, paragraphs: [], captions: [] };
    const text = addedText(article);
    expect(text).not.toMatch(ANY_CONTROL);
    expect(text).toContain('“Totally real title” — example.org');
  });
});

describe('through the running bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a question with a right-to-left override is echoed without it', async () => {
    const reply = await h.standin.sendCommand('ask', { question: `How many countries are in the ${RLO}Coalition of the Willing?` }).reply();
    expect(reply.content).toContain('“How many countries are in the Coalition of the Willing?”');
    expect(JSON.stringify(reply)).not.toMatch(ANY_CONTROL);
  });
});
