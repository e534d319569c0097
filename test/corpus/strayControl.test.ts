// A saved page with one stray control character (a mis-encoded character in an id, as real pages
// have) reads as the clean page does, with one warning naming the file; what is not text is refused.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { decodeText, STRAY_MAX } from '../../src/corpus/formats/decodeText.js';
import { sharedFixture, tempDir } from '../helpers.js';

const PAGES = sharedFixture('fixtures/html-articles');

describe('stray control characters', () => {
  it('a saved page with one reads as without it, with a warning naming the file', async () => {
    const clean = readFileSync(join(PAGES, 'bbc-1', 'source.html'), 'utf8');
    const dir = tempDir();
    writeFileSync(join(dir, 'clean.html'), clean);
    writeFileSync(join(dir, 'stray.html'), clean.replace('id="responsive-news"', 'id="responsive\u0001news"'));
    const { articles, skipped, warnings } = await loadArticles(dir);
    expect(skipped).toEqual([]);
    const [a, b] = ['clean', 'stray'].map((doc) => articles.find((x) => x.doc === doc)!);
    expect(b!.title).toBe(a!.title);
    expect(b!.paragraphs.map((p) => p.text)).toEqual(a!.paragraphs.map((p) => p.text));
    expect(warnings).toContain(`${join(dir, 'stray.html')}: 1 stray control character(s) replaced with U+FFFD`);
    expect(warnings.filter((w) => w.includes('clean.html'))).toEqual([]);
  });

  it('replaces a handful, refuses more, and refuses NUL bytes', () => {
    const text = 'x'.repeat(5000);
    const few = decodeText(Buffer.from(`${text}\u0001${text}\u001f`));
    expect(few.ok && few.replaced).toBe(2);
    expect(few.ok && few.text.includes('\uFFFD')).toBe(true);
    const many = Buffer.from(`${text}${'\u0002'.repeat(STRAY_MAX + 1)}`);
    expect(decodeText(many)).toMatchObject({ ok: false, reason: expect.stringMatching(/control characters/u) });
    expect(decodeText(Buffer.from('short\u0001'))).toMatchObject({ ok: false });
    expect(decodeText(Buffer.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/u) });
    expect(decodeText(Buffer.from('plain text\n'))).toEqual({ ok: true, text: 'plain text\n', encoding: 'UTF-8', replaced: 0 });
  });
});
