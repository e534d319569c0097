// Who is a person, and which mentions are the same person: "David Lammy", "Mr Lammy", "Lammy" and
// "Foreign Secretary David Lammy" fold into one; "Sir Keir" finds Keir Starmer; spelling variants of a
// surname across articles (Zelensky / Zelenskyy) fold too. Evidence only from the coverage itself.
import { HONORIFICS, INSTITUTION_HEADS, PUBLICATION_HEADS, ROLE_MODIFIERS, isNationality } from './lexicon.js';
import { nameKey, type NameChain } from './nameMentions.js';
import { distance } from 'fastest-levenshtein';
import { givenNameSex, isGivenName, sameGivenName } from './givenNames.js';

/** What the people index reads of a name chain (a cached mention keeps just this). */
export type ChainFacts = Pick<NameChain, 'name' | 'words' | 'honorific' | 'title' | 'strong' | 'speaks' | 'afterLocative' | 'definite' | 'initial' | 'described'>;

export interface Mention {
  doc: string;
  chain: ChainFacts;
  /** Inside quoted words: counts as a mention, never as evidence of a speaker. */
  inQuote: boolean;
}

export interface PersonRecord {
  id: string;
  name: string;
  first: string;
  last: string;
  /** Written forms seen: "David Lammy", "Mr Lammy", "Lammy", "Sir Keir Starmer". */
  aliases: Set<string>;
  /** Articles that name the person in full (used to prefer the local reading of a surname). */
  docs: Set<string>;
  /** Articles that name the person in any form ("named in 3 articles, not quoted"). */
  namedIn: Set<string>;
  roles: { doc: string; role: string }[];
  mentions: number;
  /** From honorifics (Mr, Sir → m; Mrs, Ms, Dame → f): a "she" never refers back to a Mr. */
  gender: 'm' | 'f' | null;
}

const GENDER: Record<string, 'm' | 'f'> = { Mr: 'm', Sir: 'm', Lord: 'm', Mrs: 'f', Ms: 'f', Miss: 'f', Dame: 'f', Lady: 'f', Baroness: 'f' };

/** Honorifics that go with a first name in British usage ("Sir Keir"). */
const FIRST_NAME_HONORIFICS = new Set(['Sir', 'Dame']);
/** Titles of the peerage: part of how a peer is named ("Lord Falconer"), unlike "Mr". */
const PEERAGE = new Set(['Lord', 'Lady', 'Baroness', 'Baron']);

export class PeopleIndex {
  readonly persons: PersonRecord[] = [];
  private byKey = new Map<string, PersonRecord>();
  /** Persons by the one-letter deletions of their surname and of their first name: candidates for
   *  an edit distance of at most one are found by key, never by comparing with every person. */
  private byLast = new NearKeys<PersonRecord>();
  private byFirst = new NearKeys<PersonRecord>();

  /** Adds or finds a person by full name (two or more words). */
  add(words: string[], doc: string): PersonRecord {
    const key = nameKey(words);
    const existing = this.byKey.get(key) ?? this.findSameFullName(words) ?? this.compoundSurname(words, key);
    if (existing) {
      this.byKey.set(key, existing);
      existing.docs.add(doc);
      existing.aliases.add(words.join(' '));
      return existing;
    }
    const keys = words.map((w) => nameKey(w));
    const record: PersonRecord = {
      id: key,
      name: words.join(' '),
      first: keys.length > 1 ? keys[0]! : '',
      last: keys[keys.length - 1]!,
      aliases: new Set([words.join(' ')]),
      docs: new Set([doc]),
      namedIn: new Set(),
      roles: [],
      mentions: 0,
      // A given name's usual sex ("Michael"), so that a "Mrs Howard" never folds into him.
      gender: keys.length > 1 ? givenNameSex(words[0]!) : null,
    };
    this.persons.push(record);
    this.byKey.set(key, record);
    this.byLast.add(record.last, record);
    if (record.first) this.byFirst.add(record.first, record);
    return record;
  }

  /** "Ten Cate" after "Henk Ten Cate": the last words of one longer name (a surname of two words). */
  private compoundSurname(words: string[], key: string): PersonRecord | undefined {
    if (words.length !== 2) return undefined;
    const longer = this.byLast.exact(nameKey(words[1]!)).filter((p) => p.id.endsWith(` ${key}`) && p.id.split(' ').length > 2);
    return longer.length === 1 ? longer[0] : undefined;
  }

  /** Someone this article names in full has this given name ("Sharon" for Sharon Osbourne). */
  givenNameIn(word: string, doc: string): boolean {
    return this.byFirst.exact(nameKey(word)).some((p) => p.docs.has(doc));
  }

  /** How many others share this person's surname. */
  namesakes(person: PersonRecord): number {
    return this.byLast.exact(person.last).length - 1;
  }

