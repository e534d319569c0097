// Asking by role: "the Foreign Secretary", "Defence Secretary", "US secretary of state" find the
// people the coverage gives that role (the register records roles per article), with the dates of
// the articles that give it, so that different holders at different times are told apart.
import type { IsoDate, Person } from '../types.js';
import { ROLE_HEADS, ROLE_MODIFIERS, ROLE_QUALIFIERS, isNationality } from './lexicon.js';
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

/** "uk foreign secretary" from "the UK's Foreign Secretary": case, article and possessive folded. */
export const roleKey = (role: string) =>
  nameKey(role)
    .replace(/^(the|a|an) /, '')
    .trim();

/** The query names a role when one of its words is a role's head ("secretary", "minister"). */
export function looksLikeRole(query: string): boolean {
  return nameKey(query)
    .split(' ')
    .some((w) => ROLE_HEADS.has(w) || /-(president|minister|secretary)$/.test(w));
}

/**
 * A role read into its parts: the office ("foreign secretary", "chancellor of the exchequer"), whose
 * it is ("uk", "england", "federal reserve") and its qualifiers ("shadow", "former", "deputy"…),
 * which make it another office or none now: a shadow chancellor is not the chancellor.
 */
export interface RoleParts {
  office: string[];
  /** What the office is of, after "of" ("exchequer"): a query without it matches any. */
  of: string[];
  whose: string[];
  qualifiers: string[];
}

export function roleParts(role: string): RoleParts {
  const words = roleKey(role).split(' ').filter(Boolean);
  const ofAt = words.indexOf('of');
  const before = ofAt >= 0 ? words.slice(0, ofAt) : words;
  const of = ofAt >= 0 ? words.slice(ofAt + 1).filter((w) => w !== 'the') : [];
  // The head is the last role word; the office runs left over heads and modifiers, then whose.
  let head = before.length - 1;
  while (head >= 0 && !isHead(before[head]!)) head--;
  if (head < 0) return { office: [], of, whose: [], qualifiers: [] };
  const office: string[] = [before[head]!];
  const whose: string[] = [];
  const qualifiers: string[] = [];
  let k = head - 1;
  for (; k >= 0; k--) {
    const w = before[k]!;
    if (ROLE_QUALIFIERS.has(w)) qualifiers.unshift(w);
    else if ((ROLE_MODIFIERS.has(w) || isHead(w)) && whose.length === 0 && !isWhose(w)) office.unshift(w);
    else whose.unshift(w);
  }
  return { office, of, whose, qualifiers: qualifiers.sort() };
}

const isHead = (w: string) => ROLE_HEADS.has(w) || /-(president|minister|secretary|general)$/.test(w);
/** Nationalities and places say whose the office is, though some also modify ("european"). */
const isWhose = (w: string) => w === 'uk' || w === 'us' || w === 'labour' || w === 'conservative' || isNationality(w[0]!.toUpperCase() + w.slice(1));

/** The same office: same words and qualifiers; a query's "of …" must agree when it has one. */
function sameOffice(query: RoleParts, role: RoleParts): boolean {
  if (query.office.join(' ') !== role.office.join(' ')) return false;
  if (query.qualifiers.join(' ') !== role.qualifiers.join(' ')) return false;
  return query.of.length === 0 || query.of.join(' ') === role.of.join(' ');
}

/** Every word of whose the query gives is in the role's, whole or as its opening ("fed" → "federal"). */
function sameWhose(query: string[], role: string[]): boolean {
  return query.every((q) => role.some((r) => r === q || (q.length >= 3 && r.startsWith(q))) || (sameCountry(q) && role.some(sameCountry)));
}
/** "uk", "british" and "britain" name one country; so do "us", "american" and "america". */
const COUNTRY_FORMS = [new Set(['uk', 'british', 'britain']), new Set(['us', 'american', 'america'])];
const sameCountry = (w: string) => COUNTRY_FORMS.some((forms) => forms.has(w));

/**
 * The people the coverage gives a role, with the articles and dates. A qualified role is another
 * office ("the chancellor" is not the shadow or former chancellor). With whose in the query ("the
 * England coach", "the Fed chairman") a holder must have it so named somewhere; without ("the
 * chancellor"), the office is the coverage's own: the one whose holder it most often names with no
 * whose at all, so that a holder only ever named for another country ("German Chancellor") is left
 * out. A holder's articles with the plain role count towards the qualified one they also hold.
 */
export function findRoleHolders(people: Person[], query: string, published: Map<string, IsoDate | null>): RoleHolder[] {
  const wanted = roleParts(query);
  if (wanted.office.length === 0) return [];
  const candidates: { person: Person; matching: { doc: string; role: string }[]; whose: Set<string>; plain: number }[] = [];
  for (const person of people) {
    const parts = person.roles.map((r) => ({ r, parts: roleParts(r.role) }));
    const same = parts.filter((x) => sameOffice(wanted, x.parts));
    if (same.length === 0) continue;
    const whose = new Set(same.flatMap((x) => x.parts.whose));
    if (wanted.whose.length > 0 && !same.some((x) => sameWhose(wanted.whose, x.parts.whose))) continue;
    const plain = new Set(same.filter((x) => x.parts.whose.length === 0).map((x) => x.r.doc)).size;
    candidates.push({ person, matching: same.map((x) => x.r), whose, plain });
  }
  let chosen = candidates;
  // "Fed" opens "Federal Reserve" and "Police Federation" alike: where some holder is also called
  // by the very word typed ("Fed chief Alan Greenspan"), holders matched only by an opening drop out.
  if (wanted.whose.length > 0) {
    const exact = (c: (typeof candidates)[number]) => c.person.roles.some((r) => wanted.whose.every((q) => roleParts(r.role).whose.includes(q)));
    if (candidates.some(exact)) chosen = candidates.filter(exact);
  }
  if (wanted.whose.length === 0 && candidates.length > 1) {
    const home = [...chosen].sort((a, b) => b.plain - a.plain)[0]!;
    const homeWhose = [...home.whose];
    chosen = chosen.filter((c) => c === home || c.whose.size === 0 || homeWhose.some((w) => c.whose.has(w) || (sameCountry(w) && [...c.whose].some(sameCountry))));
  }
  const holders: RoleHolder[] = [];
  for (const { person, matching } of chosen) {
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
