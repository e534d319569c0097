// Markdown → the plain text the text parser reads: headings, emphasis, links, images, code and
// HTML markup are reduced to their words (links → their text, images and HTML → nothing), one
// block a paragraph. YAML front matter is passed through untouched for the text parser to read.
// A leading heading is returned as the title rather than left as a passage.
import { fromMarkdown } from 'mdast-util-from-markdown';

type MdNode = { type: string; value?: string; depth?: number; children?: MdNode[] };

const FRONT_MATTER = /^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/u;

export interface MarkdownText {
  text: string;
  /** The text of a heading that opens the document (after any front matter), if there is one. */
  title: string | null;
}

export function markdownToText(markdown: string): MarkdownText {
  const front = FRONT_MATTER.exec(markdown)?.[0] ?? '';
  const tree = fromMarkdown(markdown.slice(front.length)) as MdNode;
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
  return { text: front + blocks.filter(Boolean).join('\n\n'), title };
}

function blockText(node: MdNode): string[] {
  switch (node.type) {
    case 'paragraph':
      return [inline(node).trim()];
    case 'list':
    case 'blockquote':
    case 'listItem':
      return (node.children ?? []).flatMap(blockText);
    case 'code':
      return [node.value ?? ''];
    case 'heading':
      return [];
    default:
      return []; // html, thematicBreak, definition, table…: no passage text
  }
}

function inline(node: MdNode): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value ?? '';
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'html':
    case 'footnoteReference':
      return '';
    default:
      return (node.children ?? []).map(inline).join('');
  }
}