  /** The person a full name refers to, if known (tries shorter endings: "Russia Keith Kellogg"). */
  lookupFull(words: string[]): PersonRecord | null {
    return this.matchFull(words)?.person ?? null;
  }

  /** The person and the words of the name that matched them. */
  matchFull(words: string[]): { person: PersonRecord; words: string[] } | null {
    for (let i = 0; i + 2 <= words.length; i++) {
      const tail = words.slice(i);
      const found = this.byKey.get(nameKey(tail)) ?? this.findSameFullName(tail);
      if (found) return { person: found, words: tail };
    }
    return null;
  }

  /** The earliest-added person whose first and last names match `words` (spelling variants too). */
  private findSameFullName(words: string[]): PersonRecord | undefined {
    if (words.length < 2) return undefined;
    const last = nameKey(words[words.length - 1]!);
    // Spelling variants only count for surnames of five letters or more (sameFullName).
    const candidates = last.length >= 5 ? this.byLast.near(last) : this.byLast.exact(last);
    return candidates.find((p) => sameFullName(p, words));
  }

  /** The person a single name word refers to in `doc`: a surname, or a first name after "Sir". */
  lookupWord(word: string, doc: string, honorific: string | null): PersonRecord | null {
    const key = nameKey(word);
    const byFirst = honorific !== null && FIRST_NAME_HONORIFICS.has(honorific);
    const keys = byFirst ? this.byFirst : this.byLast;
    // Mr/Mrs/Lady… says the sex: never a candidate of the other ("Mrs Howard" is not Michael Howard).
    const sex = GENDER[honorific ?? ''];
    const agrees = (p: PersonRecord) => !sex || !p.gender || p.gender === sex;
    let candidates = keys.exact(key).filter(agrees);
    // A spelling variant (Zelensky / Zelenskyy) only when no one has the name as written, and only
    // from other articles: within one article a near miss is someone else (Tester, Hester).
    if (candidates.length === 0 && key.length >= 6) {
      candidates = keys.near(key).filter((p) => {
        const own = byFirst ? p.first : p.last;
        return own.length >= 6 && distance(own, key) <= 1 && !p.docs.has(doc) && agrees(p);
      });
    }
    // "Sir Nick" may also be a surname reference in other styles; fall back to surnames.
    if (candidates.length === 0 && byFirst) candidates = this.byLast.exact(key).filter(agrees);
    const local = candidates.filter((p) => p.docs.has(doc));
    if (local.length === 1) return local[0]!;
    // A bare surname where the article also has a relative known only as "Mrs Howard": news calls
    // the relative by honorific and the person named in full by surname.
    const named = local.filter((p) => p.first);
    if (!honorific && named.length === 1) return named[0]!;
    // From another article, a "Mrs X" is only someone known to be a woman (not a Dominic X of unknown sex).
    if (local.length === 0 && candidates.length === 1 && (!sex || candidates[0]!.gender === sex)) return candidates[0]!;
    return null;
  }

  resolve(chain: Pick<NameChain, 'name' | 'honorific'>, doc: string): PersonRecord | null {
    if (chain.name.length >= 2) {
      return this.lookupFull(chain.name) ?? this.lookupWord(chain.name[chain.name.length - 1]!, doc, null);
    }
    if (chain.name.length === 1) return this.lookupWord(chain.name[0]!, doc, chain.honorific);
    return null;
  }
}

/**
 * Values by a string key, findable by any key within one edit: each key is filed under itself and
 * every one-letter deletion of it (two strings within one edit share such a form), so a lookup costs
 * the length of the key, not the number of entries. Candidates come back in the order they were added.
 */
class NearKeys<T> {
  private byForm = new Map<string, { seq: number; value: T }[]>();
  private byExact = new Map<string, T[]>();
  private count = 0;

  add(key: string, value: T): void {
    push(this.byExact, key, value);
    const entry = { seq: this.count++, value };
    for (const form of deletions(key)) push(this.byForm, form, entry);
  }

  exact(key: string): T[] {
    return this.byExact.get(key) ?? [];
  }

  /** Values whose key may be within one edit of `key` (a superset: callers check the distance). */
  near(key: string): T[] {
    const found: { seq: number; value: T }[] = [];
    for (const form of deletions(key)) for (const entry of this.byForm.get(form) ?? []) found.push(entry);
    if (found.length <= 1) return found.map((e) => e.value);
    found.sort((x, y) => x.seq - y.seq);
    return found.filter((e, i) => i === 0 || e.seq !== found[i - 1]!.seq).map((e) => e.value);
  }
}

