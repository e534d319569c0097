// Markdown → the plain text the text parser reads: headings, emphasis, links, images, code and
// HTML markup are reduced to their words (links → their text, images and HTML → nothing), one
// block a paragraph. YAML front matter is passed through untouched for the text parser to read.
// A leading heading is returned as the title rather than left as a passage.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { capMarkdownNesting } from './capMarkdownNesting.js';
import { MAX_CHARS, MAX_MARKDOWN_DEPTH } from './readBudget.js';

type MdNode = { type: string; value?: string; depth?: number; children?: MdNode[] };

const FRONT_MATTER = /^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/u;

export interface MarkdownText {
  text: string;
  /** The text of a heading that opens the document (after any front matter), if there is one. */
  title: string | null;
  /** What was cut to keep within the reading budget (readBudget.ts), if anything. */
  overBudget: string | null;
}

export function markdownToText(file: string): MarkdownText {
  const cut: string[] = [];
  if (file.length > MAX_CHARS) cut.push(`longer than ${MAX_CHARS.toLocaleString('en-GB')} characters, read to there`);
  const whole = file.length > MAX_CHARS ? file.slice(0, MAX_CHARS) : file;
  const front = FRONT_MATTER.exec(whole)?.[0] ?? '';
  const { markdown, capped } = capMarkdownNesting(whole.slice(front.length), MAX_MARKDOWN_DEPTH);
  if (capped) cut.push(`lists and quotes nested deeper than ${MAX_MARKDOWN_DEPTH} flattened`);
  const tree = fromMarkdown(markdown) as MdNode;
  const blocks: string[] = [];
  let title: string | null = null;
  for (const [i, node] of (tree.children ?? []).entries()) {
    if (node.type === 'heading') {
      const text = inline(node).trim();
      if (i === 0 && text) title = text;
      // Later headings are section heads: not passages, as on a web page.
      continue;
    }
    blocks.push(...blockText(node));
  }
  return { text: front + blocks.filter(Boolean).join('\n\n'), title, overBudget: cut.length ? cut.join('; ') : null };
}

// Both walks keep their own stack rather than recursing: emphasis can nest thousands deep
// ('*****…'), past what the call stack holds.

function blockText(root: MdNode): string[] {
  const out: string[] = [];
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    switch (node.type) {
      case 'paragraph':
        out.push(inline(node).trim());
        break;
      case 'list':
      case 'blockquote':
      case 'listItem':
        for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push(node.children![i]!);
        break;
      case 'code':
        out.push(node.value ?? '');
        break;
      default:
        break; // heading, html, thematicBreak, definition, table…: no passage text
    }
  }
  return out;
}

function inline(root: MdNode): string {
  const out: string[] = [];
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out.push(node.value ?? '');
        break;
      case 'break':
        out.push('\n');
        break;
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        break;
      default:
        for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push(node.children![i]!);
    }
  }
  return out.join('');
}
