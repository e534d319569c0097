// The parsing that may be slow on a hostile file (HTML pages, Markdown, feeds), as one message in
// and one out, so it can run in a worker thread (parsePool.ts) and be ended there when over budget.
import type { FeedResult } from './feed.js';
import type { PageResult } from './html.js';
import type { MarkdownText } from './markdown.js';

export type ParseJob = { kind: 'html'; text: string; url: string | null } | { kind: 'markdown'; text: string } | { kind: 'feed'; text: string };

export type ParseOutput<J extends ParseJob> = J extends { kind: 'html' } ? PageResult : J extends { kind: 'markdown' } ? MarkdownText : FeedResult;

/** Runs a job on this thread (the worker's body; loads each parser the first time it is needed). */
export async function runParseJob(job: ParseJob): Promise<PageResult | MarkdownText | FeedResult> {
  switch (job.kind) {
    case 'html':
      return (await import('./html.js')).parseHtmlPage(job.text, { url: job.url });
    case 'markdown':
      return (await import('./markdown.js')).markdownToText(job.text);
    case 'feed':
      return (await import('./feed.js')).parseFeedFile(job.text);
  }
}
