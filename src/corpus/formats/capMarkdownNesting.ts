// Caps how deep a Markdown file's containers (block quotes, lists) nest before micromark reads it:
// its cost grows steeply with nesting (a list indented 500 levels took 10 s, 1,000 never finished)
// while articles nest a few levels. Per line, container markers past the cap are dropped and
// leading white space past the cap's indentation is cut; the words are kept, so the file is read
// to the budget. Emphasis is nesting too: a run of thousands of '*' took micromark 25 s, so runs
// past MAX_RUN (which already means bold italic twice over) are shortened. Linear.

/** A line's leading run of white space and container markers: `>`, `-`/`*`/`+` or `1.`/`1)` before a space. */
const MARKER = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

const MAX_RUN = 8;
const LONG_RUN = new RegExp(`([*_])\\1{${MAX_RUN},}`, 'gu');

export interface CappedMarkdown {
  markdown: string;
  capped: boolean;
}

export function capMarkdownNesting(markdown: string, maxDepth: number): CappedMarkdown {
  // Two columns a level is what the shortest list marker ("- ") needs to nest.
  const maxIndent = 4 * maxDepth;
  let capped = false;
  const lines = markdown.split('\n').map((line) => {
    let at = 0;
    let markers = 0;
    let prefix = '';
    let indent = 0;
    let changed = false;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(line); m; m = MARKER.exec(line)) {
      at = MARKER.lastIndex;
      const marker = m[0].trimStart();
      const space = m[0].slice(0, m[0].length - marker.length);
      const room = Math.max(0, maxIndent - indent);
      indent += space.length;
      if (space.length > room) changed = true;
      if (++markers > maxDepth) {
        changed = true;
        continue;
      }
      prefix += space.slice(0, room) + marker;
    }
    const rest = line.slice(at);
    const lead = /^[ \t]*/u.exec(rest)![0];
    if (indent + lead.length > maxIndent) changed = true;
    if (!changed) return line;
    capped = true;
    return prefix + lead.slice(0, Math.max(markers > 0 ? 1 : 0, maxIndent - indent)) + rest.slice(lead.length);
  });
  const joined = capped ? lines.join('\n') : markdown;
  const runs = joined.replace(LONG_RUN, (run) => run.slice(0, MAX_RUN));
  return { markdown: runs, capped: capped || runs.length !== joined.length };
}
