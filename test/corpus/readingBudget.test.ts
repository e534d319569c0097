// Files built to be slow to read, made by the test: pages nested thousands of elements deep or with
// tens of thousands of unclosed tags, Markdown lists and quotes nested a thousand deep, emphasis runs
// thousands long. Each is read to the budget (src/corpus/formats/readBudget.ts) with one warning
// naming it, in the reading worker, while the rest of the folder loads; a parse past its time budget
// is ended and the file skipped with the reason, and the next file still reads.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { DOC, SEEDS, sharedFixture, tempDir } from '../helpers.js';

const PAGES = sharedFixture('fixtures/html-articles');

const PARAGRAPHS = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1}: the council report says the Tay bridge will reopen in March after repairs costing four million pounds, the mayor told reporters on Tuesday.</p>`).join('\n');
const page = (inside: (body: string) => string) => `<!doctype html><html><head><title>Bridge to reopen</title></head><body><article>${inside(PARAGRAPHS)}</article></body></html>`;
const nested = (depth: number, tag = 'div') => page((body) => `<${tag}>`.repeat(depth) + body + `</${tag}>`.repeat(depth));
const unclosed = (count: number, tags: string[]) => page((body) => Array.from({ length: count }, (_, i) => `<${tags[i % tags.length]}>`).join('') + body);

const SENTENCE = 'The ferry to Islay will run twice a day through the winter, the operator said on Monday.';
const markdownList = (depth: number) => `# Ferry timetable\n\n${SENTENCE}\n\n` + Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- sailing ${i + 1}`).join('\n') + '\n';
const markdownQuotes = (depth: number) => `# Ferry timetable\n\n${SENTENCE}\n\n` + Array.from({ length: depth }, (_, i) => `${'>'.repeat(i + 1)} sailing ${i + 1}`).join('\n') + '\n';
const markdownEmphasis = (run: number) => `# Ferry timetable\n\n${'*'.repeat(run)}${SENTENCE}${'*'.repeat(run)}\n`;

const fileOf = (dir: string) => (warning: string) => warning.slice(dir.length + 1, warning.indexOf(':'));
const bodyOf = (articles: Awaited<ReturnType<typeof loadArticles>>['articles'], doc: string) => articles.find((a) => a.doc === doc)?.paragraphs.map((p) => p.text) ?? [];

beforeAll(async () => {
  // The reading worker starts once per process (tsx and the parsers load in about a second); the
  // figures below are for reading, so it is started first.
  const dir = tempDir();
  writeFileSync(join(dir, 'warm.html'), page((body) => body));
  await loadArticles(dir);
});

describe('a page nested deep', () => {
  it('2,000 nested elements: read in ≤ 1 s, every paragraph, with one warning naming it (was 39 s)', async () => {
    const dir = tempDir();
    const file = join(dir, 'deep2000.html');
    writeFileSync(file, nested(2_000));
    const started = performance.now();
    const { articles, skipped, warnings } = await loadArticles(dir);
    const ms = performance.now() - started;
    expect(skipped).toEqual([]);
    expect(bodyOf(articles, 'deep2000')).toHaveLength(8);
    expect(bodyOf(articles, 'deep2000')[0]).toMatch(/^Paragraph 1: the council report/u);
    expect(warnings).toEqual([`${file}: over the reading budget (elements nested deeper than 64 flattened)`]);
    expect(ms).toBeLessThan(1_000);
  });

  it('100,000 deep and 60,000 unclosed tags load with the rest of the folder in ≤ 5 s (were never ready)', async () => {
    const dir = tempDir();
    for (const doc of Object.values(DOC)) copyFileSync(join(SEEDS, `${doc}.txt`), join(dir, `${doc}.txt`));
    const saved = ['bbc-1', 'guardian-1', 'nytimes-1'];
    for (const name of saved) copyFileSync(join(PAGES, name, 'source.html'), join(dir, `${name}.html`));
    writeFileSync(join(dir, 'deep100000.html'), nested(100_000));
    writeFileSync(join(dir, 'unclosed60000.html'), unclosed(60_000, ['div', 'span', 'b', 'font']));

    const started = performance.now();
    const { articles, skipped, warnings } = await loadArticles(dir);
    const ms = performance.now() - started;

    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.doc)).toEqual(expect.arrayContaining([...Object.values(DOC), ...saved, 'deep100000', 'unclosed60000']));
    for (const doc of ['deep100000', 'unclosed60000']) expect(bodyOf(articles, doc)).toHaveLength(8);
    expect(warnings.filter((w) => w.includes('over the reading budget')).map(fileOf(dir)).sort()).toEqual(['deep100000.html', 'unclosed60000.html']);
    expect(ms).toBeLessThan(5_000);
    console.info(`5 seeds, ${saved.length} saved pages, 100,000 deep and 60,000 unclosed: loaded in ${Math.round(ms)} ms`);
  }, 20_000);
});

