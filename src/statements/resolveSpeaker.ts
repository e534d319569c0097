// From the words that name a speaker to the speaker: a person (by name, or by the title the article
// gives them), a spokesperson or source in their own right, an institution, or — for "he", "the
// statement", "the newspaper" — whoever the discourse points back to. Never a guess: null when the
// text does not settle it.
import type { PeopleIndex, PersonRecord } from './aliases.js';
import {
  ANAPHORIC_BODIES,
  FUNCTION_WORDS,
  PERSON_NOUNS,
  HONORIFICS,
  INSTITUTION_HEADS,
  PRONOUNS,
  PUBLICATION_HEADS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SPOKES_HEADS,
  isNationality,
} from './lexicon.js';
import { nameKey, type NameChain } from './nameMentions.js';
import { ANALYSIS_LIMITS } from './limits.js';
import { bodyKey, bodySpeaker, personSpeaker, provisionalSpeaker, type BodyRegistry, type Speaker } from './speakers.js';
import type { Token } from './tokens.js';
import type { Cue } from './findCues.js';
import { genderOf, rankCandidates, SALIENCE_WINDOW, type Candidate, type Gender, type SpeakerMention } from './salience.js';

export interface SpeechEvent {
  speaker: Speaker;
  saidOn: string | null;
  /** The sentence it happened in (article-wide index). */
  sentence: number;
}

/** What one processed sentence leaves for the next: who spoke, and who the sentence was about. */
export interface SentenceRecord {
  index: number;
  events: SpeechEvent[];
  mainSubject: Speaker | null;
  /** People named outside quotes. */
  persons: PersonRecord[];
  /** Everyone the sentence mentions, with their role: what pronouns and descriptions rank. */
  mentions: SpeakerMention[];
}

export interface ArticleContext {
  doc: string;
  people: PeopleIndex;
  bodies: BodyRegistry;
  /** Role key ("foreign secretary") → people the article gives that title. */
  titles: Map<string, Set<PersonRecord>>;
  /** Person noun → people the article puts it before ("Rock star Ozzy Osbourne", "England striker Michael Owen"). */
  descriptors?: Map<string, Set<PersonRecord>>;
  history: SentenceRecord[];
  /** When set (`quotes --explain`), resolvers add why they chose, for the cue being read. */
  explain?: string[] | null;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const POSSESSIVE_PRONOUNS = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['its', 'it'],
  ['their', 'they'],
]);

/** Builds the title map of an article from its "Title Name" and "Name, the title," mentions. */
export function articleTitles(chains: NameChain[], people: PeopleIndex, doc: string): Map<string, Set<PersonRecord>> {
  const titles = new Map<string, Set<PersonRecord>>();
  for (const chain of chains) {
    if (!chain.title || chain.name.length === 0) continue;
    const person = people.resolve(chain, doc);
    if (!person) continue;
    const key = roleKey(chain.title);
    if (!titles.has(key)) titles.set(key, new Set());
    titles.get(key)!.add(person);
  }
  return titles;
}

/** The article's "<noun> <Name>" descriptions: what "the star said" or "the striker said" can mean. */
export function articleDescriptors(sentences: { tokens: Token[]; chains: NameChain[] }[], people: PeopleIndex, doc: string): Map<string, Set<PersonRecord>> {
  const found = new Map<string, Set<PersonRecord>>();
  for (const { tokens, chains } of sentences) {
    for (const chain of chains) {
      const before = tokens[chain.first - 1];
      if (!before || before.kind !== 'word' || before.cap || !PERSON_NOUNS.has(before.lower) || chain.name.length === 0) continue;
      const person = people.resolve(chain, doc);
      if (!person) continue;
      if (!found.has(before.lower)) found.set(before.lower, new Set());
      found.get(before.lower)!.add(person);
    }
  }
  return found;
}

const roleKey = (title: string) => nameKey(title).replace(/^(the|a|an) /, '').replace(/^(former|retired) /, '');

