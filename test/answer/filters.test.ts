// since / until / source on the real seeds: 000 and 001 are dated 2025-04-23, 004 2025-02-21, 002
// and 003 carry no date line (undated), all five are from The Independent.
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import type { Library } from '../../src/answer/library.js';
import { parseAskFilters } from '../../src/answer/askFilters.js';
import { DOC, SEEDS, tempDir } from '../helpers.js';

let library: Library;
beforeAll(async () => {
  library = await openLibrary({ seedsDir: SEEDS, cacheDir: tempDir() });
});

const QUESTION = 'What did Zelensky say about Crimea?';

describe('ask filters', () => {
  it('the seeds have dated and undated articles (what the tests below rely on)', () => {
    const dates = new Map(library.coverage.articles.map((a) => [a.doc, a.publishedOn]));
    expect(dates.get(DOC.d000)).toBe('2025-04-23');
    expect(dates.get(DOC.d004)).toBe('2025-02-21');
    expect(dates.get(DOC.d002)).toBeNull();
    expect(dates.get(DOC.d003)).toBeNull();
  });

  it('without filters, undated articles answer like any other', () => {
    const answer = library.ask(QUESTION, { limit: 10 });
    expect(answer.passages.some((p) => p.publishedOn === null)).toBe(true);
    expect(answer.notice).toBeNull();
  });

  it('since keeps passages published on or after the date, leaves undated ones out and says how many', () => {
    const all = library.ask(QUESTION, { limit: 50 }).passages;
    const answer = library.ask(QUESTION, { limit: 50, since: '2025-04-23' });
    expect(answer.passages.length).toBeGreaterThan(0);
    for (const p of answer.passages) expect(p.publishedOn! >= '2025-04-23').toBe(true);
    // Same order as unfiltered, minus what the filter leaves out.
    expect(answer.passages.map((p) => `${p.doc} ${p.paragraph}`)).toEqual(
      all.filter((p) => p.publishedOn !== null && p.publishedOn >= '2025-04-23').map((p) => `${p.doc} ${p.paragraph}`),
    );
    const undated = all.filter((p) => p.publishedOn === null).length;
    expect(undated).toBeGreaterThan(0);
    expect(answer.notice).toMatch(/published on or after 2025-04-23/);
    expect(answer.notice).toMatch(/\d+ undated matching passages? (was|were) left out/);
  });

  it('until and since together bound the dates; an empty window says so and why', () => {
    const feb = library.ask('Mike Waltz Zelensky', { limit: 20, since: '2025-02-01', until: '2025-02-28' });
    expect(feb.passages.length).toBeGreaterThan(0);
    for (const p of feb.passages) expect(p.doc).toBe(DOC.d004);
    const none = library.ask(QUESTION, { since: '2030-01-01' });
    expect(none.passages).toEqual([]);
    expect(none.notice).toMatch(/Nothing in the coverage matches/);
    expect(none.notice).toMatch(/published on or after 2030-01-01/);
  });

  it('a twin in an undated article is not cited when a date filter is given', () => {
    const answer = library.ask('Lammy and his US counterpart spoke on Tuesday night', { limit: 5, since: '2025-01-01' });
    const [first] = answer.passages;
    expect(first!.doc).toBe(DOC.d000);
    expect(first!.alsoIn).toEqual([]); // 002 ¶8 says the same but is undated.
  });

  it('source matches the publisher, ignoring case; an unknown source finds nothing', () => {
    const independent = library.ask(QUESTION, { source: 'independent' });
    expect(independent.passages.length).toBeGreaterThan(0);
    for (const p of independent.passages) expect(p.source).toBe('The Independent');
    expect(independent.notice).toMatch(/from sources matching “independent”/);
    expect(independent.notice).not.toMatch(/undated/);
    expect(library.ask(QUESTION, { source: 'BBC' }).passages).toEqual([]);
  });

  it('parses typed filters strictly and kindly', () => {
    expect(parseAskFilters({ since: '2025-04-01', until: ' 2025-04-30 ', source: ' Independent ' })).toEqual({
      since: '2025-04-01',
      until: '2025-04-30',
      source: 'Independent',
    });
    expect(parseAskFilters({ since: '', source: '  ' })).toEqual({});
    expect(parseAskFilters({ since: '2025-02-30' })).toEqual({ error: expect.stringMatching(/since must be a date as YYYY-MM-DD/) });
    expect(parseAskFilters({ until: 'April' })).toEqual({ error: expect.stringMatching(/until must be a date/) });
    expect(parseAskFilters({ since: '2025-05-01', until: '2025-04-01' })).toEqual({ error: 'since must not be after until' });
  });
});
