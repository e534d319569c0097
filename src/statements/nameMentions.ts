// Capitalised name chains in text, split into title, honorific and name: "UK Defence Secretary John
// Healey" → title "UK Defence Secretary", name "John Healey". Whether a chain is a person is decided
// from evidence in the coverage (aliases.ts); here we only read what each mention says about itself.
import {
  FUNCTION_WORDS,
  HONORIFICS,
  INSTITUTION_HEADS,
  isNationality,
  JOB_NOUNS,
  LOCATIVE_PREPOSITIONS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  ROLE_QUALIFIERS,
  SPEECH_VERBS,
} from './lexicon.js';
import { isGivenName } from './givenNames.js';
import { givenNameGender } from './salience.js';
import type { Token } from './tokens.js';
import { foldCase } from '../corpus/foldCase.js';

export interface NameChain {
  /** Index range in the token array [first, last]. */
  first: number;
  last: number;
  /** Offsets in the paragraph. */
  start: number;
  end: number;
  /** The name words ("John", "Healey"); empty when the chain is a title or an institution. */
  name: string[];
  honorific: string | null;
  /** The role written before the name ("UK Defence Secretary", "foreign minister"), or after it in
   *  apposition (", an adviser to …"). */
  title: string | null;
  /** Title or honorific or apposition: the chain is a person, not a place or an institution. */
  strong: boolean;
  possessive: boolean;
  /** All words of the chain as written (title and name). */
  words: string[];
  /** The chain ends in an institution word (Street, Office, Union, Times). */
  institution: boolean;
  /** Follows "in", "to", "from"…: a place, when nothing says it is a person. */
  afterLocative: boolean;
  /** Follows "the": "the Daily Courier" is not a person's name. */
  definite: boolean;
  /** A single name right after a job word ("midfielder Deco"): evidence that it is a person's. */
  described?: boolean;
  /** Names the speaker of a speech cue (set by prepare): evidence that a bare full name is a person. */
  speaks?: boolean;
  /** Begins its sentence: a capital there says nothing ("Perhaps Robinson", "Get Brown"). */
  initial: boolean;
}

const PEERAGE = new Set(['Lord', 'Lady', 'Baroness', 'Baron']);
const isRoleHead = (t: Token) => ROLE_HEADS.has(t.lower) || /-(president|minister|secretary|general)$/.test(t.lower);
const isHonorific = (t: Token) => HONORIFICS.has(t.base);
const isCapWord = (t: Token | undefined): t is Token =>
  !!t && t.kind === 'word' && t.cap && !/^\p{N}/u.test(t.text);

/** Finds every capitalised chain in the tokens (quotes are single tokens, so nothing inside them). */
export function findNameChains(tokens: Token[]): NameChain[] {
  const chains: NameChain[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapWord(tokens[i]) || FUNCTION_WORDS.has(tokens[i]!.base)) {
      i++;
      continue;
    }
    let j = i;
    // Extend over capitalised words, and over "of"/"of the" between capitalised words
    // ("Secretary of State", "House of Commons"); a possessive ends the chain.
    while (!tokens[j]!.possessive) {
      const next = tokens[j + 1];
      // "Mr. Morgan of the Sierra Club": after an honorific and a name, "of" says where they are from.
      // ("Lord Falconer of Thoroton" is a peer's full title: it keeps its "of".)
      const personSoFar = isHonorific(tokens[i]!) && !PEERAGE.has(tokens[i]!.base) && j > i && !tokens.slice(i + 1, j + 1).some(isRoleHead);
      if (isCapWord(next) && !FUNCTION_WORDS.has(next.base)) j++;
      else if (next?.lower === 'of' && (personSoFar || affiliationAfter(tokens, i, j))) break;
      else if (next?.lower === 'of' && isCapWord(tokens[j + 2]) && tokens[j + 2]!.base !== 'The') j += 2;
      else if (next?.lower === 'of' && tokens[j + 2]?.lower === 'the' && isCapWord(tokens[j + 3])) j += 3;
      else break;
    }
    chains.push(describeChain(tokens, i, j));
    i = j + 1;
  }
  return chains;
}

/**
 * "Stuart Hensel of the Economist Intelligence Unit": two or three name words then "of" say where a
 * person is from, not who they are, when the words read as a person's name (a known given name
 * first, or "of the" after words that are no office, body or place: "Bank of England", "Secretary of
 * State", "Royal Society of the Arts" keep their "of"). A peer's "Lord X of Y" keeps it too (its
 * honorific makes it personSoFar's case, which excludes the peerage).
 */
