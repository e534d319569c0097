// Caps how deep a page's elements nest before linkedom and Readability see it. Both slow down
// steeply with nesting (a page 2,000 divs deep took 39 s in Readability; one 100,000 deep took 10 s
// in linkedom's parser alone), while real news pages nest about 20 deep. Tags past the cap are
// dropped and their text kept, so a page over budget is read to the budget. This is a tokenizer,
// not a parser: it only has to count depth roughly as the parser will, in one linear pass.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'image', 'menuitem']);
/** Their content is text up to the matching end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/** Passage elements (as htmlBlocks.ts reads them): one may open past the cap, so text there keeps its paragraph breaks. */
const PASSAGE = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figcaption', 'dd', 'dt', 'td', 'th']);
/** A start tag of the same name closes an open one of these (HTML's implied end tags, the common ones). */
const CLOSES_SAME = new Set(['p', 'li', 'dd', 'dt', 'td', 'th', 'tr', 'option']);
/** Start tags that close an open <p>. */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'figure', 'figcaption']);

const NAME = /[a-zA-Z][^\s/>]*/y;

export interface CappedHtml {
  html: string;
  /** Whether any tag was dropped. */
  capped: boolean;
}

interface Open {
  name: string;
  kept: boolean;
  /** A passage element kept one level past the cap. */
  beyond: boolean;
}

export function capHtmlNesting(html: string, maxDepth: number): CappedHtml {
  const out: string[] = [];
  const stack: Open[] = [];
  const openCount = new Map<string, number>();
  let kept = 0;
  let beyondOpen = false;
  let copied = 0; // html before this index is in `out` or dropped
  let capped = false;

  const drop = (from: number, to: number) => {
    out.push(html.slice(copied, from));
    copied = to;
    capped = true;
  };
  const pop = (): Open => {
    const top = stack.pop()!;
    openCount.set(top.name, openCount.get(top.name)! - 1);
    if (top.kept) kept--;
    if (top.beyond) beyondOpen = false;
    return top;
  };

  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html[i + 1];
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', i);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const closing = next === '/';
    NAME.lastIndex = i + (closing ? 2 : 1);
    const match = NAME.exec(html);
    if (!match) {
      i++;
      continue;
    }
    const end = tagEnd(html, NAME.lastIndex);
    if (end === -1) break; // an unterminated tag: the parser reads no markup after it either
    const name = match[0].toLowerCase();

    if (closing) {
      if (openCount.get(name)) {
        let top: Open;
        do top = pop();
        while (top.name !== name);
        if (!top.kept) drop(i, end);
      }
      i = end;
      continue;
    }

    const top = stack[stack.length - 1];
    if (top && ((top.name === name && CLOSES_SAME.has(name)) || (top.name === 'p' && CLOSES_P.has(name)))) pop();
    const selfClosed = html[end - 2] === '/' && (openCount.get('svg') || openCount.get('math'));
    if (VOID.has(name) || selfClosed) {
      i = end; // a leaf: adds no depth below it
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Skipped whole: it holds no elements, and its text may contain '<'.
      const close = new RegExp(`</${name}[\\s/>]`, 'iuy');
      let j = html.indexOf('</', end);
      for (; j !== -1; j = html.indexOf('</', j + 2)) {
        close.lastIndex = j;
        if (close.test(html)) break;
      }
      const after = j === -1 ? -1 : html.indexOf('>', j);
      i = after === -1 ? html.length : after + 1;
      continue;
    }
    const keep = kept < maxDepth || (!beyondOpen && PASSAGE.has(name));
    const beyond = keep && kept >= maxDepth;
    if (keep) kept++;
    else drop(i, end);
    if (beyond) beyondOpen = true;
    stack.push({ name, kept: keep, beyond });
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    i = end;
  }
  if (!capped) return { html, capped };
  out.push(html.slice(copied));
  return { html: out.join(''), capped };
}

/** The index after the `>` that ends a tag whose attributes start at `from`; -1 if none. */
function tagEnd(html: string, from: number): number {
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (c === '>') return i + 1;
    if ((c === '"' || c === "'") && afterEquals) {
      const close = html.indexOf(c, i + 1);
      if (close === -1) return -1;
      i = close;
      afterEquals = false;
    } else if (c === '=') afterEquals = true;
    else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\f') afterEquals = false;
  }
  return -1;
}