/** Resolves the noun phrase tokens[from, to) of a sentence. */
export function resolveNounPhrase(tokens: Token[], from: number, to: number, chains: NameChain[], ctx: ArticleContext): Speaker | null {
  let start = from;
  while (start < to && DETERMINERS.has(tokens[start]!.lower)) start++;
  const words = tokens.slice(start, to);
  if (words.length === 0) return null;
  const definite = start > from && tokens[from]!.lower === 'the';
  const head = words[words.length - 1]!;

  // 1. Spokespeople, sources and officials speak for themselves, never as their principal.
  const spokesAt = findLastIndex(words, (t) => SPOKES_HEADS.has(t.lower));
  if (spokesAt >= 0 && (spokesAt === words.length - 1 || words[spokesAt + 1]!.lower === 'for')) {
    const plural = /s$/.test(words[spokesAt]!.lower) && !/ss$/.test(words[spokesAt]!.lower);
    if (words.length === 1) {
      // "his spokesman": the spokesman of whoever "his" refers to; "a source", "officials": nobody in particular.
      const possessor = POSSESSIVE_PRONOUNS.get(tokens[from - 1]?.lower ?? '');
      // "the spokesman said": the spokesperson the last sentences were following.
      if (!possessor && definite && !plural) {
        const head = bodyKey(words[0]!.text);
        return rankCandidates(mentionWindow(ctx), (s) => s.kind === 'body' && s.human && !s.plural && !!s.body && s.body.key.split(' ').includes(head))[0]?.speaker ?? null;
      }
      // "LNM said … A spokesman told BBC News": an organisation's spokesperson, when one organisation
      // clearly leads the last sentences as speaker or subject.
      if (!possessor && !definite && !plural && ['spokesman', 'spokeswoman', 'spokesperson'].includes(words[0]!.lower)) {
        const window = mentionWindow(ctx, 2);
        const [top, second] = rankCandidates(window, (sp) => sp.kind === 'body' && !sp.human && !sp.plural && !sp.body?.publication);
        if (top && top.score >= 180 && (!second || top.score >= 1.5 * second.score)) return bodySpeaker(ctx.bodies.get(`${top.speaker.name} ${words[0]!.text}`), true, false);
        return null;
      }
      const principal = possessor ? resolvePronoun(possessor, [], ctx)?.speaker : null;
      if (!principal) return null;
      return bodySpeaker(ctx.bodies.get(`${principal.name}’s ${words[0]!.text}`), !plural, plural);
    }
    // "a spokesman for the English National Ballet", "a spokeswoman for the RAD": the body's
    // spokesperson, named as "English National Ballet spokesman" (an acronym written out).
    if (words[spokesAt + 1]?.lower === 'for') {
      const of = words.slice(spokesAt + 2).filter((t, k) => !(k === 0 && DETERMINERS.has(t.lower))).map((t) => t.text).join(' ');
      const body = ctx.bodies.acronyms.get(nameKey(of)) ?? of;
      const before = words.slice(0, spokesAt + 1).filter((t) => !HONORIFICS.has(t.base)).map((t) => t.text).join(' ');
      if (of) return bodySpeaker(ctx.bodies.get(`${body} ${before}`), !plural, plural);
    }
    const name = words.filter((t) => !HONORIFICS.has(t.base)).map((t) => t.text).join(' ');
    return bodySpeaker(ctx.bodies.get(name), !plural, plural);
  }

  // 2. A named person (the last name in the phrase is its head: "UK Defence Secretary John Healey").
  const named = chains.filter((c) => c.start >= tokens[from]!.start && c.end <= tokens[to - 1]!.end && c.name.length > 0 && !(c.name.length === 1 && isDemonymNoun(c.name[0]!)));
  const chain = named[named.length - 1];
  if (chain && !chain.institution) {
    const person = ctx.people.resolve(chain, ctx.doc) ?? localPerson(chain, ctx);
    if (person) return personSpeaker(person);
  }

  // 2a. A title with what it is of or for: "the new health minister for Wales", "the former cabinet
  //     secretary", "a Home Office minister". The office's holder in this article, else nobody: the
  //     words after the title (a place, a body) never speak for it.
  const titleAt = findLastIndex(words, isTitleWord);
  if (titleAt >= 0 && (!chain || chain.start > words[titleAt]!.end) && (titleAt === words.length - 1 || ['for', 'of', 'at', 'in'].includes(words[titleAt + 1]!.lower)) && !SPOKES_HEADS.has(words[titleAt]!.lower)) {
    const office = words.slice(0, titleAt + 1).filter((t) => !ROLE_QUALIFIER_WORDS.has(t.lower));
    const holder = titleHolder(office.length ? office : words.slice(0, titleAt + 1), definite, ctx);
    if (holder || !definite || titleAt !== words.length - 1) return holder;
    // "the Salford MP told": no one is given the title here; the person the text is following, if
    // the article gives them no other office.
    // A title is a claim about an office: among the people in view whom the article gives no other
    // office, the clear first (half as salient again as the next), else nobody.
    const key = roleKey(office.map((t) => t.text).join(' '));
    const otherOffice = (sp: Speaker) => !!sp.person?.roles.some((r) => r.doc === ctx.doc && isOffice(r.role) && !suffixWithin(roleKey(r.role), key) && roleKey(r.role) !== key);
    const ranked = rankReferents(null, ctx).filter((c) => c.speaker.person && !otherOffice(c.speaker));
    const [top, second] = ranked;
    return top && (!second || top.score >= 1.5 * second.score) ? top.speaker : null;
  }

  // 2b. A description of a person the article has been following: "the Dutchman said", "the
  //     England striker said", "the singer added" — ranked like a pronoun of its gender.
  // The article may stand before adjectives the phrase left out: "The heavy metal star said".
  let article = from - 1;
  while (article >= 0 && from - article <= 3 && tokens[article]!.kind === 'word' && !tokens[article]!.cap && !FUNCTION_WORDS_LOWER.has(tokens[article]!.lower)) article--;
  const describedDefinite = definite || (article >= 0 && article < from && tokens[article]!.lower === 'the');
  const description = describedDefinite && !chain ? describedPerson(words) : null;
  if (description) {
    // The one person the article described with the same noun ("Rock star Ozzy Osbourne"), else the ranking.
    const described = ctx.descriptors?.get(head.lower);
    if (described?.size === 1) return personSpeaker([...described][0]!);
    return rankReferents(description.gender, ctx)[0]?.speaker ?? null;
  }

  // 3a. An institution described in lower case: "the central bank", "the federation". It is the body
  //     the article already named with that word, else (when qualified) a body of its own.
  if (words.every((t) => !t.cap) && INSTITUTION_HEADS.has(head.lower)) {
    const earlier = recentHistory(ctx).flatMap((s) => s.events).map((e) => e.speaker).reverse();
    const named = earlier.find((sp) => sp.kind === 'body' && nameKey(sp.name).split(' ').includes(head.lower));
    if (named) return named;
    if (words.length < 2 || !definite) return null; // "the government": which one is not said
    return bodySpeaker(ctx.bodies.get(words.map((t) => t.text).join(' ')), false, false);
  }

  // 3. Institutions: "the White House", "the US state department", "Downing Street", "the FT".
  //    Descriptor words before a name are not part of it: "company Qwest" is Qwest, "bank Standard
  //    Chartered" is Standard Chartered.
  const firstCap = words.findIndex((t) => t.cap);
  const described = firstCap > 0 && words.slice(0, firstCap).every((t) => !t.cap && t.lower !== 'of') && words.slice(firstCap).every((t) => t.cap || t.lower === 'of' || t.lower === 'the');
  const text = (described ? words.slice(firstCap) : words).map((t) => t.text).join(' ');
  const acronym = ctx.bodies.acronyms.get(nameKey(text));
  const capitalised = words.every((t) => t.cap || t.lower === 'of' || t.lower === 'the');
  const institutional = words.some((t) => INSTITUTION_HEADS.has(t.lower)) || named.some((c) => c.institution);
  const known = ctx.bodies.find(text);
  if (acronym || known || institutional || (definite && capitalised && !words.some(isTitleWord))) {
    if (!ANAPHORIC_BODIES.has(head.lower) || head.cap) {
      const publication = words.some((t) => t.cap && PUBLICATION_HEADS.has(t.lower));
      return bodySpeaker(ctx.bodies.get(text, publication), false, false);
    }
  }

  // 4. "the statement", "the newspaper": whoever the discourse points back to; "the IMF report",
  //    "the Pentagon statement": the body named before it.
  if (definite && ANAPHORIC_BODIES.has(head.lower) && !head.cap && words.length >= 2 && words.slice(0, -1).every((t) => t.cap && !t.possessive)) {
    const body = words.slice(0, -1).map((t) => t.text).join(' ');
    if (ctx.bodies.acronyms.get(nameKey(body)) || ctx.bodies.find(body) || /^\p{Lu}{2,}$/u.test(body)) return bodySpeaker(ctx.bodies.get(body), false, false);
  }
  if (definite && ANAPHORIC_BODIES.has(head.lower) && words.length <= 2) return anaphoricBody(head.lower, ctx);

  // 5. A title alone: "the Foreign Secretary" is whoever the article gives that title.
  if (words.some(isTitleWord)) return titleHolder(words, definite, ctx);

  // 6. A name this article gives no evidence for ("Lammy said the talks went well"): the merge across
  //    articles decides (a person named in full elsewhere), else the statement is dropped. A place
  //    standing for its government ("Moscow said") stays unattributed that way too.
  if (chain && !chain.institution && chain.end === head.end) {
    if (chain.start === tokens[start]!.start) return provisionalSpeaker(chain.name.join(' '));
    // "Trump lawyer Marc Kasowitz", "9/11 widow Terry Strada": a descriptor before a full name.
    const before = tokens[chain.first - 1];
    if (chain.name.length >= 2 && before && before.kind === 'word' && !before.cap && !before.possessive) return provisionalSpeaker(chain.name.join(' '));
  }
  return null;
}