function affiliationAfter(tokens: Token[], i: number, j: number): boolean {
  // "Detective Inspector Paul Miller of …": the name is the run after any title words before it.
  let from = i;
  while (j - from + 1 > 3 && from < j) from++;
  for (; from <= j - 1; from++) {
    const run = tokens.slice(from, j + 1);
    if (run.some((t) => isRoleHead(t) || isHonorific(t) || INSTITUTION_HEADS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || isNationality(t.base))) continue;
    const first = run[0]!.base;
    // A given name first: the curated table, else the wider list of given names in many languages.
    if (isGivenName(first) || (from > i && givenNameGender(first) !== null) || (run.length >= 2 && givenNameGender(first) !== null && !INSTITUTION_HEADS.has(tokens[j + 2]?.lower ?? ''))) return true;
    if (from === i) return tokens[j + 2]?.lower === 'the' && !/^[A-Z]+$/.test(first);
  }
  return false;
}

function describeChain(tokens: Token[], first: number, last: number): NameChain {
  const chain = tokens.slice(first, last + 1);
  // The name is what follows the last role word or honorific.
  let split = -1;
  let honorific: string | null = null;
  chain.forEach((t, k) => {
    const afterHonorific = k > 0 && isHonorific(chain[k - 1]!) && k === chain.length - 1; // "Mr King"
    // "Mervyn King", "John Major": a role word right after a given name ends the chain as a surname.
    const surname = k > 0 && k === chain.length - 1 && isGivenName(chain[k - 1]!.base);
    if (isHonorific(t) || (isRoleHead(t) && !afterHonorific && !surname)) {
      split = k;
      honorific = isHonorific(t) ? t.base.replace(/\.$/, '') : honorific;
    }
  });
  // "Broadcaster Chris Evans": a job word opening the chain describes the name after it.
  const job = split < 0 && chain.length >= 3 && JOB_NOUNS.has(chain[0]!.lower) && tokens[first - 1]?.lower !== 'the';
  if (job) split = 0;
  // "Secretary of State Marco Rubio", "Chancellor of the Exchequer Gordon Brown": the role runs on
  // over "of (the)" and what it is of: one word, or up to a body's head ("of the European Commission").
  while (split >= 0 && chain[split + 1]?.lower === 'of' && isRoleHead(chain[split]!) ) {
    let at = split + 2;
    if (chain[at]?.lower === 'the') at++;
    if (!chain[at]) break;
    let end = at;
    for (let m = at; m < Math.min(chain.length - 1, at + 4) && !['of', 'the'].includes(chain[m]!.lower); m++) {
      if (INSTITUTION_HEADS.has(chain[m]!.lower)) end = m;
    }
    split = end;
    // "Governor of the Bank of England …": a further "of" belongs to the body.
    while (chain[split + 1]?.lower === 'of' && chain[split + 2] && chain[split + 2]!.lower !== 'the') split += 2;
  }
  let nameTokens = chain.slice(split + 1);
  // "Lord Falconer of Thoroton": a peer is named by the words before his territorial "of".
  const ofAt = nameTokens.findIndex((t) => t.lower === 'of');
  if (ofAt > 0 && split >= 0 && PEERAGE.has(chain[split]!.base)) nameTokens = nameTokens.slice(0, ofAt);
  if (nameTokens.some((t) => t.lower === 'of' || t.lower === 'the')) nameTokens = [];
  const lastWord = chain[chain.length - 1]!;
  const institution = INSTITUTION_HEADS.has(lastWord.lower);
  if (institution) nameTokens = [];
  // Honorifics directly before the name are not part of the title ("Retired General Sir Nick").
  let titleTokens = chain.slice(0, split + 1);
  while (titleTokens.length && isHonorific(titleTokens[titleTokens.length - 1]!)) titleTokens = titleTokens.slice(0, -1);
  // "his shadow Chancellor Oliver Letwin": words before a chain that opens with its title qualify it.
  const leftRole = roleBefore(tokens, first, titleTokens.some(isRoleHead));
  const title = [leftRole, titleTokens.map((t) => t.text).join(' ')].filter(Boolean).join(' ') || null;
  const apposition = nameTokens.length ? appositionAfter(tokens, last) : null;
  const hasRole = !!title && (titleTokens.some(isRoleHead) || !!leftRole || job);
  return {
    first,
    last,
    start: chain[0]!.start,
    end: lastWord.end,
    name: nameTokens.map((t) => t.base),
    honorific,
    title: title && hasRole ? title : apposition,
    strong: nameTokens.length > 0 && (honorific !== null || hasRole || apposition !== null),
    possessive: lastWord.possessive,
    words: chain.map((t) => t.base),
    institution,
    afterLocative: LOCATIVE_PREPOSITIONS.has(tokens[first - 1]?.lower ?? ''),
    definite: tokens[first - 1]?.lower === 'the',
    initial: first === 0,
    described: nameTokens.length === 1 && describedBefore(tokens[first - 1]),
  };
}

