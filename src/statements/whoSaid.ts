// What one person or body said across the coverage, ordered by when it was said (else when
// published; undated last). The bot, `openLibrary().who` and `npm run who` all call this. A query
// may name a person ("Lammy") or a role ("the Foreign Secretary": whoever the coverage gives it),
// and may be narrowed to statements about some words and to a span of dates.
// The English locale only: the full package loads every language (~0.4 s more at every start).
import * as chrono from 'chrono-node/en';
import type { Coverage, IsoDate, Person, Statement, WhoAnswer } from '../types.js';
import { findPerson } from './findPerson.js';
import { findRoleHolders, looksLikeRole, type RoleHolder } from './roles.js';
import { nameKey } from './nameMentions.js';
import { stemmer } from 'stemmer';
import { removeStopwords } from 'stopword';

export interface WhoOptions {
  /** Only statements about these words (any of them; best first: most words matched). */
  about?: string;
  /** Only statements said (else published) on or after this date: YYYY-MM-DD or e.g. "1 March 2025". */
  since?: string;
  /** … on or before this date. */
  until?: string;
}

export function whoSaid(coverage: Pick<Coverage, 'people' | 'statements' | 'articles'> | Pick<Coverage, 'people' | 'statements'>, name: string, options: WhoOptions = {}): WhoAnswer {
  const range = parseRange(options);
  if ('error' in range) return { query: name, person: null, statements: [], suggestions: [], notice: range.error };

  const published = new Map<string, IsoDate | null>();
  if ('articles' in coverage) for (const a of coverage.articles) published.set(a.doc, a.publishedOn);
  const byRole = looksLikeRole(name) ? findRoleHolders(coverage.people, name, published) : [];
  let person: Person | null = null;
  let speakers: Set<string>;
  let roleNote: string | null = null;
  let suggestions: string[] = [];
  if (byRole.length > 0) {
    person = byRole[0]!.person;
    // One holder the coverage gives the office far more often than anyone else ("the prime minister"
    // in British news: Tony Blair, not the Ukrainian or Cameroonian one) answers alone; the others
    // are named in the note, so the reader can ask for them.
    const dominant = byRole.length > 1 && byRole[0]!.articles >= DOMINANT_HOLDER * byRole[1]!.articles;
    const shown = dominant ? byRole.slice(0, 1) : byRole;
    speakers = new Set(shown.map((h) => h.person.name));
    roleNote = dominant ? `${describeHolders(shown)}; also given this title: ${byRole.slice(1, 6).map((h) => `${h.person.name} (${h.articles})`).join(', ')}${byRole.length > 6 ? ', …' : ''}` : describeHolders(byRole);
  } else {
    const found = findPerson(coverage.people, name);
    person = found.person;
    suggestions = found.suggestions;
    if (!person) {
      // Named in the text but never a person of the register (no title, honorific or speech): say
      // so, rather than that nobody is called that.
      const named = 'articles' in coverage ? articlesNaming(coverage.articles, name) : 0;
      if (named > 0) return { query: name, person: null, statements: [], suggestions, notice: notQuoted(name.trim(), named) };
      return { query: name, person: null, statements: [], suggestions };
    }
    speakers = new Set([person.name]);
  }

  let statements = coverage.statements.filter((s) => speakers.has(s.speaker) && inRange(s, range));
  if (options.about?.trim()) {
    const terms = aboutTerms(options.about);
    const scored = statements.map((s) => ({ s, score: aboutScore(s, terms) })).filter((x) => x.score > 0);
    scored.sort((a, b) => b.score - a.score || byWhenSaid(a.s, b.s));
    statements = scored.map((x) => x.s);
  } else statements = statements.sort(byWhenSaid);

  const filtered = !!(options.about?.trim() || range.since || range.until);
  const quoted = coverage.statements.some((s) => speakers.has(s.speaker));
  const notice =
    statements.length > 0 ? null
    : filtered && quoted ? `No statements by ${person.name} match ${describeFilters(options)}.`
    : !quoted && person.kind === 'person' ? notQuoted(person.name, person.articles ?? null)
    : null;
  return { query: name, person: { name: person.name, aliases: [...person.aliases] }, statements, suggestions: [], roleNote, notice };
}

