// Character references left in plain text are read as the characters they name, on the BBC's own text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../../src/corpus/characterReferences.js';
import { parseArticle } from '../../src/corpus/parseArticle.js';
import { sharedFixture } from '../helpers.js';

describe('character references in plain text', () => {
  it('decodes numeric references and the XML names, and leaves controls, unknown names and bare ampersands', () => {
    expect(decodeCharacterReferences('communiqu&#233; worth &#163;5m, &#xE9;t&#xe9;, M&amp;S, &lt;b&gt;')).toBe('communiqué worth £5m, été, M&S, <b>');
    expect(decodeCharacterReferences('bell&#7; &#xD800; &#1114112; &nbsp; &copy; Marks & Spencer &amp')).toBe('bell&#7; &#xD800; &#1114112; &nbsp; &copy; Marks & Spencer &amp');
  });

  it('reads a BBC article that carries them as the reader should see it', () => {
    const path = sharedFixture('corpora/bbc-news-2005/business_210.txt');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('communiqu&#233;');
    const { article } = parseArticle('business_210', path, text);
    const all = article.paragraphs.map((p) => p.text).join('\n');
    expect(all).toContain('communiqué');
    expect(all).not.toMatch(/&#\d+;/u);
  });
});