/** "midfielder Deco", "singer Madonna": a job word before a single name says it is a person's. */
const describedBefore = (t: Token | undefined) => !!t && t.kind === 'word' && !t.cap && HUMAN_DESCRIPTORS.has(t.lower);
/** Person nouns that describe only people: not "producer", "player", "host", "giant" ("oil producer Yukos"). */
const HUMAN_DESCRIPTORS = new Set(`striker midfielder defender goalkeeper winger skipper manager coach singer actor actress rapper
  musician comedian presenter author novelist poet columnist journalist reporter athlete sprinter cyclist golfer boxer
  jockey batsman bowler teenager youngster mother father wife husband widow widower son daughter campaigner activist
  businessman businesswoman entrepreneur tycoon billionaire barrister solicitor scientist academic professor surgeon
  politician`.split(/\s+/));

/**
 * Role words right before a chain: "defence minister Rustem Umerov", "US secretary of state", and
 * whose role it is when capitalised words stand before a lower-case head ("England coach", "Federal
 * Reserve chairman", "Tory leader"); a capitalised qualifier opening the sentence stays part of the
 * role ("Shadow chancellor Oliver Letwin" is the shadow chancellor, not the chancellor).
 */
function roleBefore(tokens: Token[], first: number, titled = false): string | null {
  let k = first - 1;
  let sawHead = titled;
  let whose = 0;
  while (k >= 0) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.possessive) break;
    if (isRoleHead(t) && !t.cap && whose === 0) sawHead = true;
    else if ((ROLE_MODIFIERS.has(t.lower) || ROLE_QUALIFIERS.has(t.lower)) && (!t.cap || (sawHead && k === 0)) && t.lower !== 'the' && t.lower !== 'for') {
      // modifiers and "of" ("secretary of state") are fine; "Shadow" when it opens the sentence
    } else if (t.cap && sawHead && whose < 3 && !FUNCTION_WORDS.has(t.base) && !isHonorific(t) && (whose === 0 || isNationality(t.base) || tokens[k + 1]!.cap || tokens[k + 1]!.lower === 'of')) {
      // "US national security adviser", "England coach", "Bank of England governor"
      whose++;
    } else if (sawHead && /^(ex|former)-\p{L}/u.test(t.lower)) {
      // "ex-Conservative chancellor Ken Clarke": a former holder
    } else if (t.lower === 'of' && whose > 0 && tokens[k - 1]?.cap) {
      // inside "Bank of England"
    } else break;
    k--;
  }
  if (!sawHead) return null;
  // "how good a prime minister Gordon Brown will make": an office with "a" before it is a measure or
  // a hypothesis, not the title the person holds.
  if (tokens[k]?.lower === 'a' || tokens[k]?.lower === 'an') return null;
  // The role must end in its head next to the name: drop trailing non-heads ("of").
  const words = tokens.slice(k + 1, first);
  while (words.length && words[words.length - 1]!.lower === 'of') words.pop();
  while (words.length && words[0]!.lower === 'of') words.shift();
  return words.length ? words.map((t) => t.text).join(' ') : null;
}

/** ", an adviser to Ukraine’s Ministry," or " – a Trump envoy –" after a name: its role. */
function appositionAfter(tokens: Token[], last: number): string | null {
  const sep = tokens[last + 1];
  if (!sep || sep.kind !== 'punct' || !/^[,–—-]$/.test(sep.text)) return null;
  const det = tokens[last + 2];
  if (!det || (!['a', 'an', 'the'].includes(det.lower) && !det.possessive && !(ROLE_MODIFIERS.has(det.lower) || isRoleHead(det)))) return null;
  const words: Token[] = [];
  for (let k = last + 2; k < tokens.length && tokens[k]!.kind === 'word'; k++) {
    if (/^(who|which|that|whose|whom)$/.test(tokens[k]!.lower)) break;
    words.push(tokens[k]!);
  }
  const headAt = words.findIndex((t, k) => (k > 0 || !['a', 'an', 'the'].includes(t.lower)) && isRoleHead(t));
  if (headAt < 0 || headAt > 5) return null;
  // ", coach Andy Robinson has …": a role followed by a name is that name's title, not this one's.
  const after = words[headAt + 1];
  if (after && after.cap && !FUNCTION_WORDS.has(after.base)) return null;
  // ", the UK chancellor predicted …": a clause with its own verb, not an apposition.
  if (after && !after.cap && (SPEECH_VERBS.has(after.lower) || /ed$/.test(after.lower))) return null;
  return words
    .map((t) => t.text)
    .join(' ')
    .replace(/^(a|an|the)\s+/i, '')
    .replace(/\s+(at|of|for|to|in)$/i, '');
}

/** A normalised key for comparing names: case, accents and punctuation folded. */
export function nameKey(words: string[] | string): string {
  const text = Array.isArray(words) ? words.join(' ') : words;
  let key = keys.get(text);
  if (key === undefined) {
    // Plain ASCII needs no Unicode decomposition: the common case, and the costly step.
    const folded = /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : foldCase(text);
    key = folded
      .replace(/[’']s\b/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    // Names repeat across an article and the coverage; a bounded memo keeps memory flat.
    if (keys.size >= MAX_MEMO) keys.clear();
    keys.set(text, key);
  }
  return key;
}

const MAX_MEMO = 100_000;
const keys = new Map<string, string>();
