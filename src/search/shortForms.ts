// Short forms the coverage itself defines, learned from its text at open time, so that "Lib Dems", "the
// Fed" or "SEC" find what "Liberal Democrats", "Federal Reserve" or "Securities and Exchange Commission"
// would, and back. Three kinds of evidence, each checked, none a list of names:
// - a definition in brackets, either way round, when one abbreviates the other (initials or clipped
//   words): "International Monetary Fund (IMF)", "the Liberal Democrats (Lib Dems)";
// - "X, known as Y" / "also known as" / "now known as" between capitalised names (said outright);
// - a capitalised short form used in at least two articles beside a name it clips ("Fed" beside
//   "Federal Reserve"), when it is that short form's usual partner and the word is rarely written in
//   lower case (so that a sentence's opening "Man" never becomes "Manchester United");
// and the people register's aliases that abbreviate the name ("IMF" for International Monetary Fund;
// not its spelling variants). Pure: `learnShortForms` from passages, `withShortForms` on a plan.
import type { Passage, Person } from '../types.js';
import type { QueryPlan } from './queryPlan.js';
import { foldCase, processTerm, tokenize } from './terms.js';

/** Folded short form or name ("lib dems") → the folded names it stands for ("liberal democrats"). */
export type ShortForms = ReadonlyMap<string, readonly string[]>;

/** A short form used beside its name in at least this many articles is learned from use alone. */
export const MIN_ARTICLES_TOGETHER = 2;

const JOINERS = new Set(['of', 'and', 'for', 'the', 'de', '&']);
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{N}’'&-]*";
// A capitalised name: capitalised words, with "of", "and", "for", "the" inside ("Bank of England").
const NAME = new RegExp(`${CAP_WORD}(?:\\s+(?:(?:of|and|for|the|de|&)\\s+)*${CAP_WORD})*`, 'gu');
const BRACKETED = new RegExp(`(${NAME.source})\\s+\\((?:the\\s+)?(${CAP_WORD}(?:\\s+${CAP_WORD}){0,3})\\)`, 'gu');
const KNOWN_AS = new RegExp(`(${NAME.source}),?\\s+(?:also\\s+|now\\s+|formerly\\s+|better\\s+)?known\\s+as\\s+(?:the\\s+)?(${NAME.source})`, 'gu');

const wordsOf = (name: string) => foldCase(name).split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
/** A name's key: folded words without a leading "the" ("The Liberal Democrats" → "liberal democrats"). */
const keyOf = (name: string) => wordsOf(name).filter((w, i, all) => !(i === 0 && w === 'the' && all.length > 1)).join(' ');
const singular = (w: string) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);

/** "IMF" for International Monetary Fund; "SEC" for Securities and Exchange Commission. */
function isAcronymOf(short: string, long: string[]): boolean {
  if (!/^\p{Lu}[\p{Lu}\p{Ll}&]*$/u.test(short) || short.replace(/[^\p{Lu}]/gu, '').length < 2 || long.length < 2) return false;
  const letters = foldCase(short).replace(/[^\p{L}]/gu, '');
  const all = long.map((w) => w[0]).join('');
  const content = long.filter((w) => !JOINERS.has(w)).map((w) => w[0]).join('');
  return letters === all || letters === content;
}

/** One word clipping another: "lib" of "liberal", "dems" of "democrats", "utd" of "united". */
function clips(short: string, long: string): boolean {
  const s = singular(short);
  const l = singular(long);
  if (s.length < 3 || s === l || s.length >= l.length) return false;
  if (l.startsWith(s)) return true;
  // Letters in order from the same first letter ("utd", "united"): at most as long as half the word.
  if (s[0] !== l[0] || s.length * 2 > l.length + 1) return false;
  let i = 0;
  for (const c of l) if (c === s[i]) i++;
  return i === s.length;
}