/**
 * One word this article uses for several of its people ("Osbourne" for Ozzy and Sharon), or a given
 * name alone ("Ozzy"): the person of this article it fits, the most salient one when several do.
 */
function localPerson(chain: NameChain, ctx: ArticleContext): PersonRecord | null {
  if (chain.name.length !== 1) return null;
  const key = nameKey(chain.name[0]!);
  const gender = chain.honorific === 'Mr' ? 'm' : chain.honorific && ['Mrs', 'Ms', 'Miss'].includes(chain.honorific) ? 'f' : null;
  const local = ctx.people.persons.filter((p) => p.docs.has(ctx.doc) && p.first !== '' && (p.last === key || p.first === key));
  if (local.length === 1) return local[0]!;
  if (local.length === 0) return null;
  const names = new Set(local.map((p) => p.name));
  const fits = (s: Speaker) => s.human && !!s.person && names.has(s.name) && !(gender && genderOf(s) && genderOf(s) !== gender);
  return rankCandidates(mentionWindow(ctx), fits)[0]?.speaker.person ?? null;
}

/** A role that names an office someone holds ("London mayor", "Tory MP"), not a loose word ("chief", "head"). */
const LOOSE_ROLE_HEADS = new Set(['chief', 'head', 'executive', 'officer', 'official', 'officials', 'representative', 'founder', 'counterpart', 'general', 'major', 'captain']);
const isOffice = (role: string) => {
  const head = nameKey(role).split(' ').at(-1) ?? '';
  return ROLE_HEADS.has(head) && !LOOSE_ROLE_HEADS.has(head);
};

