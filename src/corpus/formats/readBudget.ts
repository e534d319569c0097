// What reading one HTML page or Markdown file may cost. linkedom, Readability and micromark all slow
// down steeply with nesting (see capHtmlNesting.ts, capMarkdownNesting.ts), so a file past these is
// read to the budget, with one warning naming it; the time limit is the backstop for whatever else
// is slow, enforced by reading in a worker thread (parsePool.ts) that is ended when it runs over.

/** Real news pages nest about 20 elements deep (the nine saved pages of the fixtures: 17–21). */
export const MAX_HTML_DEPTH = 64;
/** Block quotes and lists nested in one another; articles use a few. */
export const MAX_MARKDOWN_DEPTH = 16;
/** Characters of one page or Markdown file read (the largest saved page of the fixtures is 1.2 MB). */
export const MAX_CHARS = 5_000_000;
/** One file's parse, in the worker, before it is given up and the file skipped. */
export const READ_TIMEOUT_MS = 10_000;
