// What /add says: one line for every refusal, and the added article's citation. Page text is
// escaped and mentions broken (safeText); links are wrapped in <> so Discord shows no preview.
import { safeUrl } from './cite.js';
import { formatDate, plural } from './format.js';
import { LIMITS } from './discordLimits.js';
import { safeText } from './safeText.js';
import { truncate } from './truncate.js';
import type { Article, FetchRefusal } from '../types.js';

/** Why /add said no: every fetch refusal, plus what only the command knows. */
export type AddRefusal = FetchRefusal | 'no-permission' | 'not-article' | 'already-covered' | 'rate-limited' | 'not-configured';

// A page's title, source and link are the page's to choose, and one message holds 2,000 characters:
// each part gets a share, so a 4,000-character title is clipped with "…" and the rest still shows.
const TITLE_MAX = 300;
const SOURCE_MAX = 100;
const DOC_MAX = 120;
/** A longer link is left out rather than cut (a cut link leads nowhere). */
const LINK_MAX = 600;

/** "“Title” — Source · 1 Mar 2025 (`doc`)": how an article is named in /add replies. */
export function articleLine(article: Article): string {
  const doc = truncate(article.doc, DOC_MAX);
  const name = article.title ? `“${truncate(safeText(article.title), TITLE_MAX)}”` : `\`${doc}\``;
  const where = [article.source ? truncate(safeText(article.source), SOURCE_MAX) : null, formatDate(article.publishedOn)].filter(Boolean).join(' · ');
  const url = safeUrl(article.url);
  const link = url && url.length <= LINK_MAX ? ` <${url}>` : '';
  return `${name} — ${where}${article.title ? ` (\`${doc}\`)` : ''}${link}`;
}

/** Every /add reply within Discord's message limit, whatever the page or the refusal put in it. */
export function addRefusalText(refusal: AddRefusal, detail: { message?: string; role?: string | null; covered?: Article; retryInS?: number; limit?: number } = {}): string {
  return truncate(refusalText(refusal, detail), LIMITS.content);
}

function refusalText(refusal: AddRefusal, detail: Parameters<typeof addRefusalText>[1] = {}): string {
  const why = detail.message ? truncate(safeText(detail.message), 500) : '';
  switch (refusal) {
    case 'no-permission':
      return `Only members with the Manage Server permission${detail.role ? ` or the “${safeText(detail.role)}” role` : ''} can add articles.`;
    case 'not-http':
      return `I can only add http:// or https:// links${why ? ` (${why})` : ''}.`;
    case 'blocked-address':
      return `I won’t fetch that link: it points to a private, loopback or link-local address (${why}).`;
    case 'too-large':
      return `That page is too large to add (${why}).`;
    case 'timeout':
      return `That page took too long to load (${why}).`;
    case 'not-html':
    case 'not-article':
      return `That link doesn’t look like a news article: ${why}.`;
    case 'http-status':
    case 'too-many-redirects':
    case 'unreachable':
      return `I couldn’t fetch that page: ${why}.`;
    case 'already-covered':
      return detail.covered ? `Already covered: ${articleLine(detail.covered)}.` : 'Already covered.';
    case 'rate-limited':
      return `You can add at most ${detail.limit ?? 5} articles a minute; try again in ${detail.retryInS ?? 60} s.`;
    case 'not-configured':
      return 'Adding articles is not set up on this bot.';
  }
}

export function addedText(article: Article): string {
  const n = article.paragraphs.length;
  const doc = truncate(article.doc, DOC_MAX);
  return truncate(`Added ${articleLine(article)} — ${plural(n, 'paragraph')}, searchable now as \`${doc}\` ¶1${n > 1 ? `–${n}` : ''}.`, LIMITS.content);
}