const FUNCTION_WORDS_LOWER = new Set([...FUNCTION_WORDS].map((w) => w.toLowerCase()));

/** Words before a title that describe its holder, not the office ("the new health minister"). */
const ROLE_QUALIFIER_WORDS = new Set(['new', 'current', 'incoming', 'outgoing', 'then']);

const isTitleWord = (t: Token) => ROLE_HEADS.has(t.lower) || /-(president|minister|secretary)$/.test(t.lower);

function titleHolder(words: Token[], definite: boolean, ctx: ArticleContext): Speaker | null {
  const key = roleKey(words.map((t) => t.text).join(' '));
  const holders = new Set<PersonRecord>();
  for (const [role, people] of ctx.titles) {
    if (role === key || suffixWithin(role, key) || suffixWithin(key, role)) for (const p of people) holders.add(p);
  }
  if (holders.size === 1) return personSpeaker([...holders][0]!);
  if (holders.size > 1) return null;
  // No holder named with the title: a capitalised office ("the Prime Minister") right after a
  // sentence about exactly one person who holds no other title here refers to that person.
  if (!definite || !words.some((t) => t.cap && isTitleWord(t))) return null;
  const previous = ctx.history[ctx.history.length - 1];
  if (!previous) return null;
  const untitled = [...new Set(previous.persons)].filter((p) => !p.roles.some((r) => r.doc === ctx.doc));
  if (untitled.length !== 1 || new Set(previous.persons).size > 2) return null;
  const person = untitled[0]!;
  ctx.titles.set(key, new Set([person]));
  // The article has now given this person the title: the register should say so too.
  const role = words.map((t) => t.text).join(' ');
  if (!person.roles.some((r) => r.doc === ctx.doc && r.role === role)) person.roles.push({ doc: ctx.doc, role });
  return personSpeaker(person);
}