/** Whether `short` abbreviates `long` (both as written): initials, or word-by-word clipping. */
export function abbreviates(short: string, long: string): boolean {
  const s = wordsOf(short);
  const l = wordsOf(long).filter((w, i, all) => !(i === 0 && w === 'the' && all.length > 1));
  if (s.length === 1 && isAcronymOf(short.replace(/^the\s+/iu, ''), l)) return true;
  if (s.length === l.length) return s.every((w, i) => w === l[i] || clips(w, l[i]!)) && s.some((w, i) => w !== l[i]);
  // One clipped word for a longer name, clipping its first word: "Fed" for "Federal Reserve".
  return s.length === 1 && l.length > 1 && clips(s[0]!, l[0]!);
}

/** The shortest tail of `long` that `short` abbreviates ("Fund (IMF)" after "the International Monetary"). */
function tailAbbreviated(short: string, long: string): string | null {
  const words = long.split(/\s+/u);
  for (let from = words.length - 1; from >= 0; from--) {
    const tail = words.slice(from).join(' ');
    if (JOINERS.has(foldCase(words[from]!))) continue;
    if (abbreviates(short, tail)) return tail;
  }
  return null;
}

export function learnShortForms(passages: readonly (Pick<Passage, 'doc' | 'text'> | null)[], people: readonly Person[] = []): ShortForms {
  const defined = new Map<string, Set<string>>();
  const define = (short: string, long: string) => {
    const s = keyOf(short);
    const l = keyOf(long);
    if (!s || !l || s === l) return;
    for (const [a, b] of [[s, l], [l, s]] as const) {
      if (!defined.has(a)) defined.set(a, new Set());
      defined.get(a)!.add(b);
    }
  };
  // Per article: candidate short forms (capitalised, 3–5 letters a word, mid-sentence) and names.
  const byDoc = new Map<string, { shorts: Set<string>; names: Set<string> }>();
  const together = new Map<string, Map<string, Set<string>>>();
  const shortCandidates = new Set<string>();
  for (const passage of passages) {
    if (!passage) continue;
    const text = passage.text;
    if (text.includes('(')) {
      for (const m of text.matchAll(BRACKETED)) {
        const [, long, short] = m as unknown as [string, string, string];
        const tail = tailAbbreviated(short, long);
        if (tail) define(short, tail);
        else if (abbreviates(long.split(/\s+/u).slice(-short.split(/\s+/u).length).join(' '), short)) define(long, short);
      }
    }
    if (text.includes('known as')) {
      for (const m of text.matchAll(KNOWN_AS)) {
        // "Formerly known as Worldcom": a sentence's opening word is no name.
        if (!m[1]!.includes(' ') && (m.index === 0 || /[.!?"“]\s*$/u.test(text.slice(Math.max(0, m.index! - 3), m.index!)))) continue;
        define(m[2]!, m[1]!);
      }
    }
    let doc = byDoc.get(passage.doc);
    if (!doc) byDoc.set(passage.doc, (doc = { shorts: new Set(), names: new Set() }));
    for (const m of text.matchAll(NAME)) {
      const name = m[0];
      const words = name.split(/\s+/u);
      if (words.length > 1) doc.names.add(name);
      const opensSentence = m.index === 0 || /[.!?"“:]\s*$/u.test(text.slice(Math.max(0, m.index! - 3), m.index!));
      if (opensSentence || words.length > 2) continue;
      if (words.every((w) => /^\p{Lu}\p{Ll}{2,4}$/u.test(w))) {
        doc.shorts.add(name);
        shortCandidates.add(foldCase(name));
      }
    }
  }
  // Short forms written in lower case as often as capitalised are ordinary words ("Man", "Will").
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  for (const passage of passages) {
    if (!passage) continue;
    for (const [word] of passage.text.matchAll(/\b\p{L}{3,5}\b/gu)) {
      const folded = foldCase(word);
      if (!shortCandidates.has(folded)) continue;
      const counts = /^\p{Lu}/u.test(word) ? upper : lower;
      counts.set(folded, (counts.get(folded) ?? 0) + 1);
    }
  }
  for (const [docId, { shorts, names }] of byDoc) {
    for (const short of shorts) {
      const key = foldCase(short);
      if (key.split(' ').some((w) => (lower.get(w) ?? 0) * 2 > (upper.get(w) ?? 0))) continue;
      for (const name of names) {
        if (!abbreviates(short, name)) continue;
        const long = keyOf(name);
        if (!together.has(key)) together.set(key, new Map());
        const docs = together.get(key)!;
        if (!docs.has(long)) docs.set(long, new Set());
        docs.get(long)!.add(docId);
      }
    }
  }
  for (const [short, partners] of together) {
    const ranked = [...partners].sort((a, b) => b[1].size - a[1].size);
    const [long, docs] = ranked[0]!;
    const total = ranked.reduce((n, [, d]) => n + d.size, 0);
    if (docs.size >= MIN_ARTICLES_TOGETHER && docs.size * 2 > total) define(short, long);
  }
  for (const person of people) for (const alias of person.aliases) if (abbreviates(alias, person.name)) define(alias, person.name);
  return new Map([...defined].map(([k, v]) => [k, [...v].sort()]));
}

/** Every short form of either map, with the names of both (a live segment's forms joined to the base's). */
export function joinShortForms(a: ShortForms, b: ShortForms): ShortForms {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const joined = new Map(a);
  for (const [short, longs] of b) joined.set(short, [...new Set([...(a.get(short) ?? []), ...longs])].sort());
  return joined;
}

/** Bump when what learnShortForms finds changes: stored search states then rebuild. */
export const SHORT_FORMS_VERSION = 1;

/**
 * The plan with each short form (or name) the question types given the index terms of what it stands
 * for, as alternatives of the typed word's term (same weight): word by word when both have as many
 * words ("lib"→"liber", "dem"→"democrat"), else the whole name as one alternative of the first
 * ("fed" → "feder reserv"). A one-word form counts only when
 * typed capitalised ("the Fed", not "fed up"); longer forms in any case ("lib dems").
 */
export function withShortForms(plan: QueryPlan, question: string, forms: ShortForms, has?: (term: string) => boolean): QueryPlan {
  if (forms.size === 0 || plan.terms.length === 0) return plan;
  const typed = tokenize(question);
  const folded = typed.map(foldCase);
  const terms = plan.terms.map((t) => ({ ...t }));
  const byTerm = new Map(terms.map((t) => [t.term, t]));
  for (let i = 0; i < folded.length; i++) {
    for (let n = Math.min(6, folded.length - i); n >= 1; n--) {
      const key = folded.slice(i, i + n).join(' ');
      const longs = forms.get(key);
      if (!longs || (n === 1 && !/^\p{Lu}/u.test(typed[i]!))) continue;
      const own = typed.slice(i, i + n).map(processTerm).filter((t): t is string => t !== null && byTerm.has(t));
      if (own.length === 0) continue;
      for (const long of longs) {
        const theirs = long.split(' ').map(processTerm).filter((t): t is string => t !== null && (!has || has(t)));
        if (theirs.length === 0) continue;
        // Word by word when both have as many words; else the whole name as one alternative of the first.
        const parts = own.length === theirs.length ? theirs.map((term, k) => [own[k]!, [term]] as const) : [[own[0]!, theirs] as const];
        for (const [typedTerm, alias] of parts) {
          const target = byTerm.get(typedTerm)!;
          const key = alias.join(' ');
          if (alias.length === 1 && alias[0] === target.term) continue;
          if (!(target.aliases ?? []).some((a) => a.join(' ') === key)) target.aliases = [...(target.aliases ?? []), [...alias]];
        }
      }
      i += n - 1;
      break;
    }
  }
  return { ...plan, terms };
}
