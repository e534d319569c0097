// Examples for help and for "please ask in words" replies, drawn from the coverage that is loaded, so
// a bot serving a 2005 business archive does not suggest asking about 2025 Ukraine talks (the seeds).
import type { Coverage } from '../types.js';

export interface Examples {
  /** A question the coverage can answer, e.g. "What did David Lammy say?"; null for empty coverage. */
  question: string | null;
  /** The name most quoted in the coverage, e.g. "David Lammy"; null when no one is quoted. */
  person: string | null;
}

const cache = new WeakMap<Coverage, Examples>();

/** The most quoted person (else body) and a question about them, or one about the newest title. */
export function examplesFrom(coverage: Pick<Coverage, 'people' | 'articles'>): Examples {
  const known = cache.get(coverage as Coverage);
  if (known) return known;
  let top: Coverage['people'][number] | null = null;
  for (const p of coverage.people) {
    if (p.statements === 0) continue;
    // People before bodies ("Downing Street"): a name reads best as an example of /who.
    const better = !top || (p.kind === 'person' && top.kind !== 'person') || (p.kind === top.kind && p.statements > top.statements);
    if (better) top = p;
  }
  let question = top ? `What did ${top.name} say?` : null;
  if (!question) {
    const titled = coverage.articles.find((a) => a.title);
    if (titled?.title) question = `What happened in “${titled.title}”?`;
  }
  const examples = { question, person: top?.name ?? null };
  cache.set(coverage as Coverage, examples);
  return examples;
}

/** ", e.g. `/ask question: …`" for a reply or help line; empty when the coverage gives no example. */
export function forExample(command: string, option: string, value: string | null): string {
  return value ? `, e.g. \`/${command} ${option}: ${value}\`` : '';
}
