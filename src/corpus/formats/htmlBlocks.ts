// The text blocks of an article's HTML (an extractor's result, or a feed item's content):
// paragraphs, list items and quotes in reading order, captions apart, furniture left out.
import { parseHTML } from 'linkedom';
import type { Caption } from '../../types.js';
import { capHtmlNesting } from './capHtmlNesting.js';
import { MAX_HTML_DEPTH } from './readBudget.js';
import { isCaptionClass, isFurnitureClass, isFurnitureLine, isSentenceHeading } from './furniture.js';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, figcaption, blockquote, pre, dd, td';
const HEADING = /^h[1-6]$/u;

/** The minimal DOM surface used here, which linkedom and the browser both provide. */
interface Node {
  tagName: string;
  textContent: string | null;
  parentElement: Node | null;
  previousElementSibling: Node | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): Iterable<Node>;
}

export interface Blocks {
  blocks: string[];
  captions: Caption[];
}

const clean = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

/** Blocks of an HTML fragment (e.g. a feed item's `content:encoded`). */
export function blocksOfHtml(html: string): Blocks {
  // Nesting capped as for a page (capHtmlNesting.ts): the walk below looks at every block's ancestors.
  const { document } = parseHTML(`<!doctype html><html><body>${capHtmlNesting(html, MAX_HTML_DEPTH).html}</body></html>`);
  return blocksOf(document.body as unknown as Node);
}

export function blocksOf(root: Node): Blocks {
  const blocks: string[] = [];
  const captions: Caption[] = [];
  const elements = [...root.querySelectorAll(BLOCKS)];
  // Plain text with no block markup at all (a feed summary): one block.
  if (elements.length === 0) {
    const text = clean(root.textContent);
    return { blocks: text ? [text] : [], captions };
  }
  for (const el of elements) {
    const tag = el.tagName.toLowerCase();
    // Leaf blocks only: a list item or quote holding paragraphs is read through its paragraphs.
    if (el.querySelector(BLOCKS)) continue;
    const text = clean(el.textContent);
    if (!text) continue;
    const where = placeOf(el, root);
    if (where === 'furniture') continue;
    if (where === 'caption' || tag === 'figcaption') {
      captions.push({ afterParagraph: blocks.length, text, credit: null });
      continue;
    }
    if (HEADING.test(tag) && !isSentenceHeading(text)) continue; // section heads are not passages
    if (isMostlyLink(el, text) || isFurnitureLine(text)) continue;
    blocks.push(text);
  }
  return { blocks, captions };
}

/** Whether an element sits in a caption or in page furniture, judged by its own and its ancestors' markup. */
function placeOf(el: Node, root: Node): 'caption' | 'furniture' | 'body' {
  // A gallery is a list of pictures, each item with its caption text; some pages put the caption
  // list right after the <figure> instead.
  const item = el.tagName.toLowerCase() === 'li' ? el : el.parentElement?.tagName.toLowerCase() === 'li' ? el.parentElement : null;
  if (item?.querySelector('img, picture')) return 'caption';
  if (item?.parentElement?.previousElementSibling?.tagName.toLowerCase() === 'figure') return 'caption';
  for (let node: Node | null = el; node && node !== root; node = node.parentElement) {
    const tag = node.tagName.toLowerCase();
    if (tag === 'figure' || tag === 'figcaption') return 'caption';
    if (tag === 'nav' || tag === 'aside' || tag === 'footer' || tag === 'form' || tag === 'button') return 'furniture';
    const className = node.getAttribute('class') ?? '';
    if (isCaptionClass(className)) return 'caption';
    if (isFurnitureClass(className)) return 'furniture';
  }
  return 'body';
}

/** A short block that is (almost) all link text is a related-story link ("Five things we learned"). */
function isMostlyLink(el: Node, text: string): boolean {
  if (text.split(' ').length > 25) return false;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += clean(a.textContent).length;
  return linked >= 0.8 * text.length;
}

/** The words of a short HTML string (a feed's title), markup and entities resolved. */
export function plainTextOfHtml(html: string): string {
  if (!/[<&]/u.test(html)) return clean(html);
  const { document } = parseHTML(`<!doctype html><html><body>${capHtmlNesting(html, MAX_HTML_DEPTH).html}</body></html>`);
  return clean(document.body.textContent);
}
