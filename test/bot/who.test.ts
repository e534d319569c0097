// /who end to end, and its autocomplete over the people register. Expectations come from the real
// library on the seeds, whose register must hold quoted people with aliases (a regression fails here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/types.js';
import { whenSaid } from '../../src/render/discord.js';
import { buttonLabelled, startHarness, type Harness } from './harness.js';

let h: Harness;
let people: Person[] = [];
beforeAll(async () => {
  h = await startHarness();
  people = [...h.library.coverage.people].sort((a, b) => b.statements - a.statements);
});
afterAll(async () => {
  await h?.close();
});

describe('/who', () => {
  it('lists what the most quoted person said, in date order, each with when it was said', async () => {
    expect(people.length, 'the seeds\' people register is empty').toBeGreaterThan(0);
    expect(people[0]!.statements, 'nobody in the seeds is quoted').toBeGreaterThan(0);
    const person = people[0]!;
    const answer = h.library.who(person.name);
    const reply = await h.standin.sendCommand('who', { person: person.name }).reply();
    expect(reply.content).toContain(person.name);
    const fields = reply.embeds[0]!.fields!;
    expect(fields.length).toBeGreaterThan(0);
    fields.forEach((f, i) => {
      const s = answer.statements[i]!;
      expect(f.name).toBe(whenSaid(s));
      // The citation closes the value: the article (no title in the seeds: its file name), date, ¶n.
      expect(f.value.split('\n').at(-1)).toMatch(new RegExp(`^${s.doc.replace('_', '\\\\_')} · .* · ¶${s.paragraph}$`, 'u'));
    });
    const dates = answer.statements.map((s) => s.saidOn ?? s.publishedOn ?? '9999-99-99');
    expect(dates).toEqual([...dates].sort());
  });

  it('answers an unknown person with a friendly "did you mean", never an error', async () => {
    const query = 'Zebedee Quartermaine';
    const answer = h.library.who(query);
    const reply = await h.standin.sendCommand('who', { person: query }).reply();
    expect(reply.flags & 64).toBe(0);
    if (answer.person === null) {
      expect(reply.content).toContain("couldn't find anyone called “Zebedee Quartermaine”");
      for (const name of answer.suggestions.slice(0, 5)) expect(reply.content).toContain(name);
      if (answer.suggestions.length > 0) expect(reply.content).toContain('Did you mean');
    }
  });

  it('hide:true answers ephemerally', async () => {
    const reply = await h.standin.sendCommand('who', { person: people[0]?.name ?? 'Lammy', hide: true }).reply();
    expect(reply.flags & 64).toBe(64);
  });

  it('asks for a name when given only punctuation', async () => {
    const reply = await h.standin.sendCommand('who', { person: ' ?? ' }).reply();
    expect(reply.content).toMatch(/Please give a name/u);
  });
});

describe('/who autocomplete', () => {
  it.each([[''], ['a'], ['Lammy'], ['Zelen'], ['x'.repeat(100)]])('offers at most 25 valid choices for %j, fast', async (typed) => {
    const ix = h.standin.sendAutocomplete('who', 'person', typed);
    const choices = await ix.choices();
    expect(ix.callbacks[0]?.type).toBe(8);
    expect(ix.ackMs!).toBeLessThan(3000);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(String(c.value).length).toBeLessThanOrEqual(100);
    }
    const expected = h.library.suggestPeople(typed, 25).map((p) => p.name.slice(0, 100));
    expect(choices.map((c) => c.value)).toEqual(expected);
  });

  it.each([['Lammy'], ['Zelen'], ['lammy']])('offers everyone whose name or alias contains %j (the seeds quote them)', async (typed) => {
    const fold = (t: string) => t.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const matching = people.filter((p) => [p.name, ...p.aliases].some((n) => fold(n).includes(fold(typed))));
    expect(matching.length).toBeGreaterThan(0);
    const choices = await h.standin.sendAutocomplete('who', 'person', typed).choices();
    for (const p of matching.slice(0, 25)) expect(choices.map((c) => c.value)).toContain(p.name);
  });

  it('matches aliases: typing part of an alias offers the person', async () => {
    const withAlias = people.find((p) => p.aliases.some((a) => a !== p.name && a.length >= 5));
    expect(withAlias, 'nobody in the seeds has an alias of five letters or more').toBeDefined();
    const alias = withAlias!.aliases.find((a) => a !== withAlias!.name && a.length >= 5)!;
    const choices = await h.standin.sendAutocomplete('who', 'person', alias.slice(0, 5)).choices();
    expect(choices.map((c) => c.value)).toContain(withAlias!.name);
  });
});

// Runs whatever the register holds: a library whose `who` answers from hand-written statements
// (labelled as such), to check the bot keeps the library's order across pages and dates each one.
describe('/who with many statements (stub who over the real library)', () => {
  const dates: [string | null, string | null][] = [
    ['2025-04-20', '2025-04-23'],
    ['2025-04-22', '2025-04-23'],
    [null, '2025-04-23'],
    ['2025-04-24', '2025-04-25'],
    [null, '2025-04-26'],
    [null, null],
    [null, null],
  ];
  let stubbed: Harness;
  beforeAll(async () => {
    const real = h.library;
    stubbed = await startHarness({
      library: {
        ...real,
        who: (name) => ({
          query: name,
          person: { name: 'Test Person', aliases: ['Person'] },
          statements: dates.map(([saidOn, publishedOn], i) => ({
            doc: `doc${i}`,
            paragraph: i + 1,
            speaker: 'Test Person',
            text: `Statement number ${i + 1} @everyone`,
            kind: i % 2 ? 'indirect' : 'direct',
            saidOn,
            publishedOn,
            cue: 'they said',
          })),
          suggestions: [],
        }),
      },
    });
  });
  afterAll(async () => {
    await stubbed?.close();
  });

  it('shows every statement once, in the library’s order, dated, across pages', async () => {
    const ix = stubbed.standin.sendCommand('who', { person: 'Person' });
    const first = await ix.reply();
    const second = await stubbed.standin.clickButton(ix, buttonLabelled(first, 'Next').custom_id).reply();
    const fields = [...first.embeds[0]!.fields!, ...second.embeds[0]!.fields!];
    expect(fields.map((f) => f.name)).toEqual([
      '20 Apr 2025',
      '22 Apr 2025',
      'published 23 Apr 2025',
      '24 Apr 2025',
      'published 26 Apr 2025',
      'undated',
      'undated',
    ]);
    expect(fields.map((f) => f.value.split('\n').at(-1)!.replace(/ · (?:[\d\w ]+|undated) · /u, ' · … · '))).toEqual(
      Array.from({ length: 7 }, (_, i) => `doc${i} · … · ¶${i + 1}`),
    );
    expect(first.content).toContain('7 statements');
    expect(first.embeds[0]!.fields![0]!.value).toMatch(/^“Statement number 1 @\u200beveryone” — they said\n/u);
    expect(first.mention_everyone).toBe(false);
  });
});
