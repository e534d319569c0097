// Finds a person or speaking body in the register from what someone typed: exact names and aliases
// first, then spelling variants by edit distance per word ("Zelenskyy" finds Volodymyr Zelensky).
// Returns the best match and, when nothing is close enough, the nearest names ("did you mean").
import type { Person } from '../types.js';
import { distance } from 'fastest-levenshtein';
import { SPOKES_HEADS } from './lexicon.js';
import { nameKey } from './nameMentions.js';

export interface PersonMatch {
  person: Person | null;
  /** Nearest names when no person matched well enough, best first. */
  suggestions: string[];
}

const HONORIFIC = /^(mr|mrs|ms|miss|dr|sir|dame|lord|lady|gen|president|the)$/;

export function foldName(text: string): string[] {
  return nameKey(text)
    .split(' ')
    .filter((w) => w && !HONORIFIC.test(w));
}

const similarity = (a: string, b: string) => 1 - distance(a, b) / Math.max(a.length, b.length);

/** How well `query` words match one name: 1 for an exact alias, else mean best-word similarity. */
function score(query: string[], person: Person, typed = ''): number {
  // Exactly as typed, honorific and all: "Mrs Howard" is her, though "Howard" is also Michael Howard.
  if (typed && [person.name, ...person.aliases].some((n) => nameKey(n) === typed)) return 1.001;
  const names = [person.name, ...person.aliases].map(foldName);
  if (names.some((n) => n.join(' ') === query.join(' '))) return 1;
  const words = [...new Set(names.flat())];
  if (words.length === 0) return 0;
  const perWord = query.map((q) => Math.max(...words.map((w) => (w.startsWith(q) && q.length >= 4 ? 0.9 : similarity(q, w)))));
  let s = perWord.reduce((a, b) => a + b, 0) / perWord.length;
  if (Math.min(...perWord) < 0.6) s = Math.min(s, 0.6);
  // "Zelensky" means the man, not "Zelensky's spokesman", unless a spokes word was typed.
  const spokes = foldName(person.name).some((w) => SPOKES_HEADS.has(w));
  if (spokes && !query.some((q) => SPOKES_HEADS.has(q))) s *= 0.9;
  return s * 0.99; // never quite an exact match
}

/** Lowest score worth suggesting, and how far behind the best a suggestion may be. */
const SUGGEST_FLOOR = 0.5;
const SUGGEST_SPREAD = 0.1;

export function findPerson(people: Person[], query: string, threshold = 0.8): PersonMatch {
  const words = foldName(query);
  if (words.length === 0) return { person: null, suggestions: [] };
  const scored = people
    .map((person) => ({ person, score: score(words, person, nameKey(query)) }))
    .sort((a, b) => b.score - a.score || b.person.statements - a.person.statements || a.person.name.localeCompare(b.person.name));
  const best = scored[0];
  if (best && best.score >= threshold) return { person: best.person, suggestions: [] };
  // Suggest only plausible names: close enough on their own, and not far behind the best guess.
  const floor = Math.max(SUGGEST_FLOOR, (best?.score ?? 0) - SUGGEST_SPREAD);
  return { person: null, suggestions: scored.filter((s) => s.score >= floor).slice(0, 5).map((s) => s.person.name) };
}
