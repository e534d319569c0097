// What /add says: one line for every refusal, and the added article's citation. Page text is
// escaped and mentions broken (safeText); links are wrapped in <> so Discord shows no preview.
import { formatDate, plural } from './format.js';
import { safeText } from './safeText.js';
import type { FetchRefusal } from '../fetch/fetchPage.js';
import type { Article } from '../types.js';

/** Why /add said no: every fetch refusal, plus what only the command knows. */
export type AddRefusal = FetchRefusal | 'no-permission' | 'not-article' | 'already-covered' | 'rate-limited' | 'not-configured';

/** "“Title” — Source · 1 Mar 2025 (`doc`)": how an article is named in /add replies. */
export function articleLine(article: Article): string {
  const name = article.title ? `“${safeText(article.title)}”` : `\`${article.doc}\``;
  const where = [article.source ? safeText(article.source) : null, formatDate(article.publishedOn)].filter(Boolean).join(' · ');
  const link = article.url ? ` <${article.url}>` : '';
  return `${name} — ${where}${article.title ? ` (\`${article.doc}\`)` : ''}${link}`;
}

export function addRefusalText(refusal: AddRefusal, detail: { message?: string; role?: string | null; covered?: Article; retryInS?: number; limit?: number } = {}): string {
  const why = detail.message ? safeText(detail.message) : '';
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
  return `Added ${articleLine(article)} — ${plural(n, 'paragraph')}, searchable now as \`${article.doc}\` ¶1${n > 1 ? `–${n}` : ''}.`;
}
