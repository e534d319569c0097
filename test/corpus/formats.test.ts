// Every format the loader reads, through the real loader: feeds, Markdown, .jsonl, text encodings,
// and one story in five formats giving the same paragraphs, statements and folded search results.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { markdownToText } from '../../src/corpus/formats/markdown.js';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { loadCoverage } from '../../src/statements/loadCoverage.js';
import { DOC, ROOT, SEEDS, tempDir } from '../helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures/formats');
const SEED = readFileSync(join(SEEDS, `${DOC.d002}.txt`), 'utf8');
const SEED_PARAGRAPHS = SEED.split('\n').map((l) => l.trim()).filter(Boolean);

async function loadOne(name: string) {
  const dir = tempDir();
  copyFileSync(join(FIXTURES, name), join(dir, name));
  return loadArticles(dir);
}

describe('RSS 2.0', () => {
  it('gives one article per item: full content where the feed has it, else the summary', async () => {
    const { articles, skipped } = await loadOne('gazette.rss');
    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.doc)).toEqual(['gazette#library-stays-open', 'gazette#flood-warning-lifted']);
    const [library, flood] = articles;
    expect(library).toMatchObject({
      title: 'Riverton library to stay open after council vote',
      url: 'https://gazette.example/news/library-stays-open',
      source: 'Riverton Gazette',
      byline: 'Maria Lopez',
      // The day as the feed writes it (23:30 Pacific), not shifted to UTC.
      publishedOn: '2005-02-27',
    });
    expect(library!.paragraphs.map((p) => p.text)).toEqual([
      "Riverton's central library will stay open after the town council voted 7-2 on Thursday night to restore its funding.",
      '"This library is the heart of the town," said councillor Ann Weber, who proposed the motion. "Closing it was never an option."',
      'The mayor, Tom Hale, said the money would come from the roads budget.',
    ]);
    expect(library!.captions.map((c) => c.text)).toEqual(['The library on Main Street']);
    expect(library!.paragraphs[0]).toMatchObject({ doc: 'gazette#library-stays-open', paragraph: 1, source: 'Riverton Gazette', publishedOn: '2005-02-27' });
    expect(flood!.paragraphs.map((p) => p.text)).toEqual([
      'The Environment Agency lifted its flood warning for the Riverton valley on Monday morning as river levels fell.',
    ]);
    expect(flood!.publishedOn).toBe('2005-02-28');
  });

  it('finds statements in feed items as in any article', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'gazette.rss'), join(dir, 'gazette.rss'));
    const { statements } = await loadCoverage(dir);
    expect(statements.some((s) => s.speaker === 'Ann Weber' && s.doc === 'gazette#library-stays-open' && s.text.includes('heart of the town'))).toBe(true);
  });
});

describe('Atom', () => {
  it('reads entries with content, else summary; link, published (else updated), author, feed title', async () => {
    const { articles } = await loadOne('valley.atom');
    expect(articles.map((a) => a.doc)).toEqual(['valley#bridge-reopens', 'valley#market-hall-sold']);
    expect(articles[0]).toMatchObject({
      title: 'Bridge reopens after repairs',
      url: 'https://valleypost.example/2005/03/01/bridge-reopens',
      source: 'Valley Post',
      byline: 'Sam Okafor',
      publishedOn: '2005-03-01',
    });
    expect(articles[0]!.paragraphs.map((p) => p.text)).toEqual([
      'The old stone bridge over the Riverton reopened to traffic on Tuesday after six months of repairs.',
      'Engineers said the work cost £2m, less than planned.',
    ]);
    expect(articles[1]).toMatchObject({ url: null, publishedOn: '2005-03-03' });
    expect(articles[1]!.paragraphs).toHaveLength(1);
  });

  it('skips an XML file that is not a feed, with the reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
    const { articles, skipped } = await loadArticles(dir);
    expect(articles).toEqual([]);
    expect(skipped).toEqual([{ path: join(dir, 'sitemap.xml'), reason: expect.stringMatching(/not an RSS or Atom feed/) }]);
  });
});

