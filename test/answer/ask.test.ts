import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import type { Library } from '../../src/answer/library.js';
import { DOC, SEEDS, tempDir } from '../helpers.js';

let library: Library;
beforeAll(async () => {
  library = await openLibrary({ seedsDir: SEEDS, cacheDir: tempDir() });
});

describe('ask', () => {
  it('folds the same sentence reported in two articles into one hit carrying both citations', () => {
    const answer = library.ask('Lammy and his US counterpart spoke on Tuesday night', { limit: 5 });
    const [first] = answer.passages;
    const cited = [first!, ...first!.alsoIn].map((c) => `${c.doc} ¶${c.paragraph}`).sort();
    expect(cited).toEqual([`${DOC.d000} ¶8`, `${DOC.d002} ¶8`]);
    const all = answer.passages.flatMap((h) => [h, ...h.alsoIn].map((c) => `${c.doc} ¶${c.paragraph}`));
    expect(new Set(all).size).toBe(all.length); // Each paragraph shown once.
    expect(first!.alsoIn[0]).toMatchObject({ citation: `${first!.alsoIn[0]!.doc} ¶8` });
  });

  it('returns passages best first with their citations and at most `limit`', () => {
    const answer = library.ask('Where will Trump meet Putin?', { limit: 2 });
    expect(answer.passages).toHaveLength(2);
    expect(answer.passages[0]!.score).toBeGreaterThanOrEqual(answer.passages[1]!.score);
    expect(answer.passages[0]).toMatchObject({ doc: DOC.d003, publishedOn: null, source: 'The Independent' });
  });

  it('drops passages far below the best when asked to, keeping the ranking', () => {
    const question = 'What did Mike Waltz say about Zelensky?';
    const all = library.ask(question, { limit: 12 }).passages;
    const kept = library.ask(question, { limit: 12, minRelativeScore: 0.2 }).passages;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    expect(kept).toEqual(all.slice(0, kept.length));
    for (const hit of kept) expect(hit.score).toBeGreaterThanOrEqual(0.2 * kept[0]!.score);
    expect(all[kept.length]!.score).toBeLessThan(0.2 * kept[0]!.score);
  });

  it.each([
    ['', /type a question/],
    ['   ', /type a question/],
    ['?!?', /no words/],
    ['what is the', /common words/],
    ['zzqxv wqpfk', /Nothing in the coverage matches "zzqxv wqpfk"/],
  ])('%j gets a one-line notice and no passages', (question, notice) => {
    const answer = library.ask(question);
    expect(answer.passages).toEqual([]);
    expect(answer.notice).toMatch(notice);
    expect(answer.notice).not.toContain('\n');
  });

  it('forgives a misspelt name', () => {
    expect(library.ask('Kellog').passages[0]!.text).toContain('Kellogg');
  });
});
