// The parsing that may be slow on a hostile file (HTML pages, Markdown, feeds), as one message in
// and one out, so it can run in a worker thread (parsePool.ts) and be ended there when over budget.
import type { FeedResult } from './feed.js';
import type { PageResult } from './html.js';
import type { MarkdownText } from './markdown.js';

export type ParseJob = { kind: 'html'; text: string; url: string | null } | { kind: 'markdown'; text: string } | { kind: 'feed'; text: string };

export type ParseOutput<J extends ParseJob> = J extends { kind: 'html' } ? PageResult : J extends { kind: 'markdown' } ? MarkdownText : FeedResult;

/**
 * Loads the parsers (about a second) and gives the function that runs a job on this thread: the
 * worker's body. Loaded before the worker says it is ready, so no job's time budget pays for it.
 */
export async function parseJobRunner(): Promise<(job: ParseJob) => PageResult | MarkdownText | FeedResult> {
  const [html, markdown, feed] = await Promise.all([import('./html.js'), import('./markdown.js'), import('./feed.js')]);
  return (job) => {
    switch (job.kind) {
      case 'html':
        return html.parseHtmlPage(job.text, { url: job.url });
      case 'markdown':
        return markdown.markdownToText(job.text);
      case 'feed':
        return feed.parseFeedFile(job.text);
    }
  };
}
