// Speech cues in one sentence: the verb (or "according to"), where its speaker is written, and which
// words it reports. Quotes are single tokens here, so nothing inside quoted words is ever a cue.
import {
  ANAPHORIC_BODIES,
  BE,
  BETWEEN_SUBJECT_AND_VERB,
  FUNCTION_WORDS,
  HONORIFICS,
  INSTITUTION_HEADS,
  JOB_NOUNS,
  PERSON_NOUNS,
  PHRASAL_SPEECH_VERBS,
  PRONOUNS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SPEECH_VERBS,
  SPOKES_HEADS,
  THAT_ONLY_VERBS,
  WEEKDAYS,
  type VerbInfo,
  isNationality,
} from './lexicon.js';
import type { Token } from './tokens.js';

export type Subject =
  | { type: 'np'; from: number; to: number; relative?: number } // token range [from, to); the "who" that refers to it
  | { type: 'pronoun'; index: number; pronoun: string }
  | { type: 'coordinated' } // "… and added": the previous cue's speaker
  | { type: 'main' } // ", stating …": the sentence's subject
  | { type: 'plural' } // "Mr A and Mr B said": several speakers, not attributable to one
  | { type: 'none' };

export interface Cue {
  /** Token index of the verb ("according" for according-to). */
  verb: number;
  verbText: string;
  info: VerbInfo;
  subject: Subject;
  /** Reported words as a token range [from, to); empty when the cue only marks a speech event. */
  content: { from: number; to: number };
  /** The content came before the cue ("…,” he said"; "…, a UK source said"). */
  trailing: boolean;
  /** Token range of the attribution words: subject, verb and adjuncts. */
  attribution: { from: number; to: number };
  /** Perfect aspect ("has spoken of"): a separate, undated occasion. */
  perfect: boolean;
  /** "According to X's remarks", where the main clause carries its own cue: no content of its own. */
  eventOnly: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'it']);
const ADJUNCT_PREPOSITIONS = new Set(['at', 'on', 'in', 'during', 'to', 'after', 'before', 'with', 'from', 'via', 'outside', 'inside', 'following', 'while', 'when', 'through', 'over', 'as', 'for']);
const TIME_WORDS = new Set([...WEEKDAYS, 'morning', 'afternoon', 'evening', 'night', 'yesterday', 'today', 'tonight', 'last', 'this', 'earlier', 'later', 'week', 'weekend', 'month', 'year']);
const SPEECH_NOUNS = new Set(['remarks', 'statement', 'speech', 'comments', 'words', 'letter', 'post', 'tweet', 'interview', 'testimony', 'message', 'transcript']);
/** Words that open an adjunct set off by commas after a subject: "Hunter, meanwhile, told…". */
const LOOSE_OPENERS = new Set(['meanwhile', 'however', 'too', 'also', 'though', 'instead', 'likewise', 'separately', 'clad', 'who', 'when', 'where', 'once', 'now', 'then', 'still', 'unlike', 'like', 'asked', 'pressed', 'citing']);
const RELATIVES = new Set(['who', 'whose', 'which', "who's"]);
const CLAUSE_STARTERS = new Set(['and', 'but', 'as', 'while', 'whereas', 'although', 'though', 'yet', 'or']);

const isWord = (t: Token | undefined): t is Token => !!t && t.kind === 'word';
/** "sarcastically", "forcefully": manner adverbs stand beside a speech verb; "only", "early" do not. */
const isMannerAdverb = (t: Token | undefined) => isWord(t) && !t.cap && t.lower.length >= 6 && /ly$/.test(t.lower) && !/^(only|early|likely|family|italy|assembly|supply|july|rally|ally|belly|jelly|holly|daily|weekly|monthly|yearly|quarterly|elderly|friendly|lonely|lovely|costly|deadly|ugly|holy|curly)$/.test(t.lower);
const isPunct = (t: Token | undefined, chars = ',;:–—-') => !!t && t.kind === 'punct' && chars.includes(t.text);

/** Can this token be part of a speaker noun phrase? */
function npWord(t: Token | undefined): boolean {
  if (!isWord(t)) return false;
  if (t.cap) return !FUNCTION_WORDS.has(t.base) || ['The', 'A', 'An'].includes(t.base);
  const w = t.lower;
  return (
    DETERMINERS.has(w) ||
    w === 'of' ||
    ROLE_HEADS.has(w) ||
    ROLE_MODIFIERS.has(w) ||
    SPOKES_HEADS.has(w) ||
    INSTITUTION_HEADS.has(w) ||
    ANAPHORIC_BODIES.has(w) ||
    PERSON_NOUNS.has(w) ||
    /-(president|minister|secretary)$/.test(w)
  );
}

/** Finds the cues of one sentence (tokens of the sentence only). */
export function findCues(tokens: Token[]): Cue[] {
  const cues: Cue[] = [];
  tokens.forEach((t, i) => {
    const dash = dashCue(tokens, i) ?? colonCue(tokens, i);
    if (dash) cues.push(dash);
    if (t.kind !== 'word') return;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const cue = accordingTo(tokens, i);
      if (cue) cues.push(cue);
      return;
    }
    let info = SPEECH_VERBS.get(t.lower);
    let end = i;
    // "pointed out that", "shot back", "talked up": the verb speaks only with its particle.
    const phrasal = PHRASAL_SPEECH_VERBS.get(t.lower);
    if (phrasal && isWord(tokens[i + 1]) && tokens[i + 1]!.lower === phrasal.particle) {
      info = { takes: phrasal.takes, object: false, participle: t.lower.endsWith('ing') };
      end = i + 1;
    }
    if (info && i === 0 && t.cap) {
      const opening = openingCue(tokens, info);
      if (opening) cues.push(opening);
      if (opening) return;
    }
    if (!info || !looksLikeVerb(tokens, i, info)) return;
    const cue = verbCue(tokens, i, info, cues, end);
    if (cue) cues.push(cue);
  });
  return settle(tokens, cues);
}

