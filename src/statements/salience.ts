// Who "he", "she" or "the Dutchman" points back to: every person the last few sentences mentioned is
// a candidate, and one ranking decides. The weights follow Lappin and Leass (1994): a mention counts
// by its grammatical role (the speaker of a cue, then the sentence's subject, then any other mention)
// and halves with each sentence back. A candidate counts by its strongest mention, so the last
// speaker or subject outranks someone named in passing many times (what a reported clause mentions
// is not who speaks next); all mentions added up only break ties. Agreement filters first: a "she" never takes a Mr, a Sharon
// never takes a "he", and a body is never "he".
import { getGender } from 'gender-detection-from-name';
import type { PersonRecord } from './aliases.js';
import type { NameChain } from './nameMentions.js';
import type { SpeechEvent } from './resolveSpeaker.js';
import type { Token } from './tokens.js';
import { FUNCTION_WORDS, PRONOUNS, ROLE_MODIFIERS, SPEECH_VERBS } from './lexicon.js';
import { personSpeaker, type Speaker } from './speakers.js';

export type Gender = 'm' | 'f';

/** How much one mention counts, by its role in its sentence. */
export const ROLE_WEIGHTS = {
  /** The speaker of a speech cue: the strongest evidence of who the text is following. */
  speaker: 100,
  /** The subject of the sentence's main clause. */
  subject: 80,
  /** Any other mention outside quotes (object, apposition, prepositional phrase). */
  other: 40,
} as const;

/** What any mention earns for being recent, before its role (Lappin and Leass's sentence recency). */
export const RECENCY_WEIGHT = 100;
/** Each sentence back halves a mention's weight. */
export const RECENCY_DECAY = 0.5;
/** How many sentences back a pronoun or description may reach. */
export const SALIENCE_WINDOW = 4;

/** One person's mention in a sentence, with the role it had there. */
export interface SpeakerMention {
  speaker: Speaker;
  role: keyof typeof ROLE_WEIGHTS;
}

/** A ranked candidate: who, how salient, and why (for `quotes --explain` and tests). */
export interface Candidate {
  speaker: Speaker;
  /** The strongest single mention: a recent speaker or subject outranks many passing mentions. */
  score: number;
  /** All mentions added up: breaks ties in favour of the person the passage is about. */
  total: number;
  reasons: string[];
}

/** The gender a person is known by: honorifics first (Mr, Mrs, Lord…), else the given name. */
export function genderOf(speaker: Speaker): Gender | null {
  const person = speaker.person;
  if (!person) return null;
  if (person.gender) return person.gender;
  const first = person.name.split(' ')[0]!;
  return person.name.includes(' ') ? givenNameGender(first) : null;
}

const nameGenders = new Map<string, Gender | null>();
/** The gender a given name usually has ("Sharon" f, "Robbie" m), null when unknown or not a name. */
export function givenNameGender(first: string): Gender | null {
  if (!/^\p{Lu}\p{Ll}+$/u.test(first)) return null;
  let gender = nameGenders.get(first);
  if (gender === undefined) {
    const found = getGender(first, 'en');
    gender = found === 'male' ? 'm' : found === 'female' ? 'f' : null;
    nameGenders.set(first, gender);
  }
  return gender;
}

/**
 * Ranks the people of the sentences `window` (oldest first; each a list of mentions) as the referent
 * of a pronoun or description. `fits` filters (number, humanness, gender); best first.
 */
export function rankCandidates(window: SpeakerMention[][], fits: (s: Speaker) => boolean): Candidate[] {
  const byName = new Map<string, Candidate>();
  window.forEach((mentions, k) => {
    const back = window.length - 1 - k;
    const decay = RECENCY_DECAY ** back;
    // One contribution per person per sentence: its strongest role there.
    const best = new Map<string, SpeakerMention>();
    for (const m of mentions) {
      const seen = best.get(m.speaker.name);
      if (!seen || ROLE_WEIGHTS[m.role] > ROLE_WEIGHTS[seen.role]) best.set(m.speaker.name, m);
    }
    for (const m of best.values()) {
      if (!fits(m.speaker)) continue;
      const gain = (RECENCY_WEIGHT + ROLE_WEIGHTS[m.role]) * decay;
      const c = byName.get(m.speaker.name) ?? { speaker: m.speaker, score: 0, total: 0, reasons: [] };
      c.score = Math.max(c.score, gain);
      c.total += gain;
      c.reasons.push(`${m.role} ${back === 0 ? 'in the last sentence' : `${back + 1} sentences back`} +${Math.round(gain)}`);
      byName.set(m.speaker.name, c);
    }
  });
  return [...byName.values()].sort((a, b) => b.score - a.score || b.total - a.total);
}

/** A person mention of a sentence's named persons, as candidates see it. */
export const personMention = (person: PersonRecord, role: SpeakerMention['role']): SpeakerMention => ({ speaker: personSpeaker(person), role });

/** Words after a name that do not make it a clause's subject: "…, Ed Balls and Mr Brown", "…, Smith of Acme". */
const CLAUSE_WORDS = new Set(['and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'who', 'whose', 'which', 'that', 'the', 'a', 'an', 'as']);

/** A title before the name opens the sentence: "Former Downing Street communications chief Alastair Campbell, …". */
const MAX_TITLE_WORDS = 6;

/**
 * Whether everything before `first` is a title: a few words, none a function word (a role modifier such
 * as "Former" aside), a speech verb or a pronoun, no punctuation. The name then heads the sentence's opening noun phrase, its subject.
 */
function titledSubject(tokens: Token[], first: number): boolean {
  if (first === 0 || first > MAX_TITLE_WORDS) return false;
  return tokens.slice(0, first).every((t) => t.kind === 'word' && !t.possessive && (ROLE_MODIFIERS.has(t.lower) || !FUNCTION_WORDS.has(t.text)) && !SPEECH_VERBS.has(t.lower) && !PRONOUNS.has(t.lower));
}

/**
 * The sentence's mentions by role: speakers of its cues; its subject: the main subject found, or a
 * name that opens the sentence or its main clause (after a leading phrase and a comma) with a verb
 * after it ("Formerly one of Mr Brown's aides, Ed Balls hinted…"); every other name.
 */
export function sentenceMentions(events: SpeechEvent[], subject: Speaker | null, named: { chain: NameChain; person: PersonRecord | null }[], tokens: Token[]): SpeakerMention[] {
  const mentions: SpeakerMention[] = events.map((e) => ({ speaker: e.speaker, role: 'speaker' }));
  if (subject) mentions.push({ speaker: subject, role: 'subject' });
  for (const { chain, person } of named) {
    if (!person) continue;
    const before = tokens[chain.first - 1];
    const after = tokens[chain.last + 1];
    const opensClause = chain.first === 0 || (before?.text === ',' && after?.kind === 'word' && !after.cap && !CLAUSE_WORDS.has(after.lower)) || titledSubject(tokens, chain.first);
    mentions.push(personMention(person, opensClause && !chain.possessive ? 'subject' : 'other'));
  }
  return mentions;
}
