// Autocomplete over the people register: names and aliases matched by prefix, word prefix, substring
// or a small edit distance, best first. The register is small (hundreds), so a precomputed linear scan
// answers well under a millisecond: no index needed.
import type { Person } from '../types.js';
import { foldCase } from '../search/terms.js';
import { distance } from 'fastest-levenshtein';

export const DEFAULT_SUGGESTIONS = 25;

// Match strengths, best first; ties go to people who say more, then alphabetical.
const EXACT = 5;
const PREFIX = 4;
const WORD_PREFIX = 3;
const SUBSTRING = 2;
const FUZZY = 1;

interface Entry {
  person: Person;
  /** Name and aliases, folded ("sir keir starmer", "starmer"). */
  keys: string[];
  /** Every word of every key. */
  words: string[];
}

const fold = (text: string) => foldCase(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export type SuggestPeople = (typed: string, limit?: number) => Person[];

export function makeSuggestPeople(people: Person[]): SuggestPeople {
  const entries: Entry[] = people.map((person) => {
    const keys = [person.name, ...person.aliases].map(fold).filter(Boolean);
    return { person, keys, words: [...new Set(keys.flatMap((key) => key.split(' ')))] };
  });
  const byWeight = (a: Person, b: Person) =>
    b.statements - a.statements || b.mentions - a.mentions || a.name.localeCompare(b.name);

  return (typed, limit = DEFAULT_SUGGESTIONS) => {
    const query = fold(typed);
    if (!query) return [...people].sort(byWeight).slice(0, limit);
    const scored: { person: Person; strength: number }[] = [];
    for (const entry of entries) {
      const strength = matchStrength(entry, query);
      if (strength > 0) scored.push({ person: entry.person, strength });
    }
    scored.sort((a, b) => b.strength - a.strength || byWeight(a.person, b.person));
    return scored.slice(0, limit).map((s) => s.person);
  };
}

function matchStrength(entry: Entry, query: string): number {
  if (entry.keys.includes(query)) return EXACT;
  if (entry.keys.some((key) => key.startsWith(query))) return PREFIX;
  if (entry.words.some((word) => word.startsWith(query))) return WORD_PREFIX;
  if (entry.keys.some((key) => key.includes(query))) return SUBSTRING;
  // Typos: only for 4+ letters, one edit per 4 letters typed, against each word (or the part of it
  // typed so far, give or take a letter): "zelenksy" → Zelensky, "starm" → Starmer is already a prefix.
  if (query.length >= 4 && !query.includes(' ')) {
    const allowed = Math.floor(query.length / 4);
    const near = (word: string) =>
      [word, word.slice(0, query.length), word.slice(0, query.length + 1)].some((part) => distance(part, query) <= allowed);
    if (entry.words.some(near)) return FUZZY;
  }
  return 0;
}


export type SuggestRoles = (typed: string, limit?: number) => { role: string; holder: string }[];

/** Roles the register records, matched by prefix of the role or of one of its words ("foreign sec"). */
export function makeSuggestRoles(people: Person[]): SuggestRoles {
  const roles = new Map<string, { role: string; holder: string; count: number }>();
  for (const p of people) {
    for (const r of p.roles) {
      const key = fold(r.role);
      const entry = roles.get(`${key}\u0000${p.name}`) ?? { role: r.role, holder: p.name, count: 0 };
      entry.count++;
      roles.set(`${key}\u0000${p.name}`, entry);
    }
  }
  const entries = [...roles.values()].sort((a, b) => b.count - a.count || a.role.localeCompare(b.role));
  return (typed, limit = DEFAULT_SUGGESTIONS) => {
    const query = fold(typed).replace(/^the /, '');
    if (query.length < 3) return [];
    return entries
      .filter((e) => {
        const role = fold(e.role);
        return role.startsWith(query) || role.split(' ').some((_, i, words) => words.slice(i).join(' ').startsWith(query));
      })
      .slice(0, limit)
      .map(({ role, holder }) => ({ role, holder }));
  };
}
