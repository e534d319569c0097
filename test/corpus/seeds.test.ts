// The loader on the real seeds: dates, boilerplate, sources, captions and paragraph counts.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverage } from '../../src/statements/loadCoverage.js';
import type { Article, Coverage } from '../../src/types.js';
import { DOC, SEEDS } from '../helpers.js';

let coverage: Coverage;
const article = (doc: string): Article => coverage.articles.find((a) => a.doc === doc)!;

beforeAll(async () => {
  coverage = await loadCoverage(SEEDS);
});

describe('seeds', () => {
  it('loads all five articles and skips nothing', () => {
    expect(coverage.articles.map((a) => a.doc)).toEqual(Object.values(DOC));
    expect(coverage.skipped).toEqual([]);
  });

  it('reads the date line, and leaves undated articles null', () => {
    expect(article(DOC.d000).publishedOn).toBe('2025-04-23');
    expect(article(DOC.d001).publishedOn).toBe('2025-04-23');
    expect(article(DOC.d004).publishedOn).toBe('2025-02-21');
    expect(article(DOC.d002).publishedOn).toBeNull();
    expect(article(DOC.d003).publishedOn).toBeNull();
    for (const passage of coverage.passages) expect(passage.publishedOn).toBe(article(passage.doc).publishedOn);
  });

  it('removes the appeal on the date line (000, 004) and spread over eight lines (003)', () => {
    for (const passage of coverage.passages) {
      expect(passage.text).not.toMatch(/donation|reproductive rights|Elon Musk|Your support|Support Now|trusted by Americans/i);
    }
  });

  it('records the publisher the appeal names, and null where there is none', () => {
    expect(article(DOC.d000).source).toBe('The Independent');
    expect(article(DOC.d003).source).toBe('The Independent');
    expect(article(DOC.d004).source).toBe('The Independent');
    expect(article(DOC.d001).source).toBeNull();
    expect(article(DOC.d002).source).toBeNull();
  });

  it('keeps captions out of passages and in captions', () => {
    for (const passage of coverage.passages) {
      expect(passage.text).not.toMatch(/open image in gallery/i);
      expect(passage.text).not.toContain('Jeff Moore');
      expect(passage.text).not.toContain('Trump is set to meet Putin on Friday');
    }
    expect(article(DOC.d003).captions).toEqual([
      { afterParagraph: 12, text: 'Starmer with Ukrainian President Volodymyr Zelensky at 10 Downing Street', credit: 'Jeff Moore/PA' },
      { afterParagraph: 21, text: 'Trump is set to meet Putin on Friday', credit: 'AP' },
    ]);
  });

  // Counted by hand from the files: non-blank lines, minus a date line carrying only the appeal
  // (000, 004), minus the eight appeal lines and two marker + caption pairs (003).
  it.each([
    [DOC.d000, 19],
    [DOC.d001, 24],
    [DOC.d002, 11],
    [DOC.d003, 27],
    [DOC.d004, 18],
  ])('%s has %i paragraphs, numbered from 1', (doc, count) => {
    const paragraphs = article(doc).paragraphs;
    expect(paragraphs).toHaveLength(count);
    expect(paragraphs.map((p) => p.paragraph)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('takes the body text on 001’s date line as its first paragraph', () => {
    expect(article(DOC.d001).paragraphs[0]!.text).toMatch(/^Meanwhile, Ukrainian President Volodymyr Zelensky has ruled out/);
  });

  it('starts 000 and 003 with their first real body paragraph', () => {
    expect(article(DOC.d000).paragraphs[0]!.text).toMatch(/^Foreign Secretary David Lammy and Defence Secretary John Healey met/);
    expect(article(DOC.d003).paragraphs[0]!.text).toBe('Keir Starmer will co-chair a meeting with pro-Ukraine allies on Wednesday.');
  });
});