describe('Markdown nested deep', () => {
  it('lists and quotes nested 1,000 deep and a 10,000-long emphasis run read to the budget in ≤ 5 s (were minutes, or a stack overflow)', async () => {
    const dir = tempDir();
    copyFileSync(join(SEEDS, `${DOC.d000}.txt`), join(dir, `${DOC.d000}.txt`));
    writeFileSync(join(dir, 'list1000.md'), markdownList(1_000));
    writeFileSync(join(dir, 'quotes1000.md'), markdownQuotes(1_000));
    writeFileSync(join(dir, 'emphasis10000.md'), markdownEmphasis(10_000));

    const started = performance.now();
    const { articles, skipped, warnings } = await loadArticles(dir);
    const ms = performance.now() - started;

    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.doc)).toEqual([DOC.d000, 'emphasis10000', 'list1000', 'quotes1000']);
    for (const doc of ['list1000', 'quotes1000', 'emphasis10000']) expect(bodyOf(articles, doc)[0]).toBe(SENTENCE);
    expect(articles.find((a) => a.doc === 'list1000')?.title).toBe('Ferry timetable');
    expect(bodyOf(articles, 'list1000').join(' ')).toContain('sailing 1000');
    expect(warnings.filter((w) => w.includes('over the reading budget')).map(fileOf(dir)).sort()).toEqual(['emphasis10000.md', 'list1000.md', 'quotes1000.md']);
    expect(ms).toBeLessThan(5_000);
    console.info(`Markdown nested 1,000 deep (list, quotes) and a 10,000 emphasis run: loaded in ${Math.round(ms)} ms`);
  }, 20_000);
});

describe('the time budget', () => {
  it('a parse past its budget is ended and the file skipped with the reason; the next file still reads', async () => {
    const dir = tempDir();
    // 60,000 paragraphs: no nesting to cap, about a second of Readability on this machine.
    writeFileSync(join(dir, 'a-slow.html'), unclosed(60_000, ['p']));
    writeFileSync(join(dir, 'b-next.html'), page((body) => body));
    const started = performance.now();
    const { articles, skipped } = await loadArticles(dir, { readTimeoutMs: 150 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(skipped).toEqual([{ path: join(dir, 'a-slow.html'), reason: 'over the reading budget (not read within 0.15 s)' }]);
    expect(articles.map((a) => a.doc)).toEqual(['b-next']);
    expect(bodyOf(articles, 'b-next')).toHaveLength(8);
  });

  it('the loading thread keeps its turns while a slow page is parsed (longest gap between timer ticks < 250 ms)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'slow.html'), unclosed(60_000, ['p']));
    let last = performance.now();
    let longest = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const { articles } = await loadArticles(dir);
    const ms = performance.now() - started;
    clearInterval(tick);
    expect(articles.map((a) => a.doc)).toEqual(['slow']);
    // The parse itself took far longer than any gap: it ran elsewhere.
    expect(ms).toBeGreaterThan(300);
    expect(longest).toBeLessThan(250);
  });
});
