// The nine saved news pages of ../shared/fixtures/html-articles through the real loader: body
// paragraphs only, and title, byline, date and source as each expected-metadata.json gives them.
// The first and last body paragraph and the count are what a careful reader takes as the story.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import type { Article } from '../../src/types.js';
import { sharedFixture, tempDir } from '../helpers.js';

const PAGES = sharedFixture('fixtures/html-articles');

interface Expected {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

/** name → [paragraph count, first paragraph opens with, last paragraph opens with]. */
const BODY: Record<string, [number, string, string]> = {
  'bbc-1': [35, 'President Barack Obama has admitted that his failure', 'Mr Obama will become the first US president to address the African Union'],
  breitbart: [6, 'Snopes fact checker and staff writer David Emery posted to Twitter', 'Facebook believe that Emery, along with other Snopes writers'],
  cnn: [11, 'The U.S. has long been heralded as a land of opportunity', 'The report concluded that the American safety net was ineffective'],
  'guardian-1': [29, 'Whale whisperer Hori Parata was just seven years old', '“It’s very emotional. Our ancestors tell us the strandings'],
  'herald-sun-1': [18, 'A HIGH-powered federal government team has been doing the rounds', 'Memories of the grief Conroy brought down on his head'],
  'nytimes-1': [20, 'LONDON — After nearly 20 years of hostile relations', 'Mr. Reeves said he thought that the American government was being manipulated'],
  'nytimes-2': [20, 'Yahoo’s $4.8 billion sale to Verizon is a complicated beast', 'All in all, this was as hairy a deal as they come'],
  telegraph: [13, 'Zimbabwe President Robert Mugabe, his wife Grace and two key figures', 'Whatever the final outcome, the events could signal'],
  'wapo-1': [28, 'CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum', 'The last major attack on a civilian target in Tunisia was in 2002'],
};

// Furniture each of these pages carries inside or next to its article markup (checked in the source).
const FURNITURE = [
  /continue reading the main story/i,
  /sign up for our newsletter/i,
  /^related:/i,
  /getty images/i,
  /powered by/i,
  /^read more/i,
  /read the full transcript/i,
  /first published/i,
  /contributed to this report/i,
  /follow him on twitter/i,
  /source: supplied/i,
  /political editor$/i,
  /^\[.*\]$/, // "[Read: …]" story links
  /^map:/i,
  /\(reuters\)$/i, // a video caption
  /^media caption/i,
];

const articles = new Map<string, Article>();

beforeAll(async () => {
  const dir = tempDir();
  for (const name of Object.keys(BODY)) copyFileSync(join(PAGES, name, 'source.html'), join(dir, `${name}.html`));
  const loaded = await loadArticles(dir);
  expect(loaded.skipped).toEqual([]);
  for (const article of loaded.articles) articles.set(article.doc, article);
});

const stripBy = (byline: string) => byline.replace(/^by\s+/i, '').trim();

describe.each(Object.keys(BODY))('saved page %s', (name) => {
  const expected = (): Expected => JSON.parse(readFileSync(join(PAGES, name, 'expected-metadata.json'), 'utf8')) as Expected;

  it('is read as its body paragraphs only', () => {
    const article = articles.get(name)!;
    const [count, first, last] = BODY[name]!;
    const texts = article.paragraphs.map((p) => p.text);
    expect(texts[0]).toMatch(new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}`));
    expect(texts.at(-1)).toMatch(new RegExp(`^${last.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}`));
    expect(texts).toHaveLength(count);
    for (const text of texts) for (const pattern of FURNITURE) expect(text, `furniture in ${name}`).not.toMatch(pattern);
    // Captions are metadata, never passages.
    for (const caption of article.captions) expect(texts).not.toContain(caption.text);
    expect(article.paragraphs.map((p) => p.paragraph)).toEqual(texts.map((_, i) => i + 1));
  });

  it('has the title, byline, date and source the page gives', () => {
    const article = articles.get(name)!;
    const e = expected();
    expect(article.title).toBe(e.title);
    if (e.byline) {
      const given = stripBy(e.byline);
      // Where the page's byline element runs into its date ("Lucas Nolan22 Dec 2016651"), the author alone.
      if (/\d/.test(given)) {
        expect(given.startsWith(article.byline!)).toBe(true);
        expect(article.byline).not.toMatch(/\d/);
      } else expect(article.byline).toBe(given);
    } else expect(article.byline ?? null).toBeNull();
    if (e.siteName) expect(article.source).toBe(e.siteName);
    if (e.publishedTime) expect(article.publishedOn).toBe(e.publishedTime.slice(0, 10));
    for (const p of article.paragraphs) expect(p).toMatchObject({ doc: name, source: article.source, publishedOn: article.publishedOn });
    expect(article.url).toMatch(/^https?:\/\//);
  });
});
