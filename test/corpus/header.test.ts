// The head of a text article: headline line → title, the date forms archives use, front matter,
// the date in a file name, and a date header that cannot be read (a warning, never a guess).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { parseArticle } from '../../src/corpus/parseArticle.js';
import { readDate } from '../../src/corpus/readDate.js';
import { ROOT, tempDir } from '../helpers.js';

const BODY = 'The council voted on Tuesday to keep the library open.\n\n"We listened," the mayor said.';
const parse = (text: string, path = 'a.txt') => parseArticle('a', path, text);

describe('headline line', () => {
  it('is the title of a BBC article, not paragraph 1', async () => {
    const { articles } = await loadArticles(join(ROOT, 'test/fixtures/bbc-style'));
    const first = articles.find((a) => a.doc === 'business_001')!;
    expect(first.title).toBe('Ad sales boost Time Warner profit');
    expect(first.paragraphs[0]!.text).toMatch(/^Quarterly profits at US media giant TimeWarner/);
    expect(first.paragraphs.every((p) => p.title === 'Ad sales boost Time Warner profit')).toBe(true);
    expect(first.publishedOn).toBeNull();
  });

  it('is not taken from a first line that reads as a sentence, or from a lone line', () => {
    expect(parse(`The council met on Tuesday.\n\n${BODY}`).article.title).toBeNull();
    expect(parse('Library saved').article.title).toBeNull();
    expect(parse(`and then the council met\n\n${BODY}`).article.title).toBeNull();
  });

  it('allows a question mark, a trailing ellipsis and a Markdown heading', () => {
    expect(parse(`Will the library close?\n\n${BODY}`).article.title).toBe('Will the library close?');
    expect(parse(`'My memories of the library...'\n\n${BODY}`).article.title).toBe("'My memories of the library...'");
    expect(parse(`# Library saved: the vote.\n\n${BODY}`, 'a.md').article.title).toBe('Library saved: the vote.');
  });

  it('comes after a date line, and a sidecar title wins while the headline still leaves the body', () => {
    const text = `Date: 2005-02-27\nLibrary saved\n\n${BODY}`;
    expect(parse(text).article).toMatchObject({ title: 'Library saved', publishedOn: '2005-02-27' });
    const withSidecar = parseArticle('a', 'a.txt', text, { title: 'Riverton library saved' }).article;
    expect(withSidecar.title).toBe('Riverton library saved');
    expect(withSidecar.paragraphs.map((p) => p.text)).toEqual(BODY.split('\n\n'));
  });
});

describe('date line', () => {
  const forms: [string, string][] = [
    [' date 2005-02-27 The council voted.', '2005-02-27'],
    ['Date: 2005-02-27', '2005-02-27'],
    ['Published: 27 February 2005', '2005-02-27'],
    ['Published on Feb 27, 2005', '2005-02-27'],
    ['2005-02-27', '2005-02-27'],
    ['Sun, 27 Feb 2005 10:00:00 GMT', '2005-02-27'],
    ['Sunday 27 February 2005', '2005-02-27'],
    ['Date: 2005-02-27T23:30:00-05:00', '2005-02-27'],
    ['Posted: 27/02/2005', '2005-02-27'],
  ];
  it.each(forms)('reads %j', (line, date) => {
    const { article, warnings } = parse(`${line}\n${BODY}`);
    expect(warnings).toEqual([]);
    expect(article.publishedOn).toBe(date);
    expect(article.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/2005|Date:|Published/);
  });

  it('reads a date under a headline', () => {
    expect(parse(`Library saved\n27 February 2005\n\n${BODY}`).article).toMatchObject({ title: 'Library saved', publishedOn: '2005-02-27' });
  });

  const unreadable = ['Date: sometime in spring', 'Published: 2005-02-30', '2005-02-30', 'Tuesday, 1 March', 'Date: 03/04/2005', 'February 2005'];
  it.each(unreadable)('warns about %j, naming the file, and neither guesses nor keeps it as a paragraph', (line) => {
    const { article, warnings } = parse(`${line}\nLibrary saved\n\n${BODY}`, 'coverage/riverton.txt');
    expect(article.publishedOn).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^coverage\/riverton\.txt: .*treated as undated/);
    expect(article.paragraphs[0]!.text).toBe(BODY.split('\n\n')[0]);
    expect(article.title).toBe('Library saved');
  });

  it('leaves body sentences that start with a label word alone', () => {
    const { article, warnings } = parse(`Published figures show the library is busy.\n${BODY}`);
    expect(warnings).toEqual([]);
    expect(article.paragraphs[0]!.text).toBe('Published figures show the library is busy.');
  });
});

