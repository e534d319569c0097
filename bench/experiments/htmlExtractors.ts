// Which extractor and DOM read the nine saved pages (../shared/fixtures/html-articles) best, and how
// fast: Mozilla Readability and Defuddle, each on linkedom and on jsdom. Run:
//   npx tsx bench/experiments/htmlExtractors.ts
// Body: every block of each extractor's raw result (p, li, headings, captions), before our own
// furniture filter, compared with the pages' body paragraphs as test/corpus/htmlPages.test.ts
// asserts them (read and checked by hand): how many of those are recovered, how many other blocks
// (navigation, captions, promos, share lines) come along. Metadata: agreement with each page's
// expected-metadata.json where it gives a value. Time: median of 3 parses per page.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const DIR = new URL('../../../shared/fixtures/html-articles/', import.meta.url).pathname;
const PAGES = ['bbc-1', 'breitbart', 'cnn', 'guardian-1', 'herald-sun-1', 'nytimes-1', 'nytimes-2', 'telegraph', 'wapo-1'];
if (!existsSync(DIR)) {
  console.log(`skipped: ${DIR} is absent`);
  process.exit(0);
}

interface Out { title?: string | null; byline?: string | null; site?: string | null; date?: string | null; html: string }
const quiet = new VirtualConsole();
const ENGINES: Record<string, (html: string) => Promise<Out>> = {
  'readability+linkedom': async (html) => fromReadability(new Readability(parseHTML(html).document as unknown as Document).parse()),
  'readability+jsdom': async (html) => fromReadability(new Readability(new JSDOM(html, { virtualConsole: quiet }).window.document).parse()),
  'defuddle+linkedom': async (html) => fromDefuddle(await Defuddle(parseHTML(html).document as never, undefined, { useAsync: false })),
  'defuddle+jsdom': async (html) => fromDefuddle(await Defuddle(new JSDOM(html, { virtualConsole: quiet }).window.document as never, undefined, { useAsync: false })),
};
function fromReadability(r: ReturnType<Readability['parse']>): Out {
  return { title: r?.title, byline: r?.byline, site: r?.siteName, date: r?.publishedTime, html: r?.content ?? '' };
}
function fromDefuddle(r: { title?: string; author?: string; site?: string; published?: string; content?: string }): Out {
  return { title: r.title, byline: r.author, site: r.site, date: r.published, html: r.content ?? '' };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
function blocks(html: string): string[] {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const out: string[] = [];
  for (const el of document.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, figcaption, blockquote, pre')) {
    if (el.querySelector('p, li, figcaption, blockquote, pre')) continue;
    const t = norm(el.textContent ?? '');
    if (t) out.push(t);
  }
  return out;
}

// Gold body paragraphs: what the product loader gives, which the saved-page tests pin down.
const dir = mkdtempSync(join(tmpdir(), 'extractors-'));
for (const p of PAGES) copyFileSync(join(DIR, p, 'source.html'), join(dir, `${p}.html`));
const gold = new Map((await loadArticles(dir)).articles.map((a) => [a.doc, a.paragraphs.map((x) => x.text)]));

const rows: string[] = [];
const totals: Record<string, { found: number; of: number; extra: number; meta: number; metaOf: number; ms: number }> = {};
for (const [engine, run] of Object.entries(ENGINES)) {
  const t = (totals[engine] = { found: 0, of: 0, extra: 0, meta: 0, metaOf: 0, ms: 0 });
  for (const page of PAGES) {
    const html = readFileSync(join(DIR, page, 'source.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, page, 'expected-metadata.json'), 'utf8')) as Record<string, string | null>;
    const times: number[] = [];
    let out: Out = { html: '' };
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      out = await run(html);
      times.push(performance.now() - started);
    }
    const ms = times.sort((a, b) => a - b)[1]!;
    const got = blocks(out.html);
    const body = gold.get(page) ?? [];
    const found = body.filter((p) => got.some((b) => b === p || b.includes(p))).length;
    const extra = got.filter((b) => !body.some((p) => b === p || b.includes(p) || p.includes(b))).length;
    const checks: [string, string | null | undefined, string | null][] = [
      ['title', out.title, expected.title ?? null],
      ['byline', out.byline, expected.byline ?? null],
      ['site', out.site, expected.siteName ?? null],
      ['date', out.date ? out.date.slice(0, 10) : null, expected.publishedTime ? expected.publishedTime.slice(0, 10) : null],
    ];
    const given = checks.filter(([, , e]) => e !== null);
    const right = given.filter(([, g, e]) => g && norm(g).toLowerCase() === norm(e!).toLowerCase()).length;
    Object.assign(t, { found: t.found + found, of: t.of + body.length, extra: t.extra + extra, meta: t.meta + right, metaOf: t.metaOf + given.length, ms: t.ms + ms });
    rows.push(`| ${engine} | ${page} | ${found}/${body.length} | ${extra} | ${right}/${given.length} | ${ms.toFixed(0)} |`);
  }
}
console.log('| engine | page | body ¶ found | other blocks | metadata right | ms (median of 3) |\n| --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
console.log('\n| engine | body ¶ found | other blocks | metadata right | total ms |\n| --- | --- | --- | --- | --- |');
for (const [engine, t] of Object.entries(totals)) console.log(`| ${engine} | ${t.found}/${t.of} | ${t.extra} | ${t.meta}/${t.metaOf} | ${t.ms.toFixed(0)} |`);