/** "Howard Hughes is named in 12 articles, not quoted." */
function notQuoted(name: string, articles: number | null): string {
  return articles ? `${name} is named in ${articles} article${articles === 1 ? '' : 's'}, not quoted.` : `${name} is named in the coverage, not quoted.`;
}

/** Articles whose text has the query as a capitalised name ("Agatha Christie"), word for word. */
function articlesNaming(articles: Coverage['articles'], query: string): number {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4 || !words.every((w) => /^[\p{L}][\p{L}’'.-]*$/u.test(w))) return 0;
  const escaped = words.map((w) => `${w[0]!.toUpperCase()}${w.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const pattern = new RegExp(`(?<![\\p{L}])${escaped.join('\\s+')}(?![\\p{L}])`, 'u');
  return articles.filter((a) => a.paragraphs.some((p) => pattern.test(p.text))).length;
}

/** When said, else when published; undated last; then by article and paragraph. */
export function byWhenSaid(a: Statement, b: Statement): number {
  const when = (s: Statement) => s.saidOn ?? s.publishedOn ?? '9999-99-99';
  return when(a).localeCompare(when(b)) || a.doc.localeCompare(b.doc) || a.paragraph - b.paragraph;
}

/** "David Lammy, Foreign Secretary in 4 articles"; several holders each with their dates. */
/** How many times more articles the first holder of a role needs to answer for it alone. */
const DOMINANT_HOLDER = 3;

function describeHolders(holders: RoleHolder[]): string {
  const one = (h: RoleHolder) => {
    const dates = h.from && h.to ? (h.from === h.to ? ` (${h.from})` : ` (${h.from} to ${h.to})`) : '';
    return `${h.person.name}, ${h.role} in ${h.articles} article${h.articles === 1 ? '' : 's'}${dates}`;
  };
  if (holders.length === 1) return one(holders[0]!);
  return `The coverage gives this role to ${holders.length} people: ${holders.map(one).join('; ')}`;
}

type Range = { since: IsoDate | null; until: IsoDate | null };

function parseRange(options: WhoOptions): Range | { error: string } {
  const since = options.since?.trim() ? parseDay(options.since) : null;
  const until = options.until?.trim() ? parseDay(options.until) : null;
  if (since === undefined) return { error: `I couldn't read "${options.since!.trim().slice(0, 40)}" as a date. Try e.g. 2025-03-01 or "1 March 2025".` };
  if (until === undefined) return { error: `I couldn't read "${options.until!.trim().slice(0, 40)}" as a date. Try e.g. 2025-03-31 or "31 March 2025".` };
  if (since && until && since > until) return { error: `"since" (${since}) is after "until" (${until}).` };
  return { since, until };
}

/** A typed date as YYYY-MM-DD, or undefined when it is not one. */
export function parseDay(text: string): IsoDate | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso) {
    const d = new Date(`${text.trim()}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text.trim() ? undefined : text.trim();
  }
  const parsed = chrono.GB.parse(text)[0];
  if (!parsed || !parsed.start.isCertain('year')) return undefined;
  const y = parsed.start.get('year')!;
  const m = parsed.start.get('month')!;
  const d = parsed.start.get('day')!;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function inRange(s: Statement, range: Range): boolean {
  if (!range.since && !range.until) return true;
  const when = s.saidOn ?? s.publishedOn;
  if (!when) return false; // undated: cannot be shown to lie in the span
  return (!range.since || when >= range.since) && (!range.until || when <= range.until);
}

const stem = (w: string) => stemmer(w);
function aboutTerms(about: string): string[] {
  const words = nameKey(about).split(' ').filter(Boolean);
  return [...new Set(removeStopwords(words).map(stem))];
}

function aboutScore(s: Statement, terms: string[]): number {
  const words = new Set(nameKey(`${s.text} ${s.cue}`).split(' ').map(stem));
  return terms.filter((t) => words.has(t)).length;
}

function describeFilters(options: WhoOptions): string {
  return [
    options.about?.trim() ? `about "${options.about.trim().slice(0, 60)}"` : '',
    options.since?.trim() ? `since ${options.since.trim().slice(0, 30)}` : '',
    options.until?.trim() ? `until ${options.until.trim().slice(0, 30)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
