// Asking by role: "the Foreign Secretary", "Defence Secretary", "US secretary of state" find the
// people the coverage gives that role (the register records roles per article), with the dates of
// the articles that give it, so that different holders at different times are told apart.
import type { IsoDate, Person } from '../types.js';
import { ROLE_HEADS, isNationality } from './lexicon.js';
import { nameKey } from './nameMentions.js';

export interface RoleHolder {
  person: Person;
  /** The role as the coverage writes it most often for this person. */
  role: string;
  articles: number;
  /** Earliest and latest publication dates of those articles (null when undated). */
  from: IsoDate | null;
  to: IsoDate | null;
}

/** "foreign secretary" from "the UK's former Foreign Secretary": no article, "former", possessive. */
export const roleKey = (role: string) =>
  nameKey(role)
    .replace(/^(the|a|an) /, '')
    .replace(/\b(former|then|acting|interim) /g, '')
    .trim();

/** The query names a role when one of its words is a role's head ("secretary", "minister"). */
export function looksLikeRole(query: string): boolean {
  return nameKey(query)
    .split(' ')
    .some((w) => ROLE_HEADS.has(w) || /-(president|minister|secretary)$/.test(w));
}

/** Same role: equal keys, or one is the other with qualifiers in front that only say whose ("uk", "us", "british"). */
function sameRole(a: string, b: string): boolean {
  if (a === b) return true;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (!long.endsWith(` ${short}`)) return false;
  const extra = long.slice(0, -short.length - 1).split(' ');
  return extra.length <= 2 && extra.every((w) => isNationality(w.toUpperCase()) || isNationality(w[0]!.toUpperCase() + w.slice(1)) || w === 'uk' || w === 'us');
}

export function findRoleHolders(people: Person[], query: string, published: Map<string, IsoDate | null>): RoleHolder[] {
  const key = roleKey(query);
  if (!key) return [];
  const holders: RoleHolder[] = [];
  for (const person of people) {
    const matching = person.roles.filter((r) => sameRole(roleKey(r.role), key));
    if (matching.length === 0) continue;
    const docs = [...new Set(matching.map((r) => r.doc))];
    const dates = docs.map((d) => published.get(d) ?? null).filter((d): d is IsoDate => d !== null).sort();
    const counts = new Map<string, number>();
    for (const r of matching) counts.set(r.role, (counts.get(r.role) ?? 0) + 1);
    const role = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].length - y[0].length)[0]![0];
    holders.push({ person, role, articles: docs.length, from: dates[0] ?? null, to: dates[dates.length - 1] ?? null });
  }
  // Most articles first; then the latest holder.
  return holders.sort((a, b) => b.articles - a.articles || (b.to ?? '').localeCompare(a.to ?? '') || b.person.statements - a.person.statements);
}
