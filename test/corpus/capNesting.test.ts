// The reading budget's pre-passes leave real files alone and cut only what is past the cap: the nine
// saved pages and the Markdown fixture come through unchanged; markup inside scripts, comments and
// quoted attributes is not taken for elements; text past the cap is kept.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { capHtmlNesting } from '../../src/corpus/formats/capHtmlNesting.js';
import { capMarkdownNesting } from '../../src/corpus/formats/capMarkdownNesting.js';
import { MAX_HTML_DEPTH, MAX_MARKDOWN_DEPTH } from '../../src/corpus/formats/readBudget.js';
import { ROOT, sharedFixture } from '../helpers.js';

const PAGES = sharedFixture('fixtures/html-articles');

/** Deepest element nesting as linkedom parses the page (an explicit stack: pages here can be deep). */
function depthOf(html: string): number {
  const { document } = parseHTML(html);
  let max = 0;
  const stack: [Element, number][] = [[document.documentElement as unknown as Element, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    max = Math.max(max, item[1]);
    for (const child of item[0].children) stack.push([child, item[1] + 1]);
  }
  return max;
}

describe('capHtmlNesting', () => {
  it('leaves every saved page of the fixtures as it is', () => {
    for (const name of readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'source.html')))) {
      const html = readFileSync(join(PAGES, name, 'source.html'), 'utf8');
      expect(capHtmlNesting(html, MAX_HTML_DEPTH), name).toEqual({ html, capped: false });
    }
  });

  it('drops tags past the cap and keeps their text; one passage element may open past it', () => {
    const html = `<html><body>${'<div>'.repeat(10)}<p>kept <b>words</b></p>${'</div>'.repeat(10)}</body></html>`;
    const { html: out, capped } = capHtmlNesting(html, 5);
    expect(capped).toBe(true);
    expect(depthOf(out)).toBeLessThanOrEqual(6 + 1);
    expect(out).toContain('<p>kept words</p>');
  });

  it('counts unclosed tags, and does not count markup in scripts, comments or quoted attributes', () => {
    expect(depthOf(capHtmlNesting(`<html><body>${'<span>'.repeat(5_000)}text</body></html>`, 10).html)).toBeLessThanOrEqual(12);
    const quiet = `<html><body><script>var s = "${'<div>'.repeat(100)}";</script><!-- ${'<div>'.repeat(100)} --><a title="${'<div>'.repeat(100)}">link</a><p>${'<br>'.repeat(100)}</p></body></html>`;
    expect(capHtmlNesting(quiet, 5)).toEqual({ html: quiet, capped: false });
  });
});

describe('capMarkdownNesting', () => {
  it('leaves the Markdown fixture and ordinary nesting as they are', () => {
    const story = readFileSync(join(ROOT, 'test/fixtures/formats/story.md'), 'utf8');
    expect(capMarkdownNesting(story, MAX_MARKDOWN_DEPTH)).toEqual({ markdown: story, capped: false });
    const ordinary = '> quoted\n> > twice\n\n- item\n  - sub\n    1. numbered\n\n    code\n\n***bold italic*** and __strong__\n';
    expect(capMarkdownNesting(ordinary, MAX_MARKDOWN_DEPTH)).toEqual({ markdown: ordinary, capped: false });
  });

  it('keeps the words of lines nested past the cap', () => {
    const deep = `${'> '.repeat(40)}deep words\n${' '.repeat(200)}- far item\n`;
    const { markdown, capped } = capMarkdownNesting(deep, 4);
    expect(capped).toBe(true);
    expect(markdown.split('\n')[0]).toBe(`${'> '.repeat(4)}deep words`);
    expect(markdown.split('\n')[1]).toBe(`${' '.repeat(16)}- far item`);
  });
});