describe('.jsonl exports', () => {
  it('gives one article a line; bad lines are skipped with a warning naming the line', async () => {
    const { articles, warnings } = await loadOne('export.jsonl');
    expect(articles.map((a) => a.doc)).toEqual(['export#school-roof', 'export#bus-route-12-to-return']);
    expect(articles[0]).toMatchObject({ title: 'School roof repaired before term', url: 'https://gazette.example/news/school-roof', source: 'Riverton Gazette', publishedOn: '2005-03-04' });
    expect(articles[0]!.paragraphs.map((p) => p.text)).toEqual([
      'The roof of Riverton primary school has been repaired in time for the new term.',
      'Head teacher Joan Marsh said pupils would be back in their classrooms on Monday.',
    ]);
    expect(articles[1]!.publishedOn).toBe('2005-03-05');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/export\.jsonl:2: not JSON/);
    expect(warnings[1]).toMatch(/export\.jsonl:3: no "text"/);
  });
});

describe('Markdown', () => {
  it('takes the opening heading as title and leaves no Markdown syntax in passages', async () => {
    const { articles } = await loadOne('story.md');
    const [article] = articles;
    expect(article!.doc).toBe('story');
    expect(article!.title).toBe('Riverton library to stay open');
    expect(article!.paragraphs.map((p) => p.text)).toEqual([
      "Riverton's central library will stay open after the town council voted 7-2 on Thursday night to restore its funding.",
      '"This library is the heart of the town," said councillor Ann Weber, who proposed the motion.',
      'The money comes from the roads budget.',
      'The vote was 7-2.',
      'Read the minutes online.',
    ]);
  });

  it('passes YAML front matter through untouched for the text parser', () => {
    const md = '---\ntitle: "A *title*"\ndate: 2005-02-27\n---\n\nSome **bold** text.\n';
    expect(markdownToText(md).text).toBe('---\ntitle: "A *title*"\ndate: 2005-02-27\n---\nSome bold text.');
  });
});