describe('YAML front matter', () => {
  it('gives title, date, source and url', () => {
    const text = `---\ntitle: "Riverton library saved"\ndate: 2005-02-27\nsource: Riverton Gazette\nurl: https://example.org/lib\n---\n${BODY}`;
    const { article, warnings } = parse(text, 'a.md');
    expect(warnings).toEqual([]);
    expect(article).toMatchObject({ title: 'Riverton library saved', publishedOn: '2005-02-27', source: 'Riverton Gazette', url: 'https://example.org/lib' });
    expect(article.paragraphs).toHaveLength(2);
  });

  it('reads published: in a written form and warns about one it cannot read', () => {
    expect(parse(`---\npublished: Feb 27, 2005\n---\n${BODY}`).article.publishedOn).toBe('2005-02-27');
    const bad = parse(`---\ndate: next week\n---\n${BODY}`, 'x.md');
    expect(bad.article.publishedOn).toBeNull();
    expect(bad.warnings[0]).toMatch(/^x\.md: front matter date: .*undated/);
  });
});

describe('date in the file name', () => {
  it('is the publication date only when the text and sidecar give none', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '2005-02-27-library.txt'), BODY);
    writeFileSync(join(dir, 'news_2005-02-28.txt'), `Date: 2005-03-01\n${BODY}`);
    writeFileSync(join(dir, 'report-2005-02-30.txt'), BODY);
    writeFileSync(join(dir, '20050227.txt'), BODY);
    const { articles } = await loadArticles(dir);
    const dates = Object.fromEntries(articles.map((a) => [a.doc, a.publishedOn]));
    expect(dates).toEqual({ '2005-02-27-library': '2005-02-27', 'news_2005-02-28': '2005-03-01', 'report-2005-02-30': null, '20050227': null });
  });
});

describe('default source for a folder', () => {
  it('comes from coverage.json, else the given default, and never overrides the article', async () => {
    const withFile = tempDir();
    writeFileSync(join(withFile, 'coverage.json'), JSON.stringify({ source: 'BBC News' }));
    writeFileSync(join(withFile, 'a.txt'), BODY);
    writeFileSync(join(withFile, 'b.txt'), BODY);
    writeFileSync(join(withFile, 'b.json'), JSON.stringify({ source: 'Reuters' }));
    const plain = tempDir();
    writeFileSync(join(plain, 'c.txt'), BODY);
    const { articles, warnings } = await loadArticles([withFile, plain], { defaultSource: 'Riverton Gazette' });
    expect(warnings).toEqual([]);
    const sources = Object.fromEntries(articles.map((a) => [a.doc, [a.source, a.paragraphs[0]!.source]]));
    expect(sources).toEqual({ a: ['BBC News', 'BBC News'], b: ['Reuters', 'Reuters'], c: ['Riverton Gazette', 'Riverton Gazette'] });
  });

  it('warns about a coverage.json it cannot use', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'coverage.json'), '{"source": 3}');
    writeFileSync(join(dir, 'a.txt'), BODY);
    const { articles, warnings } = await loadArticles(dir);
    expect(articles[0]!.source).toBeNull();
    expect(warnings.join('\n')).toMatch(/coverage\.json: ignored/);
  });
});

describe('readDate', () => {
  it('never guesses a year or the order of day and month', () => {
    expect(readDate('Feb 27')).toHaveProperty('unreadable');
    expect(readDate('04/03/2005')).toHaveProperty('unreadable');
    expect(readDate('13/03/2005')).toEqual({ date: '2005-03-13' });
    expect(readDate('03/13/2005')).toEqual({ date: '2005-03-13' });
    expect(readDate('27 February 2005 and more words')).toHaveProperty('unreadable');
  });
});