function looksLikeVerb(tokens: Token[], i: number, info: VerbInfo): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.cap && !(info.participle && i === 0)) return false; // "Said" mid-name, "Post" in a title
  const progressive = info.participle && isWord(prev) && ['is', 'are', 'was', 'were'].includes(prev.lower) && i >= 2 && isWord(tokens[i - 2]) && tokens[i - 2]!.cap;
  if (isWord(prev) && !progressive && (BE.has(prev.lower) || NOUN_DETERMINERS.has(prev.lower) || prev.possessive || prev.lower === 'of' || prev.lower === 'to')) return false;
  if (isWord(prev) && BE.has(tokens[i - 2]?.lower ?? '') && BETWEEN_SUBJECT_AND_VERB.has(prev.lower)) return false;
  if (t.lower.startsWith('add') && next?.lower === 'to') return false; // "added to the pressure"
  if (info.takes === 'colon' && next?.text !== ':') return false; // "have continued to grow"
  if (THAT_ONLY_VERBS.has(t.lower) && next && next.lower !== 'that' && !isPunct(next, ':')) return false; // "agreed to a phone call"
  if (info.participle && isWord(prev) && ['by', 'for', 'of', 'without'].includes(prev.lower)) return false;
  return true;
}

/** The cue of the verb at `v`; `e` is its last word (a particle: "pointed out"), where the content may begin. */
function verbCue(tokens: Token[], v: number, info: VerbInfo, earlier: Cue[], e = v): Cue | null {
  const found = findSubject(tokens, v, info, earlier);
  const { perfect } = found;
  let { subject, from: subjectFrom } = found;
  // "“…,” Trump lawyer Marc Kasowitz said", "“…,” 9/11 widow Terry Strada said": descriptor words
  // between the quote and the name belong to the subject.
  if (subject.type === 'np') {
    let lead = subjectFrom;
    while (lead > 0 && subjectFrom - lead < 4 && isDescriptor(tokens[lead - 1])) lead--;
    const first = tokens[subjectFrom]!;
    const named = first.cap && !FUNCTION_WORDS.has(first.base);
    const quoteBefore = tokens[lead - 1]?.kind === 'quote' || (isPunct(tokens[lead - 1], ',') && tokens[lead - 2]?.kind === 'quote');
    if (lead < subjectFrom && named && quoteBefore) {
      subject = { type: 'np', from: lead, to: subject.to };
      subjectFrom = lead;
    }
  }
  let trailing = false;
  let content = { from: e + 1, to: tokens.length };
  let attributionTo = e + 1;
  let subj = subject;

  // "There are also other pressures making banks turn to Windows said Dominic Hirsch, managing director
  // of …": a person named right after the verb, and nothing after them but an apposition, ends the
  // sentence; the verb is inverted after its content though no comma marks it.
  if (subj.type === 'np' && info.takes === 'clause' && !info.object && !info.participle && isWord(tokens[e + 1]) && tokens[e + 1]!.cap) {
    const named = npRight(tokens, e + 1);
    const end = personBeforeOf(tokens, e + 1, named.to);
    const rest = tokens.slice(named.to);
    const restWords = rest.filter((t) => t.kind === 'word');
    const appositionOnly =
      rest.every((t) => t.kind === 'punct') ||
      (isPunct(rest[0], ',') && rest.every((t) => t.kind !== 'quote') && !restWords.some((t) => (!t.cap && SPEECH_VERBS.has(t.lower)) || BE.has(t.lower) || ['that', 'who', 'which', 'and', 'but'].includes(t.lower)));
    if (isPersonName(tokens, e + 1, end) && appositionOnly && reportsSomething(tokens.slice(0, v))) {
      return {
        verb: v,
        verbText: tokens[v]!.text,
        info,
        subject: { type: 'np', from: e + 1, to: end },
        content: { from: 0, to: v },
        trailing: true,
        attribution: { from: v, to: tokens.length },
        perfect,
        eventOnly: false,
      };
    }
  }
  // Inverted order after a quote or comma: "“…,” said Mr Smith"; the speaker follows the verb.
  const before = tokens[subjectFrom - 1];
  if (subj.type === 'none' && (before?.kind === 'quote' || isPunct(before, ','))) {
    // "…,” said 9/11 widow Terry Strada": descriptor words before the name.
    let lead = e + 1;
    while (lead - e <= 3 && isDescriptor(tokens[lead]) && !tokens[lead]!.cap) lead++;
    const namedAfter = lead > e + 1 && isWord(tokens[lead]) && tokens[lead]!.cap;
    const after = namedAfter ? npRight(tokens, lead) : npRight(tokens, e + 1);
    // "said Moscow-based US lawyer Jamie Firestone": descriptors and a name may follow a first name run.
    for (let d = after.to; isDescriptor(tokens[d]) && !tokens[d]!.cap; d = after.to) {
      while (d - after.to < 3 && isDescriptor(tokens[d]) && !tokens[d]!.cap) d++;
      if (!isWord(tokens[d]) || !tokens[d]!.cap) break;
      after.to = npRight(tokens, d).to;
    }
    // A determiner alone is no speaker ("…, said the robbers were armed").
    const speakerWords = tokens.slice(namedAfter ? lead : e + 1, after.to).filter((t) => !DETERMINERS.has(t.lower));
    if (after.to > e + 1 && speakerWords.length > 0) {
      subj = { type: 'np', from: namedAfter ? lead : e + 1, to: personBeforeOf(tokens, namedAfter ? lead : e + 1, after.to) };
      attributionTo = after.to;
      content = { from: 0, to: subjectFrom - (before?.kind === 'quote' ? 0 : 1) };
      trailing = true;
    }
  }
  if (!trailing) {
    const start = contentStart(tokens, e, info);
    content = { from: start, to: tokens.length };
    attributionTo = start;
    // "…, a UK source said." / "…,” he told reporters on Tuesday night.": the content came first.
    const preceding = tokens[subjectFrom - 1];
    const before = tokens.slice(0, preceding?.kind === 'quote' ? subjectFrom : subjectFrom - 1);
    // A sentence that opens with a quote closed by , ? or ! and goes on "X said …" reports the quote,
    // whatever adjuncts follow ("“…,” Melanie said to the nominee, who …", "“…,” Trump said this month on CNBC").
    const rest = tokens.slice(e + 1);
    const quoteOpens =
      preceding?.kind === 'quote' && subjectFrom === 1 && /[,?!]$/.test(preceding.quote!.text) &&
      // A quoted show title after a possessive may follow: "Pence said on CNN's “State of the Union.”"
      // A comma inside the closing mark is the writer's sign that the cue comes next, whatever quoted
      // words follow it ("“…,” Cruz said after a brief “I'm sorry”", "“…,” Fiorina told “Fox and Friends,”").
      (/,$/.test(preceding.quote!.text) || !rest.some((t, k) => t.kind === 'quote' && !rest[k - 1]?.possessive)) && !(isWord(rest[0]) && rest[0].lower === 'that') && !isPunct(rest[0], ':');
    if (subjectFrom > 0 && (preceding?.kind === 'quote' || isPunct(preceding, ',–—')) && (quoteOpens || restIsAdjunct(tokens, e, info)) && reportsSomething(before) && subj.type !== 'coordinated' && subj.type !== 'main') {
      trailing = true;
      content = { from: 0, to: preceding?.kind === 'quote' ? subjectFrom : subjectFrom - 1 };
      const comma = rest.findIndex((t) => isPunct(t, ','));
      attributionTo = quoteOpens && comma >= 0 ? e + 1 + comma : tokens.length;
    }
  }
  if (info.takes === 'event') content = { from: e + 1, to: e + 1 };
  return {
    verb: v,
    verbText: tokens[v]!.text,
    info,
    subject: subj,
    content,
    trailing,
    attribution: { from: subj.type === 'np' || subj.type === 'pronoun' ? Math.min(subjectFrom, v) : v, to: Math.max(attributionTo, e + 1) },
    perfect,
    eventOnly: false,
  };
}