/** `longer` is `shorter` with at most two qualifying words in front ("uk foreign secretary"). */
function suffixWithin(longer: string, shorter: string): boolean {
  if (!longer.endsWith(` ${shorter}`)) return false;
  const extra = longer.slice(0, -shorter.length - 1).split(' ');
  return extra.length <= 2 && extra.every((w) => isNationality(w.toUpperCase()) || isNationality(w[0]!.toUpperCase() + w.slice(1)));
}

function anaphoricBody(head: string, ctx: ArticleContext): Speaker | null {
  const events = recentHistory(ctx).flatMap((s) => s.events);
  if (head === 'newspaper' || head === 'paper') {
    for (let i = events.length - 1; i >= 0; i--) if (events[i]!.speaker.body?.publication) return events[i]!.speaker;
    return null;
  }
  // "the statement said", "the department said": the last body (or person) that spoke, just before.
  const recent = ctx.history.slice(-2).flatMap((s) => s.events);
  for (let i = recent.length - 1; i >= 0; i--) {
    const speaker = recent[i]!.speaker;
    if (head === 'statement' || head === 'report' || speaker.body?.key.split(' ').includes(head)) return speaker;
  }
  return null;
}

/**
 * "he", "she", "it", "they": a speaker earlier in the same sentence ("X said … and he added"), else
 * the best-ranked fitting person or body of the last few sentences (salience.ts).
 */
export function resolvePronoun(pronoun: string, sameSentence: SpeechEvent[], ctx: ArticleContext): { speaker: Speaker; event: SpeechEvent | null } | null {
  const kind = PRONOUNS.get(pronoun);
  if (!kind) return null;
  const gender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
  const fits = fitting(kind, gender);
  for (let i = sameSentence.length - 1; i >= 0; i--) {
    if (fits(sameSentence[i]!.speaker)) return { speaker: sameSentence[i]!.speaker, event: sameSentence[i]! };
  }
  const top = rankReferents(gender, ctx, kind)[0];
  if (!top) return null;
  return { speaker: top.speaker, event: lastEventIn(top.speaker, ctx) };
}

/** The ranked referents of a pronoun or description of this kind and gender (best first). */
export function rankReferents(gender: Gender | null, ctx: ArticleContext, kind: 'person' | 'body' | 'plural' = 'person'): Candidate[] {
  const window = mentionWindow(ctx);
  const ranked = rankCandidates(window, fitting(kind, gender));
  ctx.explain?.push(`candidates (${kind}${gender ? `, ${gender}` : ''}): ${ranked.map((c) => `${c.speaker.name} ${Math.round(c.score)} [${c.reasons.join(', ')}]`).join('; ') || 'none'}`);
  return ranked;
}

function fitting(kind: 'person' | 'body' | 'plural', gender: Gender | null): (s: Speaker) => boolean {
  return (s: Speaker) => {
    if (kind === 'plural') return s.plural;
    if (kind === 'body') return s.kind === 'body' && !s.human && !s.plural;
    if (!s.human || s.plural) return false;
    const known = genderOf(s);
    return !(gender && known && known !== gender);
  };
}

