// The pure renderers: every Discord limit, highlighting, mention safety, and the text layout.
import { describe, expect, it } from 'vitest';
import { embedsLength, pagerRow, renderAsk, renderDiscordAsText, renderWho } from '../../src/render/discord.js';
import { highlight, stemsOf } from '../../src/render/highlight.js';
import { neutraliseMentions } from '../../src/render/safeText.js';
import { truncate } from '../../src/render/truncate.js';
import type { Hit, Statement } from '../../src/types.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

function hit(i: number, text: string): Hit {
  return {
    doc: `00${i}_abcdef`,
    paragraph: i + 1,
    text,
    publishedOn: i % 2 ? '2025-04-23' : null,
    source: 'The Independent',
    score: 1 / (i + 1),
    alsoIn: Array.from({ length: 60 }, (_, j) => ({ doc: `d${j}`, paragraph: j, citation: `d${j} ¶${j}`, publishedOn: null, source: 'X' })),
  };
}

function statement(i: number, saidOn: string | null, publishedOn: string | null): Statement {
  return { doc: `doc${i}`, paragraph: i, speaker: 'David Lammy', text: words(400), kind: 'direct', saidOn, publishedOn, cue: 'he said' };
}

describe('truncate', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncate('alpha beta gamma', 12)).toBe('alpha beta…');
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('x'.repeat(50), 10)).toHaveLength(10);
  });
});

describe('highlight', () => {
  it('bolds stemmed question words but not stop words, escaping markdown', () => {
    const stems = stemsOf('Which countries are talking?');
    expect(highlight('The country *talks* are in the countries', stems)).toBe(
      'The **country** \\***talks**\\* are in the **countries**',
    );
  });
});

describe('mentions', () => {
  it('breaks @everyone, @here and user/role mentions', () => {
    const out = neutraliseMentions('@everyone @here <@123> <@!123> <@&456>');
    expect(out).not.toMatch(/@everyone|@here|<@!?&?\d+>/u);
  });
});

describe('renderAsk', () => {
  it('keeps every page within every Discord limit and says how many more there are', () => {
    const pages = renderAsk({ question: 'word1 '.repeat(60), passages: Array.from({ length: 11 }, (_, i) => hit(i, words(2000))), notice: null });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.content).toMatch(/showing 1–\d+ of 11 · \d+ more/u);
    for (const page of pages) {
      expect(page.content.length).toBeLessThanOrEqual(2000);
      expect(page.embeds.length).toBeLessThanOrEqual(10);
      expect(embedsLength(page.embeds)).toBeLessThanOrEqual(6000);
      for (const e of page.embeds) {
        expect(e.title!.length).toBeLessThanOrEqual(256);
        expect(e.description!.length).toBeLessThanOrEqual(4096);
        expect(e.description!.endsWith('…')).toBe(true);
        for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1024);
      }
    }
    expect(pages[0]!.embeds[0]!.footer!.text).toContain('undated');
    expect(pages[0]!.embeds[1]!.footer!.text).toContain('23 Apr 2025');
  });

  it('shows the notice when there is nothing', () => {
    expect(renderAsk({ question: '', passages: [], notice: 'Ask a question @everyone' })[0]!.content).toBe('Ask a question @\u200beveryone');
  });
});

describe('renderWho', () => {
  it('dates each statement (said, else published, else undated) and respects field limits', () => {
    const pages = renderWho({
      query: 'lammy',
      person: { name: 'David Lammy', aliases: ['Lammy', 'Mr Lammy'] },
      statements: [statement(1, '2025-04-22', '2025-04-23'), statement(2, null, '2025-04-24'), statement(3, null, null)],
      suggestions: [],
    });
    const fields = pages.flatMap((p) => p.embeds[0]!.fields!);
    expect(fields.map((f) => f.name)).toEqual(['22 Apr 2025', 'published 24 Apr 2025', 'undated']);
    expect(fields.map((f) => f.value.split('\n').at(-1))).toEqual(['doc1 · 23 Apr 2025 · ¶1', 'doc2 · 24 Apr 2025 · ¶2', 'doc3 · undated · ¶3']);
    for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
    for (const p of pages) expect(embedsLength(p.embeds)).toBeLessThanOrEqual(6000);
  });

  it('suggests names for an unknown person', () => {
    const [page] = renderWho({ query: 'Lamy', person: null, statements: [], suggestions: ['David Lammy'] });
    expect(page!.content).toContain('Did you mean **David Lammy**?');
  });
});

describe('renderDiscordAsText', () => {
  it('lays out content, embed cards, ephemeral note and buttons', () => {
    const [page] = renderAsk({ question: 'talks', passages: [hit(1, 'The talks in London.')], notice: null });
    const text = renderDiscordAsText({ ...page!, flags: 64, components: [pagerRow(0, 2)] });
    expect(text).toContain('only you can see this');
    expect(text).toContain('│ 1. 001_abcdef');
    expect(text).toContain('│ The Independent · 23 Apr 2025 · ¶2');
    expect(text).toContain('│ The **talks** in London.');
    expect(text).toContain('( ◀ Previous ) ( 1/2 ) [ Next ▶ ]');
  });
});