/** "Mr. Morgan of the Sierra Club", "Del. Stacey Plaskett of the Virgin Islands": an honorific and a
 *  name, then where they are from; the person ends at "of" (a title's "of" stays: "Secretary of State"). */
function personBeforeOf(tokens: Token[], from: number, to: number): number {
  const of = tokens.slice(from, to).findIndex((t) => t.lower === 'of');
  if (of <= 0) return to;
  return isPersonName(tokens, from, from + of) ? from + of : to;
}

/** Tokens [from, to) read as a person's name: "Jeffrey Lewis" (two or more name words), or "Mr Hirsch". */
function isPersonName(tokens: Token[], from: number, to: number): boolean {
  const honorific = HONORIFICS.has(tokens[from]?.base ?? '');
  const name = tokens.slice(from + (honorific ? 1 : 0), to);
  if (name.length < (honorific ? 1 : 2)) return false;
  return name.every((t) => t.cap && !t.possessive && !ROLE_HEADS.has(t.lower) && !INSTITUTION_HEADS.has(t.lower) && !ROLE_MODIFIERS.has(t.lower) && !FUNCTION_WORDS.has(t.base) && !isNationality(t.text));
}

/** A word that may describe the name after it: "lawyer", "widow", "9/11", "Trump" (not "and", "said"). */
const isDescriptor = (t: Token | undefined): boolean =>
  isWord(t) &&
  !t.possessive &&
  ![FUNCTION_WORDS, NOUN_DETERMINERS, ADJUNCT_PREPOSITIONS, CLAUSE_STARTERS, TIME_WORDS, SPEECH_VERBS, PRONOUNS].some((set) => set.has(t.lower) || set.has(t.base)) &&
  !['that', 'this', 'which', 'who'].includes(t.lower) &&
  !/ly$/.test(t.lower);

/** After a trailing cue only adjuncts may follow: "he told reporters on Tuesday night", "he said". */
function restIsAdjunct(tokens: Token[], v: number, info: VerbInfo): boolean {
  let rest = tokens.slice(v + 1);
  // "…,” he said, suggesting …" / "…, and added …": a participle or a new clause after a comma is
  // another event; the cue itself ends at the comma.
  // So does a prepositional phrase after a comma: "…, Clinton declared in an interview Thursday, in the latest …".
  const clauseAt = rest.findIndex((t, k) => isPunct(t, ',') && isWord(rest[k + 1]) && !rest[k + 1]!.cap && (/ing$/.test(rest[k + 1]!.lower) || CLAUSE_STARTERS.has(rest[k + 1]!.lower) || (k > 0 && ['in', 'at', 'during', 'after', 'before', 'ahead', 'amid', 'following', 'when', 'where', 'who', 'which'].includes(rest[k + 1]!.lower))));
  if (clauseAt >= 0) rest = rest.slice(0, clauseAt);
  // "said sarcastically", "said Friday as …", "said this morning": skip to what follows.
  let skip = 0;
  while (skip < rest.length && (isMannerAdverb(rest[skip]) || (isWord(rest[skip]) && TIME_WORDS.has(rest[skip]!.lower)))) skip++;
  if (skip > 0 && (skip === rest.length || ADJUNCT_PREPOSITIONS.has(rest[skip]!.lower) || isPunct(rest[skip], ',;'))) rest = rest.slice(skip);
  if (rest.length === 0) return true;
  if (rest.length > 14 || rest.some((t) => t.kind === 'quote' || t.lower === 'that' || t.text === ':')) return false;
  let i = 0;
  if (info.object && isWord(rest[0]) && !ADJUNCT_PREPOSITIONS.has(rest[0].lower)) {
    // An object: "reporters", "the BBC", "him".
    if (DETERMINERS.has(rest[0].lower)) {
      // "told a Commons inquiry", "told the home affairs committee": a determined object runs to its noun.
      i++;
      while (i <= 5 && isWord(rest[i]) && !ADJUNCT_PREPOSITIONS.has(rest[i]!.lower) && !FUNCTION_WORDS.has(rest[i]!.base) && !CLAUSE_STARTERS.has(rest[i]!.lower) && !SPEECH_VERBS.has(rest[i]!.lower)) i++;
    } else while (isWord(rest[i]) && (rest[i]!.cap || i === 0) && !ADJUNCT_PREPOSITIONS.has(rest[i]!.lower)) i++;
  }
  // "told The New York Times then", "told Stumpf, after …": an adverb or a comma may follow the object.
  while (i < rest.length && (isMannerAdverb(rest[i]) || (isWord(rest[i]) && rest[i]!.lower === 'then'))) i++;
  const next = rest[i];
  if (i > 0 && isPunct(next, ',')) return true;
  return i >= rest.length || (isWord(next) && (ADJUNCT_PREPOSITIONS.has(next.lower) || (TIME_WORDS.has(next.lower) && timePhraseStart(rest, rest.length - 1) !== null)));
}