function deletions(key: string): Set<string> {
  let forms = deletionMemo.get(key);
  if (!forms) {
    forms = new Set([key]);
    for (let i = 0; i < key.length; i++) forms.add(key.slice(0, i) + key.slice(i + 1));
    if (deletionMemo.size >= 50_000) deletionMemo.clear();
    deletionMemo.set(key, forms);
  }
  return forms;
}
const deletionMemo = new Map<string, Set<string>>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the index: a full name is a person when some mention of it carries a title, an honorific or
 * an apposition, or when its surname (or first name after "Sir") is used with an honorific somewhere.
 * Places and institutions ("Saudi Arabia", "Downing Street") have no such evidence.
 */
export function buildPeopleIndex(mentions: Mention[]): PeopleIndex {
  trimOpeningWords(mentions);
  const index = new PeopleIndex();
  const places = new Set(mentions.filter((m) => m.chain.afterLocative).map((m) => nameKey(m.chain.words)));
  const strong = new Set(
    mentions
      .filter((m) => m.chain.name.length >= 2 && (m.chain.strong || (m.chain.speaks && !m.inQuote && looksLikeName(m.chain) && !places.has(nameKey(m.chain.name)))))
      .map((m) => nameKey(m.chain.name)),
  );
  const honoured = new Set(
    mentions.filter((m) => m.chain.honorific && m.chain.name.length === 1).map((m) => nameKey(m.chain.name[0]!)),
  );
  // "Bernie Sanders offered advice … Sanders told MSNBC": a full name whose surname alone speaks in
  // the same article is a person (news refers back to people, not to places or bodies, by surname).
  const speakingSurnames = new Set(
    mentions.filter((m) => m.chain.speaks && !m.inQuote && m.chain.name.length === 1 && m.chain.words.length === 1).map((m) => `${m.doc}\u0000${nameKey(m.chain.name[0]!)}`),
  );
  const isPerson = (words: string[], doc: string, chain: ChainFacts) =>
    strong.has(nameKey(words)) ||
    honoured.has(nameKey(words[words.length - 1]!)) ||
    honoured.has(nameKey(words[0]!)) ||
    // "Robbie Keane": a known given name before a surname is evidence enough of a person.
    (words.length <= 3 && isGivenName(words[0]!) && looksLikeName(chain) && !places.has(nameKey(words))) ||
    (words.length <= 3 && speakingSurnames.has(`${doc}\u0000${nameKey(words[words.length - 1]!)}`) && looksLikeName(chain) && !places.has(nameKey(words)));

  // Strong names first (so weak chains can find them as endings), most words first.
  const full = mentions
    .filter((m) => m.chain.name.length >= 2)
    .sort((a, b) => Number(b.chain.strong) - Number(a.chain.strong));
  for (const m of full) {
    const words = m.chain.name;
    if (isPerson(words, m.doc, m.chain)) index.add(words, m.doc);
    else {
      const known = index.lookupFull(words);
      if (known) known.docs.add(m.doc);
    }
  }
  // Someone only ever called "Mr Smith", or "midfielder Deco", is still a person.
  for (const m of mentions) {
    const c = m.chain;
    // ("His wife Sharon" is Sharon Osbourne when the article names her in full: not a new person.)
    const givenNameOfSomeone = (word: string) => index.givenNameIn(word, m.doc);
    if ((c.honorific || (c.described && !m.inQuote && !givenNameOfSomeone(c.name[0]!))) && c.name.length === 1 && !index.lookupWord(c.name[0]!, m.doc, c.honorific)) {
      const record = index.add([c.name[0]!], m.doc);
      record.gender ??= (c.honorific ? GENDER[c.honorific] : undefined) ?? null;
    }
  }
  // Aliases, roles and mention counts.
  for (const m of mentions) {
    const person = index.resolve(m.chain, m.doc);
    if (!person) continue;
    person.mentions++;
    person.namedIn.add(m.doc);
    const gender = GENDER[m.chain.honorific ?? ''];
    if (gender) person.gender = person.gender && person.gender !== gender ? person.gender : gender;
    const words = m.chain.name.length >= 2 ? index.matchFull(m.chain.name)?.words ?? m.chain.name.slice(-1) : m.chain.name;
    const written = words.join(' ');
    const firstNameOnly = words.length === 1 && m.chain.honorific !== null && FIRST_NAME_HONORIFICS.has(m.chain.honorific);
    if (!firstNameOnly) person.aliases.add(written);
    if (m.chain.honorific) person.aliases.add(`${m.chain.honorific} ${written}`);
    if (words.length >= 2) person.aliases.add(words[words.length - 1]!);
    if (m.chain.title && !m.inQuote && m.chain.name.length >= 1) {
      const role = m.chain.title;
      if (!person.roles.some((r) => r.doc === m.doc && r.role === role)) person.roles.push({ doc: m.doc, role });
    }
  }
  for (const person of index.persons) person.name = canonicalName(person, index.namesakes(person));
  return index;
}