describe('text encodings', () => {
  const encodings: [string, Buffer][] = [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SEED, 'utf-16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SEED, 'utf-16be')])],
    ['Windows-1252', iconv.encode(SEED, 'windows-1252')],
  ];

  it.each(encodings)('%s reads exactly as the UTF-8 original', async (_name, bytes) => {
    // The seed must be representable, or the comparison means nothing.
    expect(iconv.decode(iconv.encode(SEED, 'windows-1252'), 'windows-1252')).toBe(SEED);
    const dir = tempDir();
    writeFileSync(join(dir, 'original.txt'), SEED);
    writeFileSync(join(dir, 'encoded.txt'), bytes);
    const { articles, skipped } = await loadArticles(dir);
    expect(skipped).toEqual([]);
    const [encoded, original] = articles;
    expect(encoded!.doc).toBe('encoded');
    expect(encoded!.paragraphs.map((p) => p.text)).toEqual(original!.paragraphs.map((p) => p.text));
  });

  it('reads an HTML page in the charset it declares', async () => {
    const dir = tempDir();
    const page = `<html><head><meta charset="iso-8859-15"><title>Prix</title></head><body><article>${SEED_PARAGRAPHS.map((p) => `<p>${p.replace(/[“”]/g, '"').replace(/[’]/g, "'").replace(/[—–]/g, '-')} Le prix est de 5 €.</p>`).join('')}</article></body></html>`;
    writeFileSync(join(dir, 'page.html'), iconv.encode(page, 'iso-8859-15'));
    const { articles } = await loadArticles(dir);
    expect(articles[0]!.paragraphs[0]!.text).toMatch(/Le prix est de 5 €\.$/);
  });

  it('skips a file that is still unreadable, with one reason naming it, and loads the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), SEED);
    writeFileSync(join(dir, 'noise.txt'), Buffer.from([0x8d, 0x01, 0x7f, 0x02, 0x9d, 0x41, 0x81]));
    writeFileSync(join(dir, 'half.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41, 0x00, 0x01, 0x00])]));
    const { articles, skipped } = await loadArticles(dir);
    expect(articles.map((a) => a.doc)).toEqual(['good']);
    expect(skipped.map((s) => s.path).sort()).toEqual([join(dir, 'half.txt'), join(dir, 'noise.txt')]);
    for (const s of skipped) expect(s.reason).toMatch(/not readable text/);
  });
});

describe('one story in every format', () => {
  function writeAll(dir: string) {
    const html = `<!doctype html><html><head><title>Lammy warns of critical moment</title>
      <meta property="og:site_name" content="The Example"><meta property="article:published_time" content="2025-04-23T08:00:00+01:00">
      <link rel="canonical" href="https://example.org/lammy"></head><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
      <article><h1>Lammy warns of critical moment</h1>${SEED_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
      <p><a href="/newsletter">Sign up for our newsletter</a></p></article>
      <footer><p>© The Example 2025. All rights reserved.</p></footer></body></html>`;
    writeFileSync(join(dir, 'page.html'), html);
    const item = (id: string) => `<item><title>Lammy warns</title><link>https://example.org/${id}</link><pubDate>Wed, 23 Apr 2025 08:00:00 +0100</pubDate><content:encoded><![CDATA[${SEED_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item>`;
    writeFileSync(join(dir, 'wire.rss'), `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>${item('lammy-wire')}</channel></rss>`);
    writeFileSync(join(dir, 'export.jsonl'), `${JSON.stringify({ title: 'Lammy warns', url: 'https://example.org/lammy-export', publishedOn: '2025-04-23', source: 'Export', text: SEED })}\n`);
    writeFileSync(join(dir, 'notes.md'), `# Lammy warns\n\n${SEED_PARAGRAPHS.join('\n\n')}\n`);
    writeFileSync(join(dir, 'plain.txt'), SEED);
  }

  it('gives the same paragraphs and statements in each', async () => {
    const dir = tempDir();
    writeAll(dir);
    const coverage = await loadCoverage(dir);
    expect(coverage.skipped).toEqual([]);
    const byDoc = new Map(coverage.articles.map((a) => [a.doc, a]));
    expect([...byDoc.keys()].sort()).toEqual(['export#lammy-export', 'notes', 'page', 'plain', 'wire#lammy-wire']);
    const plain = byDoc.get('plain')!.paragraphs.map((p) => p.text);
    expect(plain.length).toBeGreaterThan(5);
    for (const article of byDoc.values()) expect(article.paragraphs.map((p) => p.text), article.doc).toEqual(plain);
    const said = (doc: string) => coverage.statements.filter((s) => s.doc === doc).map((s) => `${s.paragraph} ${s.speaker}: ${s.text}`);
    expect(said('plain').length).toBeGreaterThan(0);
    for (const doc of byDoc.keys()) expect(said(doc), doc).toEqual(said('plain'));
    expect(byDoc.get('page')).toMatchObject({ title: 'Lammy warns of critical moment', source: 'The Example', publishedOn: '2025-04-23', url: 'https://example.org/lammy' });
  });

  it('cites the five copies of one text as one article: one result, and no "Also in" repeating it', async () => {
    const dir = tempDir();
    writeAll(dir);
    const library = await openLibrary({ seedsDir: dir, cacheDir: tempDir() });
    const passages = library.ask('Why did Marco Rubio pull out of the London talks?').passages;
    const [hit] = passages;
    expect(['export#lammy-export', 'notes', 'page', 'plain', 'wire#lammy-wire']).toContain(hit!.doc);
    expect(hit!.alsoIn).toEqual([]);
    // The same paragraph is not shown again from another copy further down.
    expect(passages.filter((p) => p.text === hit!.text)).toHaveLength(1);
  });
});