/** Text before a trailing cue that can be what was said: a quote, or a clause (not "On Monday,"). */
function reportsSomething(before: Token[]): boolean {
  if (before.some((t) => t.kind === 'quote')) return true;
  const words = before.filter((t) => t.kind === 'word');
  if (words.length < 4) return false;
  return !words.every((t) => FUNCTION_WORDS.has(t.base) || TIME_WORDS.has(t.lower) || ADJUNCT_PREPOSITIONS.has(t.lower));
}

/** Where the speaker of the verb at `v` is written. */
function findSubject(tokens: Token[], v: number, info: VerbInfo, earlier: Cue[]): { subject: Subject; from: number; perfect: boolean } {
  let k = v - 1;
  let perfect = false;
  // Skip auxiliaries, adverbs and a time phrase between subject and verb.
  for (;;) {
    const t = tokens[k];
    if (!isWord(t)) break;
    const progressive = info.participle && ['is', 'are', 'was', 'were'].includes(t.lower) && k === v - 1;
    if (BETWEEN_SUBJECT_AND_VERB.has(t.lower) || isMannerAdverb(t) || progressive) {
      if (['has', 'have', 'had'].includes(t.lower)) perfect = true;
      k--;
    } else if (TIME_WORDS.has(t.lower) && timePhraseStart(tokens, k) !== null) {
      k = timePhraseStart(tokens, k)! - 1;
    } else break;
  }
  // A bracket after the name: "Rep. Jason Chaffetz (R-Utah) said", "Gov. Pat McCrory (R) said".
  if (tokens[k]?.text === ')') {
    const open = tokens.slice(Math.max(0, k - 6), k).map((x) => x.text).lastIndexOf('(');
    if (open >= 0) k = Math.max(0, k - 6) + open - 1;
  }
  const t = tokens[k];
  // "…, Spicer said, adding, “…”", "…” said Joe Biden, urging …", "Ash described it as a “…,” adding:":
  // a participle after an earlier cue of the sentence continues that cue's speaker.
  const last = earlier[earlier.length - 1];
  const continuesCue = info.participle && k === v - 1 && (isPunct(t, ',') || (t?.kind === 'quote' && /,$/.test(t.quote!.text))) && !!last && last.verb < v && !['none', 'plural'].includes(last.subject.type);
  const participleSubject: Subject = continuesCue ? { type: 'coordinated' } : { type: 'main' };
  if (!t || k < 0) return { subject: info.participle ? { type: 'main' } : { type: 'none' }, from: v, perfect };
  if (isWord(t) && PRONOUNS.has(t.lower)) return { subject: { type: 'pronoun', index: k, pronoun: t.lower }, from: k, perfect };
  // "Weitz said he had visited Pullman, who had told him that …": the relative pronoun's antecedent
  // is the name before the comma; the cue begins at "who".
  if (isWord(t) && (t.lower === 'who' || t.lower === 'which') && isPunct(tokens[k - 1], ',') && !info.participle) {
    const np = npLeft(tokens, k - 2);
    const head = tokens[k - 2];
    if (np !== null && isWord(head) && head.cap && !FUNCTION_WORDS.has(head.base)) {
      const subject = npSubject(tokens, np, k - 2);
      if (subject.type === 'np') return { subject: { ...subject, relative: k }, from: k + 1, perfect };
    }
  }
  if (isWord(t) && CLAUSE_STARTERS.has(t.lower)) {
    if (earlier.length > 0 && ['and', 'but', 'or'].includes(t.lower)) return { subject: { type: 'coordinated' }, from: v, perfect };
    return { subject: info.participle ? { type: 'main' } : { type: 'none' }, from: v, perfect };
  }
  if (isPunct(t, ',–—')) {
    // An apposition between subject and verb: "Yuriy Sak, an adviser to …, said".
    let opener = appositionOpener(tokens, k);
    // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said": appositions in a row.
    for (let more = opener; more !== null && more > 0; ) {
      more = appositionOpener(tokens, more);
      if (more !== null) opener = more;
    }
    if (opener !== null) {
      const np = npLeft(tokens, opener - 1);
      // "The Bishop of Durham, the Rt Rev Dr Tom Wright, described": the apposition names the person.
      const inner = tokens.slice(opener + 1, k);
      const honorificAt = inner.findIndex((t) => HONORIFICS.has(t.base));
      const namesPerson = honorificAt >= 0 && inner.length - honorificAt >= 2 && inner.every((t) => isWord(t) && !t.possessive && (t.cap || DETERMINERS.has(t.lower))) && inner[inner.length - 1]!.cap;
      if (np !== null && namesPerson && !tokens.slice(np, opener).some((t) => HONORIFICS.has(t.base))) {
        return { subject: { type: 'np', from: opener + 1, to: k }, from: np, perfect };
      }
      if (np !== null) return { subject: npSubject(tokens, np, opener - 1), from: np, perfect };
    }
    // A longer stretch after a name that opens the sentence: "Bill Millis, a North Carolina businessman
    // who had been a member of the campaign's board, said", "Clinton, during a town hall meeting in
    // Columbus, Ohio, said", "Cory James, 22, of Flint, Mich., said".
    const anchored = info.participle ? null : anchoredSubject(tokens, k);
    if (anchored) return { subject: npSubject(tokens, anchored.from, anchored.to - 1), from: anchored.from, perfect };
    return { subject: info.participle ? participleSubject : { type: 'none' }, from: k + 1, perfect };
  }
  if (t.kind === 'quote') return { subject: continuesCue ? participleSubject : { type: 'none' }, from: k + 1, perfect };
  const np = npLeft(tokens, k);
  if (np === null) return { subject: info.participle ? { type: 'main' } : { type: 'none' }, from: v, perfect };
  // "Mr. Morgan of the Sierra Club said", "Mr Hirsch from Retail Banking Research said": the person
  // before "of" / "from" / "at".
  if (['of', 'from', 'at'].includes(tokens[np - 1]?.lower ?? '')) {
    const person = npLeft(tokens, np - 2);
    if (person !== null && isPersonName(tokens, person, np - 1)) return { subject: { type: 'np', from: person, to: np - 1 }, from: person, perfect };
  }
  return { subject: npSubject(tokens, np, k), from: np, perfect };
}