function lastEventIn(speaker: Speaker, ctx: ArticleContext): SpeechEvent | null {
  for (let i = ctx.history.length - 1; i >= Math.max(0, ctx.history.length - SALIENCE_WINDOW); i--) {
    const events = ctx.history[i]!.events;
    for (let j = events.length - 1; j >= 0; j--) if (events[j]!.speaker.name === speaker.name) return events[j]!;
  }
  return null;
}

const FEMININE = /(woman|ess|wife|mother|daughter|widow|girl|lady)$/;
const MASCULINE = /(man|husband|father|son|widower|boy)$/;
const DEMONYM_NOUNS = new Set('Scot Briton Spaniard Swede Dane Finn Pole Turk Kiwi Aussie Argentine Brazilian Italian Australian Frenchwoman'.split(' '));

/** "Dutchman", "Irishwoman", "Spaniard": a nationality standing for a person. */
export function isDemonymNoun(word: string): boolean {
  if (DEMONYM_NOUNS.has(word)) return true;
  const m = /^(\p{Lu}\p{Ll}+?)s?(man|woman)$/u.exec(word);
  return !!m && isNationality(m[1]!);
}

/** A definite description of one person (head noun last), with the gender its head gives. */
function describedPerson(words: Token[]): { gender: Gender | null } | null {
  const head = words[words.length - 1]!;
  const isPersonHead = isDemonymNoun(head.text) || PERSON_NOUNS.has(head.lower) || /^\d+-year-old$/.test(head.lower);
  if (!isPersonHead || head.possessive) return null;
  const gender = FEMININE.test(head.lower) ? 'f' : MASCULINE.test(head.lower) ? 'm' : null;
  return { gender };
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** The sentences a back-reference may reach: bounded, so a very long article stays linear. */
const recentHistory = (ctx: ArticleContext) => ctx.history.slice(-ANALYSIS_LIMITS.historySentences);

/**
 * The cue's subject when it describes a person without naming them: the office's words for a title
 * ("a Home Office minister", "the new health minister for Wales"), '' for a description ("the
 * singer"); undefined otherwise (a name, a pronoun, a body).
 */
export function describedSpeaker(cue: Cue, tokens: Token[]): string | null | undefined {
  if (cue.subject.type !== 'np') return undefined;
  const words = tokens.slice(cue.subject.from, cue.subject.to).filter((t) => t.kind === 'word');
  if (words.some((t) => t.cap && !['The', 'A', 'An'].includes(t.text) && !ROLE_HEADS.has(t.lower) && !ROLE_MODIFIERS.has(t.lower) && !INSTITUTION_HEADS.has(t.lower))) {
    // Capitalised words other than an office's ("Home Office minister") name someone or something.
    const office = words.findIndex((t) => ROLE_HEADS.has(t.lower));
    if (office < 0) return undefined;
  }
  const titleAt = words.findIndex((t) => ROLE_HEADS.has(t.lower) && !SPOKES_HEADS.has(t.lower));
  if (titleAt >= 0) return words.slice(0, titleAt + 1).map((t) => t.text).join(' ');
  return words.some((t) => PERSON_NOUNS.has(t.lower)) ? null : undefined;
}

/** The person holds an office in this article other than the one the description gave. */
export function holdsOtherOffice(speaker: Speaker, office: string | null, doc: string): boolean {
  if (!office || !speaker.person) return false;
  const head = office.toLowerCase().split(' ').at(-1)!;
  return speaker.person.roles.some((r) => r.doc === doc && !r.role.toLowerCase().split(/\s+/).includes(head) && ROLE_HEADS.has(r.role.toLowerCase().split(/\s+/).at(-1)!) && !['chief', 'head'].includes(r.role.toLowerCase().split(/\s+/).at(-1)!));
}

/** The mentions of the last `sentences` sentences, oldest first: what the ranking reads. */
function mentionWindow(ctx: ArticleContext, sentences = SALIENCE_WINDOW): SpeakerMention[][] {
  return ctx.history.slice(-sentences).map((r) => r.mentions);
}