/**
 * A capital before a name is not always part of it: "Perhaps Robinson", "Get Brown", "Making
 * Michael Howard", "told the BBC Michael Howard". A leading word is dropped when the rest is a name
 * the coverage uses inside sentences on its own, the word is no known given name, and the longer
 * form is a one-off (a run of words that recurs is a name: "Howard Hughes") or the word opens the
 * sentence or reads as a qualifier (a party, a nationality, an acronym). Before a lone surname the
 * word must also never open a name that speaks or has a title. The chains are corrected in place,
 * so that the statement finder, which reads the same chains after this, names the same person.
 */
function trimOpeningWords(mentions: Mention[]): void {
  const known = new Set<string>();
  const opens = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of mentions) {
    const name = m.chain.name;
    if (name.length === 0) continue;
    seen.set(nameKey(name), (seen.get(nameKey(name)) ?? 0) + 1);
    if (m.chain.initial) continue;
    known.add(nameKey(name));
    if (name.length >= 2) known.add(nameKey(name[name.length - 1]!));
    if (name.length >= 2 && (m.chain.strong || m.chain.speaks)) opens.add(nameKey(name[0]!));
  }
  for (const m of mentions) {
    const c = m.chain;
    if (c.name.length < 2 || c.honorific || c.words.length !== c.name.length) continue;
    const opening = c.name[0]!;
    const rest = c.name.slice(1);
    if (isGivenName(opening) || !known.has(nameKey(rest))) continue;
    const qualifier = ROLE_MODIFIERS.has(opening.toLowerCase()) || isNationality(opening) || /^[A-Z]{2,}$/.test(opening);
    // Before a lone surname only a one-off that names nobody else, opening a sentence: a first name
    // the table lacks ("Andre Agassi") is kept wherever the full form recurs, speaks or has a title.
    const oneOff = (seen.get(nameKey(c.name)) ?? 0) <= 1 && !c.strong && !c.speaks && !opens.has(nameKey(opening));
    const trim = rest.length >= 2 ? c.initial || qualifier : oneOff && c.initial && qualifier;
    if (!trim) continue;
    (c as { name: string[] }).name = rest;
    (c as { words: string[] }).words = c.words.slice(1);
  }
}

/** A speaking chain that could be a person's name: not "the X", no institution or publication word. */
function looksLikeName(chain: ChainFacts): boolean {
  return !chain.definite && !chain.words.some((w) => INSTITUTION_HEADS.has(w.toLowerCase()) || PUBLICATION_HEADS.has(w.toLowerCase()));
}

/** The fullest plain form: "Keir Starmer" over "Starmer", the commonest spelling first. */
function canonicalName(person: PersonRecord, namesakes: number): string {
  const forms = [...person.aliases].filter((a) => a.split(' ').length >= 2 && !HONORIFICS.has(a.split(' ')[0]!));
  // A peer the coverage only calls "Lord Falconer" is named so: the title is how the name is given;
  // so is a woman only called "Mrs Howard" beside a namesake, so as not to read as the Howard named.
  const styled = (a: string) => a.split(' ').length === 2 && (PEERAGE.has(a.split(' ')[0]!) || (namesakes > 0 && person.gender === 'f' && GENDER[a.split(' ')[0]!] === 'f'));
  if (forms.length === 0) return [...person.aliases].find(styled) ?? person.name;
  forms.sort((a, b) => b.split(' ').length - a.split(' ').length || a.length - b.length);
  // Prefer the form the record was created with when it is among the fullest.
  const fullest = forms.filter((f) => f.split(' ').length === forms[0]!.split(' ').length);
  return fullest.includes(person.name) ? person.name : fullest[0]!;
}

function sameFullName(p: PersonRecord, words: string[]): boolean {
  if (words.length < 2 || !p.first) return false;
  const first = nameKey(words[0]!).replace(/ /g, '');
  const last = nameKey(words[words.length - 1]!);
  const pFirst = p.first.replace(/ /g, '');
  const lastMatch = last === p.last || (last.length >= 5 && distance(last, p.last) <= 1);
  // "Vince Cable" = "Vincent Cable": a short form of the same given name, the surname the same.
  const variant = last === p.last && sameGivenName(first, pFirst);
  const firstMatch = first === pFirst || (first.length >= 4 && distance(first, pFirst) <= 1) || variant;
  // Given names of different sexes are different people however close the spelling (Jon, Joan).
  const sexes = [givenNameSex(first), givenNameSex(pFirst)];
  const contradicts = !!sexes[0] && !!sexes[1] && sexes[0] !== sexes[1];
  return lastMatch && firstMatch && !contradicts;
}