function npSubject(tokens: Token[], from: number, last: number): Subject {
  // "Mr Lammy and Mr Rubio spoke": a joint subject has no single speaker.
  const before = tokens[from - 1];
  const beforeAnd = tokens[from - 2];
  if (isWord(before) && before.lower === 'and' && isWord(beforeAnd) && beforeAnd.cap && !FUNCTION_WORDS.has(beforeAnd.base)) {
    return { type: 'plural' };
  }
  for (let i = from; i <= last; i++) if (tokens[i]!.lower === 'and' && tokens[i]!.kind === 'word') return { type: 'plural' };
  return { type: 'np', from, to: personBeforeOf(tokens, from, last + 1) };
}

/** Walks left from `k` over a noun phrase; returns its first token index, or null. */
function npLeft(tokens: Token[], k: number): number | null {
  if (!npWord(tokens[k])) return null;
  let i = k;
  // "the central bank", "the employers' federation": a described institution keeps its modifiers.
  const head = tokens[k]!;
  if (!head.cap && INSTITUTION_HEADS.has(head.lower)) {
    for (let m = 1; m <= 2; m++) {
      const det = tokens[k - m - 1];
      const mods = tokens.slice(k - m, k);
      if (mods.length === m && mods.every((t) => isWord(t) && !t.cap && !FUNCTION_WORDS.has(t.base) && !SPEECH_VERBS.has(t.lower)) && isWord(det) && (DETERMINERS.has(det.lower) || (det.possessive && det.cap))) {
        i = k - m;
        break;
      }
    }
  }
  while (i - 1 >= 0) {
    const prev = tokens[i - 1]!;
    if (['The', 'A', 'An'].includes(tokens[i]!.text) || DETERMINERS.has(tokens[i]!.lower)) {
      // "a spokesman for the English National Ballet": the spokesperson, with the body they speak for.
      if (prev.lower === 'for' && SPOKES_HEADS.has(tokens[i - 2]?.lower ?? '') && !tokens[i - 2]!.cap) {
        i--;
        continue;
      }
      break;
    }
    if (npWord(prev)) i--;
    else if (prev.lower === 'for' && SPOKES_HEADS.has(tokens[i - 2]?.lower ?? '')) i--; // "a spokesman for the Foreign Office"
    else if (isWord(prev) && prev.possessive && !FUNCTION_WORDS.has(prev.base)) i--;
    else break;
  }
  while (i <= k && (tokens[i]!.lower === 'of' || tokens[i]!.lower === 'for')) i++;
  return i <= k ? i : null;
}

/** Walks right from `k` over a noun phrase (the speaker after an inverted verb). */
function npRight(tokens: Token[], k: number): { to: number } {
  let i = k;
  while (i < tokens.length && (npWord(tokens[i]) || (isWord(tokens[i]) && PRONOUNS.has(tokens[i]!.lower) && i === k) || (isWord(tokens[i]) && tokens[i]!.possessive))) {
    i++;
    if (isWord(tokens[i - 1]) && PRONOUNS.has(tokens[i - 1]!.lower)) break;
  }
  return { to: i };
}

/** For ", <apposition>," ending at comma `k`, the index of the opening comma, else null. */
function appositionOpener(tokens: Token[], k: number): number | null {
  for (let j = k - 1; j >= 0 && k - j <= 24; j--) {
    const t = tokens[j]!;
    if (isPunct(t, ',–—')) {
      const first = tokens[j + 1];
      if (!isWord(first)) return null;
      // "His wife Sharon, who called the police, said", "head of Tiga, which represents independent
      // developers, said": a relative clause after a name, whatever its verb.
      const relative = RELATIVES.has(first.lower);
      if (relative && npWord(tokens[j - 1])) return j;
      if (k - j > 16) return null;
      // "Michael Green, associate professor of history at …,": a role or person noun among the first words.
      const describes = tokens.slice(j + 1, Math.min(k, j + 5)).some((x) => {
        const head = x.lower.split('-').pop()!; // "co-founder", "vice-chair"
        return isWord(x) && !x.cap && (ROLE_HEADS.has(head) || PERSON_NOUNS.has(head) || JOB_NOUNS.has(head));
      });
      const opensApposition = describes || DETERMINERS.has(first.lower) || (first.lower === 'one' && tokens[j + 2]?.lower === 'of') || /^[RDI]-\p{Lu}/u.test(first.text) || first.possessive || ROLE_HEADS.has(first.lower) || ROLE_MODIFIERS.has(first.lower) || first.lower === 'who' || /^\d+$/.test(first.text);
      const inner = tokens.slice(j + 1, k);
      // A speech verb makes it a clause, not an apposition; not a gerund used as a noun ("a creative
      // writing professor").
      const hasVerb = inner.some((x, n) => SPEECH_VERBS.has(x.lower) && !x.cap && !(x.lower.endsWith('ing') && n > 0 && isWord(inner[n - 1]) && !inner[n - 1]!.cap && !isMannerAdverb(inner[n - 1])));
      // The word before may end an earlier apposition: "X, the lawyer for the county, one of …,".
      if (opensApposition && !hasVerb && (npWord(tokens[j - 1]) || appositionOpener(tokens, j) !== null)) return j;
      // An adjunct set off after a name that opens the sentence: "Trump, in Kentucky, said", "Hunter,
      // meanwhile, told", "Mary Susan, clad in a red cape…, said", "Ted Cruz, when asked …, responded".
      const named = isWord(tokens[j - 1]) && tokens[j - 1]!.cap && !FUNCTION_WORDS.has(tokens[j - 1]!.base);
      const np = named ? npLeft(tokens, j - 1) : null;
      // …or follows the quote it reports: "“…,” Texas delegate Bill Eastland, wearing a cowboy hat, said".
      let lead = np ?? 0;
      while (np !== null && lead > 0 && np - lead < 4 && isDescriptor(tokens[lead - 1])) lead--; // "Texas delegate"
      const before = np === null ? undefined : isPunct(tokens[lead - 1], ',') ? tokens[lead - 2] : tokens[lead - 1];
      const opensSentence = np !== null && (np === 0 || (isWord(tokens[np - 1]) && ['and', 'but'].includes(tokens[np - 1]!.lower)) || before?.kind === 'quote');
      const adjunct = ADJUNCT_PREPOSITIONS.has(first.lower) || LOOSE_OPENERS.has(first.lower) || isMannerAdverb(first) || (!first.cap && /^[a-z]+(ing|ed)$/.test(first.text) && !SPEECH_VERBS.has(first.lower));
      return adjunct && opensSentence ? j : null;
    }
    if (t.kind === 'quote') return null;
  }
  return null;
}

/**
 * For a comma `k` before a verb, the name that opens the sentence (or its main clause after a leading
 * phrase, a quote, or "and"/"but") when everything between that name's comma and `k` is set off
 * material: an apposition, a relative clause, an age, a place, an adjunct. Null when a speech verb
 * stands in the stretch outside a relative clause (it would be a clause of its own).
 */
function anchoredSubject(tokens: Token[], k: number): { from: number; to: number } | null {
  const sentenceEnd = (t: Token) => t.kind === 'quote' && /[.?!]["”’]?$/.test(t.quote!.text.trim());
  for (let q = k - 1; q > 0 && k - q <= 45; q--) {
    if (tokens[q]!.kind === 'quote' && sentenceEnd(tokens[q]!)) return null;
    if (!isPunct(tokens[q], ',–—')) continue;
    // The name before comma q, past a bracket: "Sen. Claire McCaskill (D-Mo.),".
    let last = q - 1;
    if (tokens[last]?.text === ')') {
      const open = tokens.slice(Math.max(0, last - 6), last).map((x) => x.text).lastIndexOf('(');
      if (open < 0) continue;
      last = Math.max(0, last - 6) + open - 1;
    }
    const t = tokens[last];
    if (!isWord(t) || !t.cap || FUNCTION_WORDS.has(t.base)) continue;
    const p = npLeft(tokens, last);
    if (p === null) continue;
    const name = tokens.slice(p, last + 1);
    if (name.some((x) => x.lower === 'and' || x.possessive) || !name.some((x) => x.cap && !FUNCTION_WORDS.has(x.base) && !DETERMINERS.has(x.lower))) continue;
    // Where the name stands: it opens the sentence or its main clause.
    const before = tokens[p - 1];
    const first = tokens[0]!;
    const leadingPhrase = isPunct(before, ',') && !tokens.slice(0, p).some((x) => x.kind === 'quote') && isWord(first) &&
      (ADJUNCT_PREPOSITIONS.has(first.lower) || TIME_WORDS.has(first.lower) || LOOSE_OPENERS.has(first.lower) || isMannerAdverb(first) || /^[a-z]+ing$/i.test(first.text));
    const opens = p === 0 || before?.kind === 'quote' || (isPunct(before, ',') && tokens[p - 2]?.kind === 'quote') ||
      (isWord(before) && ['and', 'but'].includes(before.lower) && (p === 1 || isPunct(tokens[p - 2]))) || leadingPhrase;
    if (!opens) continue;
    // What stands between is set off material.
    const opener = tokens[q + 1];
    if (!isWord(opener)) continue;
    const head = opener.lower.split('-').pop()!;
    const setOff =
      DETERMINERS.has(opener.lower) || NOUN_DETERMINERS.has(opener.lower) || opener.possessive || RELATIVES.has(opener.lower) || /^\d+$/.test(opener.text) ||
      ['of', 'one', 'formerly', 'himself', 'herself'].includes(opener.lower) || ADJUNCT_PREPOSITIONS.has(opener.lower) || LOOSE_OPENERS.has(opener.lower) ||
      isMannerAdverb(opener) || (!opener.cap && /^[a-z]+(ing|ed)$/.test(opener.text)) || ROLE_HEADS.has(head) || ROLE_MODIFIERS.has(head) ||
      PERSON_NOUNS.has(head) || JOB_NOUNS.has(head) || /^[RDI]-\p{Lu}/u.test(opener.text);
    if (!setOff) return null;
    const stretch = tokens.slice(q + 1, k);
    let relative = false;
    for (let n = 0; n < stretch.length; n++) {
      const x = stretch[n]!;
      if (isPunct(x, ',–—')) relative = false;
      if (isWord(x) && RELATIVES.has(x.lower)) relative = true;
      if (n > 0 && isWord(x) && !x.cap && SPEECH_VERBS.has(x.lower) && !relative && !/ing$/.test(x.lower)) return null;
      if (isWord(x) && x.lower === 'that' && n > 0 && !relative) return null;
    }
    return { from: p, to: last + 1 };
  }
  return null;
}

/** If token k ends a time phrase ("on Tuesday night", "yesterday"), the phrase's first index. */
function timePhraseStart(tokens: Token[], k: number): number | null {
  let i = k;
  while (i >= 0 && TIME_WORDS.has(tokens[i]!.lower)) i--;
  if (i >= 0 && tokens[i]!.lower === 'on') return i;
  const words = tokens.slice(i + 1, k + 1).map((t) => t.lower);
  if (words.length === 1 && ['yesterday', 'today', 'tonight', 'earlier', 'later'].includes(words[0]!)) return i + 1;
  // "Priebus later Thursday told", "Trump Tuesday night said": a weekday alone, capitalised.
  const lead = ['later', 'earlier'].includes(words[0] ?? '') ? 1 : 0;
  if (words.length - lead >= 1 && words.length - lead <= 2 && WEEKDAYS.includes(words[lead]!) && tokens[i + 1 + lead]!.cap) return i + 1;
  if (words[0] === 'last' || words[0] === 'this') return i + 1;
  return null;
}

/** Where the reported words begin after the verb at `v`. */
function contentStart(tokens: Token[], v: number, info: VerbInfo): number {
  const next = tokens[v + 1];
  if (isWord(next) && next.lower === 'that') return v + 2;
  if (isPunct(next, ':')) return v + 2;
  // Adjuncts or an object before "that" / ":" ("told the House of Commons on Tuesday that",
  // "said on X (formerly Twitter):", "said at a news briefing on Tuesday that").
  for (let j = v + 1; j < tokens.length && j - v <= 14; j++) {
    const t = tokens[j]!;
    // "told MSNBC's “Morning Joe” that …": a quoted title inside the object, before "that".
    if (t.kind === 'quote' && tokens[j + 1]?.lower !== 'that') break;
    if (isPunct(t, ':')) return j + 1;
    if (isWord(t) && t.lower === 'that') {
      const first = tokens[v + 1]!;
      // "said Friday that", "said last week that": a time before "that" too.
      // "said repeatedly that", "said publicly on Tuesday that": an adverb before "that" too.
      const opener = ADJUNCT_PREPOSITIONS.has(first.lower) || TIME_WORDS.has(first.lower) || isMannerAdverb(first) || BETWEEN_SUBJECT_AND_VERB.has(first.lower) || (info.object && (npWord(first) || OBJECT_PRONOUNS.has(first.lower) || isWord(first)));
      const between = tokens.slice(v + 1, j);
      if (opener && !between.some((x) => SPEECH_VERBS.has(x.lower) && !x.cap)) return j + 1;
      break;
    }
    if (isPunct(t, ',') && !ADJUNCT_PREPOSITIONS.has(tokens[v + 1]?.lower ?? '')) break;
  }
  // "told the BBC the UK may need…": skip a short object.
  if (info.object && /^(tell|tells|told|telling|assure|assured)$/.test(tokens[v]!.lower)) {
    let j = v + 1;
    if (isWord(tokens[j]) && OBJECT_PRONOUNS.has(tokens[j]!.lower)) return j + 1;
    if (isWord(tokens[j]) && DETERMINERS.has(tokens[j]!.lower)) {
      j++;
      while (isWord(tokens[j]) && tokens[j]!.cap) j++;
      return j;
    }
    if (isWord(tokens[j]) && !tokens[j]!.cap && /s$/.test(tokens[j]!.lower)) return j + 1; // reporters, MPs
    if (isWord(tokens[j]) && tokens[j]!.cap) {
      while (isWord(tokens[j]) && (tokens[j]!.cap || isStationNumber(tokens[j]!))) {
        // "told BBC Radio 4's Today programme he hoped…": a possessive name goes on to what it owns.
        const owner = tokens[j]!.possessive;
        j++;
        if (owner) {
          // "Radio Four's the World at One": a programme's own name may keep its article and "at".
          if (isWord(tokens[j]) && tokens[j]!.lower === 'the' && isWord(tokens[j + 1]) && tokens[j + 1]!.cap) j++;
          while (isWord(tokens[j]) && (tokens[j]!.cap || (tokens[j]!.lower === 'at' && isWord(tokens[j + 1]) && tokens[j + 1]!.cap))) j++;
          if (isWord(tokens[j]) && PROGRAMME_NOUNS.has(tokens[j]!.lower)) j++;
          break;
        }
      }
      return j;
    }
  }
  return v + 1;
}

/** "Radio 4's", "Five Live": a number inside a broadcaster's name. */
const isStationNumber = (t: Token) => /^\d{1,2}(?:['’]s)?$/.test(t.text);
/** What a broadcaster's or publisher's possessive may own before the reported clause. */
const PROGRAMME_NOUNS = new Set(['programme', 'program', 'show', 'newspaper', 'website', 'magazine', 'channel', 'podcast', 'radio', 'station']);

/** "according to the Financial Times (FT)", "according to a copy of Mr Lammy's remarks". */
function accordingTo(tokens: Token[], i: number): Cue | null {
  let j = i + 2;
  const first = tokens[j];
  if (!first) return null;
  // "a copy of", "the text of": the source is whose words they are.
  if (isWord(first) && DETERMINERS.has(first.lower) && ['copy', 'text', 'transcript', 'version', 'summary', 'readout'].includes(tokens[j + 1]?.lower ?? '') && tokens[j + 2]?.lower === 'of') j += 3;
  // "according to conservative talk radio host Rush Limbaugh", "according to the organizer Alliance for …".
  let d = DETERMINERS.has(tokens[j]?.lower ?? '') ? j + 1 : j;
  const described = d;
  while (d - described < 4 && isDescriptor(tokens[d]) && !tokens[d]!.cap) d++;
  const afterDescriptors = d > described && isWord(tokens[d]) && tokens[d]!.cap;
  if (afterDescriptors) j = d;
  const np = npRight(tokens, j);
  let to = np.to;
  if (to === j) return null;
  // "Alliance to Reclaim Our Schools": a capitalised name runs on over "to" / "for".
  while (afterDescriptors && ['to', 'for'].includes(tokens[to]?.lower ?? '') && isWord(tokens[to + 1]) && tokens[to + 1]!.cap) {
    to++;
    while (isWord(tokens[to]) && tokens[to]!.cap) to++;
  }
  let subject: Subject = { type: 'np', from: j, to };
  // "Mr Lammy's remarks": the possessor is the speaker.
  const possessorEnd = tokens.slice(j, to).findIndex((t) => t.possessive);
  if (possessorEnd >= 0 && SPEECH_NOUNS.has(tokens[j + possessorEnd + 1]?.lower ?? '')) {
    subject = { type: 'np', from: j, to: j + possessorEnd + 1 };
    to = j + possessorEnd + 2;
  } else if (possessorEnd >= 0) return null;
  // Skip a bracketed short form: "(FT)".
  if (tokens[to]?.text === '(' && tokens[to + 2]?.text === ')') to += 3;
  const leading = i === 0 || tokens.slice(0, i).every((t) => t.kind === 'word' && FUNCTION_WORDS.has(t.base));
  let content: { from: number; to: number };
  let trailing = false;
  if (leading) {
    let c = to;
    while (c < tokens.length && !isPunct(tokens[c], ',')) c++;
    // "According to Tom Reed, chief economist at Harbour Capital, the rise…": skip the apposition.
    const second = tokens.findIndex((t, k) => k > c && isPunct(t, ','));
    const opener = tokens[c + 1];
    if (second > 0 && second - c <= 12 && isWord(opener) && (DETERMINERS.has(opener.lower) || ROLE_HEADS.has(opener.lower) || ROLE_MODIFIERS.has(opener.lower) || opener.possessive)) c = second;
    content = { from: c + 1, to: tokens.length };
  } else {
    content = { from: 0, to: isPunct(tokens[i - 1], ',') ? i - 1 : i };
    trailing = true;
  }
  return {
    verb: i,
    verbText: 'according to',
    info: { takes: 'clause' },
    subject,
    content,
    trailing,
    attribution: { from: i, to },
    perfect: false,
    eventOnly: false,
  };
}

/** "Said Dorothy Poynter, who grew up with Ali, “We were…”", "Continued Stone: “…”": the verb opens the
 *  sentence, the speaker follows it and the quote comes last. */
function openingCue(tokens: Token[], info: VerbInfo): Cue | null {
  if (!/^(said|says|added|adds|continued|continues|wrote|writes)$/.test(tokens[0]!.lower)) return null;
  const first = tokens[1];
  if (!isWord(first) || !first.cap || FUNCTION_WORDS.has(first.base) || WEEKDAYS.includes(first.lower) || TIME_WORDS.has(first.lower)) return null;
  const np = npRight(tokens, 1);
  const quote = tokens.findIndex((t, k) => k >= np.to && t.kind === 'quote');
  if (quote < 0 || quote - np.to > 24 || !isPunct(tokens[quote - 1], ',:')) return null;
  if (tokens.slice(np.to, quote).some((t) => isWord(t) && !t.cap && SPEECH_VERBS.has(t.lower))) return null;
  return {
    verb: 0,
    verbText: tokens[0]!.text,
    info: { ...info, takes: 'clause' },
    subject: { type: 'np', from: 1, to: personBeforeOf(tokens, 1, np.to) },
    content: { from: quote, to: tokens.length },
    trailing: false,
    attribution: { from: 0, to: quote },
    perfect: false,
    eventOnly: false,
  };
}

/** "“…” ― Sonya Herridge": a quote signed by a dash and a name that ends the sentence. */
function dashCue(tokens: Token[], i: number): Cue | null {
  if (!isPunct(tokens[i], '―—–') || tokens[i - 1]?.kind !== 'quote') return null;
  const np = npRight(tokens, i + 1);
  const rest = tokens.slice(np.to);
  if (np.to === i + 1 || np.to - i > 7 || rest.some((t) => t.kind !== 'punct')) return null;
  if (!tokens.slice(i + 1, np.to).some((t) => t.cap)) return null;
  return {
    verb: i,
    verbText: tokens[i]!.text,
    info: { takes: 'clause' },
    subject: { type: 'np', from: i + 1, to: np.to },
    content: { from: 0, to: i },
    trailing: true,
    attribution: { from: i, to: np.to },
    perfect: false,
    eventOnly: false,
  };
}

/** "… too early - Mark Blumenthal and Jon Cohen: “…”", "More from Jones: “…”": a headline or "from" and a
 *  dash, then a name, a colon and the quote (news roundups quoting their sources). */
function colonCue(tokens: Token[], i: number): Cue | null {
  if (!isPunct(tokens[i], ':') || tokens[i + 1]?.kind !== 'quote') return null;
  let from = i;
  while (from > 0 && i - from < 6 && (npWord(tokens[from - 1]) || (isPunct(tokens[from - 1], '.') && isWord(tokens[from - 2]) && tokens[from - 2]!.text.length === 1))) from--;
  while (from < i && DETERMINERS.has(tokens[from]!.lower)) from++;
  const name = tokens.slice(from, i).filter(isWord);
  if (name.length === 0 || !name.every((t) => t.cap && !FUNCTION_WORDS.has(t.base) && !t.possessive)) return null;
  const before = tokens[from - 1];
  const marked = isPunct(before, '-–—―') || (isWord(before) && before.lower === 'from' && tokens[from - 2]?.lower === 'more');
  if (!marked) return null;
  const plural = name.some((t) => t.lower === 'and');
  return {
    verb: i,
    verbText: ':',
    info: { takes: 'clause' },
    subject: plural ? { type: 'plural' } : { type: 'np', from, to: i },
    content: { from: i + 1, to: tokens.length },
    trailing: false,
    attribution: { from, to: i + 1 },
    perfect: false,
    eventOnly: false,
  };
}

/** Orders cues, drops cues inside another's reported words, and ends each content at the next cue. */
function settle(tokens: Token[], cues: Cue[]): Cue[] {
  // A trailing cue reports everything before it: cues inside that stretch are part of what was said.
  const trailing = cues.filter((c) => c.trailing);
  let kept = cues.filter((c) => c.trailing || !trailing.some((t) => c.verb >= t.content.from && c.verb < t.content.to));
  // A cue inside another's content, not at a clause boundary, is reported speech itself
  // ("X said Y had told him…"): keep it as content of the outer cue.
  kept = kept.filter((c, n) => {
    if (n === 0 || c.trailing) return true;
    const start = cueStart(c);
    const before = tokens[start - 1];
    const boundary = !before || (before.kind === 'punct') || CLAUSE_STARTERS.has(before.lower) || before.kind === 'quote';
    // A cue with no speaker ("Following initial reports of …") reports nothing another cue could be part of.
    const insideEarlier = kept.slice(0, n).some((e) => !e.trailing && e.subject.type !== 'none' && start >= e.content.from && start < e.content.to);
    return boundary || !insideEarlier;
  });
  // "According to X's remarks, he accused…": the main clause's cue reports; according-to only marks the event.
  for (const cue of kept) {
    if (cue.verbText === 'according to' && !cue.trailing) {
      if (kept.some((c) => c !== cue && c.verb >= cue.content.from)) cue.eventOnly = true;
    }
  }
  // Each content ends where the next cue's clause begins.
  for (let n = 0; n < kept.length; n++) {
    const cue = kept[n]!;
    if (cue.trailing) continue;
    const next = kept.slice(n + 1).find((c) => !c.trailing || c.content.from > cue.verb);
    if (!next) continue;
    const nextStart = next.trailing ? next.content.from : cueStart(next);
    if (nextStart > cue.content.from) cue.content.to = Math.min(cue.content.to, nextStart);
  }
  for (const cue of kept) {
    while (cue.content.to > cue.content.from && isTrimmable(tokens[cue.content.to - 1]!)) cue.content.to--;
  }
  return kept;
}

/** Where a cue's own words begin: its subject, or the relative pronoun that stands for it. */
const cueStart = (c: Cue) => (c.subject.type === 'np' ? c.subject.relative ?? c.subject.from : c.subject.type === 'pronoun' ? c.subject.index : c.verb);

const isTrimmable = (t: Token) => t.kind === 'punct' || CLAUSE_STARTERS.has(t.lower) || t.lower === 'that';
