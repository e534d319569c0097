// Walks one article sentence by sentence: finds cues, resolves their speakers and dates, turns what
// they report into statement drafts, and attributes quotes that carry no cue of their own (a quote
// continued from the paragraph before, or a second quote after "…,” he said.").
import type { IsoDate, StatementKind } from '../types.js';
import type { PeopleIndex, PersonRecord } from './aliases.js';
import type { Cue } from './findCues.js';
import type { Quote } from './findQuotes.js';
import { ANAPHORIC_BODIES, FUNCTION_WORDS, INSTITUTION_HEADS, PERSON_NOUNS, ROLE_HEADS, ROLE_MODIFIERS, SPOKES_HEADS } from './lexicon.js';
import type { PreparedArticle, Sentence } from './prepare.js';
import { speechTime } from './resolveSaidOn.js';
import {
  articleDescriptors,
  articleTitles,
  resolveNounPhrase,
  resolvePronoun,
  type ArticleContext,
  type SpeechEvent,
} from './resolveSpeaker.js';
import { sentenceSubject } from './sentenceSubject.js';
import { personMention, type SpeakerMention } from './salience.js';
import { personSpeaker, provisionalSpeaker, type BodyRegistry, type Speaker } from './speakers.js';

/** "PENCE:", "MR. WALLACE:" opening a paragraph: a speaker label of a transcript. */
const TRANSCRIPT_LABEL = /^["“]?((?:MR|MRS|MS|DR)?\.?\s?[A-Z][A-Z'’-]{2,}(?:\s[A-Z][A-Z'’-]+){0,2}):\s+/;
import type { Token } from './tokens.js';
import type { NameChain } from './nameMentions.js';

export interface Draft {
  doc: string;
  paragraph: number;
  speaker: Speaker;
  kind: StatementKind;
  text: string;
  saidOn: IsoDate | null;
  cue: string;
  /** Offset in the paragraph, so pieces merge in reading order. */
  at: number;
  /** How the speaker was chosen, when asked (`quotes --explain`). */
  why?: string;
}

interface Owner {
  speaker: Speaker;
  saidOn: IsoDate | null;
  cue: string;
  why?: string;
}

/** Words after a name that do not make it a clause's subject: "…, Ed Balls and Mr Brown", "…, Smith of Acme". */
const CLAUSE_WORDS = new Set(['and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'who', 'whose', 'which', 'that', 'the', 'a', 'an', 'as']);

const CONTINUING_VERBS = /^(add|adds|added|adding|continue|continues|continued|continuing)$/;

export function findStatements(prepared: PreparedArticle, people: PeopleIndex, bodies: BodyRegistry, explain = false): Draft[] {
  const { article } = prepared;
  const doc = article.doc;
  const publishedOn = article.publishedOn;
  const ctx: ArticleContext = {
    doc,
    people,
    bodies,
    titles: articleTitles(prepared.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.chains)), people, doc),
    descriptors: articleDescriptors(prepared.paragraphs.flatMap((p) => p.sentences), people, doc),
    history: [],
  };
  const drafts: Draft[] = [];
  let openOwner: Owner | null = null; // a direct quote left open at the end of the last paragraph
  let colonOwner: Owner | null = null; // "He said:" ending the last paragraph, the quote to come
  let lastParagraphOwner: Owner | null = null; // who the last paragraph quoted or reported, if one person
  // "…, a Home Office minister has said. ¶ Hazel Blears said …": a speaker described but not named,
  // waiting for the next sentence to name them (the news lead's convention).
  let pending: { sentence: number; insertAt: number; emitFor: (owner: Owner) => Draft[]; office: string | null } | null = null;

  for (const para of prepared.paragraphs) {
    const paragraph = para.passage.paragraph;
    const covered = new Set<Quote>();
    const noCues = para.sentences.every((s) => s.cues.length === 0);
    const draftsBefore = drafts.length;
    // A transcript line, "PENCE: Well, look, …": the capitalised label is the speaker.
    const label = TRANSCRIPT_LABEL.exec(para.text);
    if (label) {
      const name = label[1]!.split(/\s+/).map((w) => w[0] + w.slice(1).toLowerCase());
      const person = name.length === 1 ? people.lookupWord(name[0]!, doc, null) : people.lookupFull(name);
      const speaker = person ? personSpeaker(person) : provisionalSpeaker(name.join(' '));
      const text = para.text.slice(label[0].length).replace(/["”]\s*$/, '').trim();
      if (text) drafts.push({ doc, paragraph, speaker, kind: 'direct', text, saidOn: null, cue: `${label[1]}:`, at: 0 });
      openOwner = null;
      colonOwner = null;
      lastParagraphOwner = null;
      continue;
    }
    let lastDirect: Owner | null = null;
    let lastQuoteOwner: Owner | null = null;
    // Quotes that open a sentence with no cue and no speaker yet, and who reported each quote.
    const orphans: { quote: Quote; sentenceNo: number; sentence: number }[] = [];
    const quoteOwners = new Map<Quote, Owner>();
    // Who each sentence of the paragraph reported: an uncued quote after a sentence that reported one
    // person continues them.
    const sentenceOwners: Owner[][] = para.sentences.map(() => []);
    let sentenceAt = 0;
    const emit = (owner: Owner, kind: StatementKind, text: string, at: number) => {
      if (text.trim()) sentenceOwners[sentenceAt]?.push(owner);
      if (text.trim()) drafts.push({ doc, paragraph, speaker: owner.speaker, kind, text: text.trim(), saidOn: owner.saidOn, cue: owner.cue, at, ...(owner.why ? { why: owner.why } : {}) });
    };

    para.sentences.forEach((sentence, sentenceNo) => {
      sentenceAt = sentenceNo;
      const tokens = sentence.tokens;
      const cues = sentence.cues;
      const events: SpeechEvent[] = [];
      const main = sentenceSubject(tokens, sentence.chains, ctx);
      const mainSpeaker = main && 'speaker' in main ? main.speaker : null;
      const resolved: (Speaker | null)[] = [];
      const previous = ctx.history[ctx.history.length - 1];

      const trailingEnds = new Map<number, Owner>(); // token after a trailing cue → its owner
      cues.forEach((cue, n) => {
        ctx.explain = explain ? [`subject ${describeSubject(cue, tokens)}`] : null;
        const { speaker, antecedent, anaphoric } = speakerOf(cue, n, tokens, sentence, ctx, events, resolved, mainSpeaker);
        const why = ctx.explain?.join(' · ');
        ctx.explain = null;
        resolved.push(speaker);
        const contentTokens = tokens.slice(cue.content.from, cue.content.to);
        const quotes = contentTokens.filter((t) => t.kind === 'quote').map((t) => t.quote!);
        quotes.forEach((q) => covered.add(q));
        if (!speaker) {
          const described = describedSpeaker(cue, tokens);
          if (described !== undefined && !cue.eventOnly && cue.info.takes !== 'event') {
            const cueWords = cueText(para.text, tokens, cue);
            pending = {
              sentence: sentence.index,
              insertAt: drafts.length,
              office: described,
              emitFor: (owner) => {
                const found: Draft[] = [];
                const words = contentTokens.filter((t) => t.kind === 'word');
                const at = contentTokens[0]?.start ?? 0;
                const base = { doc, paragraph, speaker: owner.speaker, saidOn: null, cue: cueWords, at, why: `${owner.why}` };
                if (quotes.length > 0) found.push({ ...base, kind: words.length === 0 ? 'direct' : 'partial', text: quotes.map(quoteText).join(' … ') });
                else if (cue.info.takes === 'clause' && words.length >= 3 && !objectWithoutClause(cue, tokens)) found.push({ ...base, kind: 'indirect', text: reportedClause(para.text, contentTokens) });
                return found.filter((d) => d.text);
              },
            };
          }
          return;
        }
        // The description the lead left waiting is the first person the next sentence names as a speaker.
        if (pending && cue.subject.type === 'np' && speaker.person && sentence.index - pending.sentence <= 2 && !holdsOtherOffice(speaker, pending.office, doc)) {
          const late = pending.emitFor({ speaker, saidOn: null, cue: '', why: `described, then named in the next sentence as ${speaker.name}` });
          drafts.splice(pending.insertAt, 0, ...late);
          pending = null;
        }

        // When: a time in the attribution words, else the time of the speech event it continues.
        let saidOn = speechTime(para.masked, dateRegions(cue, tokens, sentence, main), sentence.start, publishedOn);
        if (!saidOn && !cue.perfect) {
          const inherits = anaphoric || cue.subject.type === 'coordinated' || cue.subject.type === 'main';
          if (inherits && antecedent && antecedent.sentence >= sentence.index - 1) saidOn = antecedent.saidOn;
          if (!saidOn && CONTINUING_VERBS.test(cue.verbText.toLowerCase())) {
            saidOn = previous?.events.find((e) => e.speaker.name === speaker.name)?.saidOn ?? null;
          }
        }
        // "Putin called a ceasefire": a verb that speaks only with quoted words is no speech without them.
        if (cue.info.takes !== 'quote' || quotes.length > 0) events.push({ speaker, saidOn, sentence: sentence.index });
        if (cue.eventOnly || cue.info.takes === 'event') return;

        const owner: Owner = { speaker, saidOn, cue: cueText(para.text, tokens, cue), ...(why ? { why } : {}) };
        const words = contentTokens.filter((t) => t.kind === 'word');
        const clauses = quotes.length > 0 && words.length > 0 ? coordinatedClauses(contentTokens) : [];
        if (clauses.length > 1) {
          // "said he would not launch an inquiry and that reports were not “well informed”": each
          // reported clause on its own, the one with quoted words as partial, the other as indirect.
          for (const q of quotes) quoteOwners.set(q, owner);
          for (const clause of clauses) {
            const inClause = clause.filter((t) => t.kind === 'quote').map((t) => t.quote!);
            if (inClause.length > 0) emit(owner, 'partial', inClause.map(quoteText).join(' … '), inClause[0]!.start);
            else if (cue.info.takes === 'clause' && clause.filter((t) => t.kind === 'word').length >= 3) emit(owner, 'indirect', reportedClause(para.text, clause), clause[0]?.start ?? 0);
          }
          lastQuoteOwner = owner;
          if (quotes.some((q) => !q.closed)) openOwner = owner;
        } else if (quotes.length > 0) {
          for (const q of quotes) quoteOwners.set(q, owner);
          const direct = words.length === 0;
          emit(owner, direct ? 'direct' : 'partial', quotes.map(quoteText).join(' … '), quotes[0]!.start);
          lastQuoteOwner = owner;
          if (direct) lastDirect = owner;
          if (quotes.some((q) => !q.closed)) openOwner = owner;
          if (cue.trailing) trailingEnds.set(cue.attribution.to, owner);
        } else if (cue.info.takes === 'clause' && words.length >= 3 && !objectWithoutClause(cue, tokens)) {
          emit(owner, 'indirect', reportedClause(para.text, contentTokens), contentTokens[0]?.start ?? 0);
        }
      });

      // Quotes no cue reported.
      tokens.forEach((t, k) => {
        if (t.kind !== 'quote' || covered.has(t.quote!)) return;
        const q = t.quote!;
        const startsSentence = k === 0;
        let owner: Owner | null = null;
        let before = k;
        while (before > 0 && tokens[before - 1]!.text === ',') before--;
        if (q.continues && openOwner) owner = { ...openOwner, cue: continued(openOwner.cue), why: 'a quote left open in the paragraph before' };
        else if (trailingEnds.has(before)) owner = trailingEnds.get(before)!; // "“…,” he said, “…”
        else if (startsSentence && sentenceNo === 0 && colonOwner && para.quotes[0] === q) owner = colonOwner;
        // A paragraph that is only quoted words, right after a paragraph that reported one person:
        // the news convention for "Sanders told X that … ¶ “This is what I know …”".
        else if (startsSentence && sentenceNo === 0 && lastParagraphOwner && para.quotes[0] === q && noCues) owner = { ...lastParagraphOwner, cue: continued(lastParagraphOwner.cue) };
        else if (startsSentence && lastDirect) owner = lastDirect;
        else if (startsSentence && cues.length === 0 && lastQuoteOwner && tokens.length === 1) owner = lastQuoteOwner;
        covered.add(q);
        if (!owner) {
          if (startsSentence && cues.length === 0) orphans.push({ quote: q, sentenceNo, sentence: sentence.index });
          return;
        }
        emit(owner, 'direct', quoteText(q), q.start);
        events.push({ speaker: owner.speaker, saidOn: owner.saidOn, sentence: sentence.index });
        lastDirect = owner;
        if (!q.closed) openOwner = owner;
      });

      const named = sentence.chains.map((c) => ({ chain: c, person: c.name.length > 0 ? people.resolve(c, doc) : null }));
      const persons = named.map((n) => n.person).filter((p): p is PersonRecord => p !== null);
      ctx.history.push({ index: sentence.index, events, mainSubject: mainSpeaker, persons, mentions: sentenceMentions(events, mainSpeaker, named, tokens) });
    });

    // A quote no cue reported, opening its sentence: the speaker of the quote that opens the next
    // sentence with a cue after it ("“A.” “B,” he added."), else, at the top of the paragraph, the
    // one person the paragraph before reported (a paragraph opening with a quote continues them).
    for (const orphan of orphans) {
      const next = para.sentences[orphan.sentenceNo + 1]?.tokens[0];
      const nextOwner = next?.kind === 'quote' ? quoteOwners.get(next.quote!) : undefined;
      let owner: Owner | null = nextOwner ? { ...nextOwner, why: 'no cue: the speaker of the next quote' } : null;
      // A signed quote ("“…” ― Name") ends with its signature: the next one is someone else's.
      const signed = lastParagraphOwner && /^[―—–-]/.test(lastParagraphOwner.cue);
      if (!owner && orphan.sentenceNo === 0 && para.quotes[0] === orphan.quote && lastParagraphOwner && !signed) owner = { ...lastParagraphOwner, cue: continued(lastParagraphOwner.cue), why: 'no cue: opens the paragraph after one that reported this speaker' };
      const before = orphan.sentenceNo > 0 ? soleOwner(sentenceOwners[orphan.sentenceNo - 1]!) : null;
      if (!owner && before) owner = { ...before, cue: continued(before.cue), why: 'no cue: follows a sentence that reported this speaker alone' };
      if (!owner) continue;
      sentenceAt = orphan.sentenceNo;
      emit(owner, 'direct', quoteText(orphan.quote), orphan.quote.start);
      quoteOwners.set(orphan.quote, owner);
      ctx.history.find((h) => h.index === orphan.sentence)?.events.push({ speaker: owner.speaker, saidOn: owner.saidOn, sentence: orphan.sentence });
    }

    // A quote runs on only from a paragraph that ends inside it.
    const lastQuote = para.quotes[para.quotes.length - 1];
    if (!lastQuote || lastQuote.closed) openOwner = null;
    colonOwner = endsWithColon(para.masked) ? lastSpeakerOf(ctx) : null;
    const reported = drafts.slice(draftsBefore);
    const speakers = new Set(reported.map((d) => d.speaker.name));
    const last = reported[reported.length - 1];
    // Who the paragraph left off with: its one speaker, or the one its last reporting sentence reported alone.
    const lastReported = [...sentenceOwners].reverse().find((owners) => owners.length > 0);
    const closing = lastReported ? soleOwner(lastReported) : null;
    lastParagraphOwner = last && speakers.size === 1 && last.speaker.human && !last.speaker.plural ? { speaker: last.speaker, saidOn: last.saidOn, cue: last.cue } : closing ? { speaker: closing.speaker, saidOn: closing.saidOn, cue: closing.cue } : null;
  }
  return drafts;
}

function speakerOf(
  cue: Cue,
  n: number,
  tokens: Token[],
  sentence: Sentence,
  ctx: ArticleContext,
  events: SpeechEvent[],
  resolved: (Speaker | null)[],
  mainSpeaker: Speaker | null,
): { speaker: Speaker | null; antecedent: SpeechEvent | null; anaphoric: boolean } {
  const subject = cue.subject;
  switch (subject.type) {
    case 'np': {
      const speaker = resolveNounPhrase(tokens, subject.from, subject.to, sentence.chains, ctx);
      const head = tokens[subject.to - 1]!;
      const anaphoric = !head.cap && ANAPHORIC_BODIES.has(head.lower);
      const antecedent = anaphoric && speaker ? lastEventOf(speaker, events, ctx) : null;
      return { speaker, antecedent, anaphoric };
    }
    case 'pronoun': {
      const found = resolvePronoun(subject.pronoun, events, ctx);
      return { speaker: found?.speaker ?? null, antecedent: found?.event ?? null, anaphoric: true };
    }
    case 'coordinated': {
      const speaker = resolved[n - 1] ?? null;
      return { speaker, antecedent: events[events.length - 1] ?? null, anaphoric: false };
    }
    case 'main':
      return { speaker: mainSpeaker, antecedent: mainSpeaker ? lastEventOf(mainSpeaker, events, ctx) : null, anaphoric: false };
    default:
      return { speaker: null, antecedent: null, anaphoric: false };
  }
}

function lastEventOf(speaker: Speaker, events: SpeechEvent[], ctx: ArticleContext): SpeechEvent | null {
  const recent = [...(ctx.history[ctx.history.length - 1]?.events ?? []), ...events];
  for (let i = recent.length - 1; i >= 0; i--) if (recent[i]!.speaker.name === speaker.name) return recent[i]!;
  return null;
}

function lastSpeakerOf(ctx: ArticleContext): Owner | null {
  const event = ctx.history[ctx.history.length - 1]?.events.at(-1);
  return event ? { speaker: event.speaker, saidOn: event.saidOn, cue: 'said:' } : null;
}

/** Stretches of the paragraph where the time of this speech event may be written. */
function dateRegions(cue: Cue, tokens: Token[], sentence: Sentence, main: ReturnType<typeof sentenceSubject>): { start: number; end: number }[] {
  const span = (from: number, to: number) => ({ start: tokens[from]?.start ?? sentence.start, end: tokens[to - 1]?.end ?? sentence.end });
  const regions = [span(cue.attribution.from, cue.attribution.to)];
  const subjectStart = cue.subject.type === 'np' ? cue.subject.from : cue.subject.type === 'pronoun' ? cue.subject.index : -1;
  const mainSpan = main && 'from' in main ? main : null;
  // A leading adverbial before the subject: "On Wednesday morning, the Foreign Office confirmed…",
  // "Speaking during a press conference on Monday, Mr Trump pledged…".
  const leadEnd = subjectStart >= 0 ? subjectStart : cue.subject.type === 'main' && mainSpan ? mainSpan.from : -1;
  if (leadEnd > 0 && tokens[leadEnd - 1]?.text === ',' && isLeadingPhrase(tokens[0]!)) regions.push(span(0, leadEnd - 1));
  // A participle's own clause: "…, backing him in a phone call on Wednesday … and saying that…".
  if (cue.subject.type === 'main' && mainSpan) {
    if (cue.verb < mainSpan.from) regions.push(span(cue.verb, mainSpan.from));
    else regions.push(span(mainSpan.to, cue.verb));
  }
  return regions;
}

const isLeadingPhrase = (first: Token) =>
  first.kind === 'word' && ((first.cap && FUNCTION_WORDS.has(first.base) && !['The', 'A', 'An'].includes(first.base)) || /ing$/.test(first.lower));

function cueText(text: string, tokens: Token[], cue: Cue): string {
  const first = tokens[cue.attribution.from];
  const last = tokens[cue.attribution.to - 1];
  if (!first || !last) return '';
  return text.slice(first.start, last.end).replace(/[\s,:;–—-]+$/, '').trim();
}

const continued = (cue: string) => (cue.endsWith('(continued)') ? cue : `${cue} (continued)`);

/** The quoted words without marks; the comma that closes a quote before "he said" is punctuation. */
const quoteText = (q: Quote) => q.text.replace(/,$/, '').trim();

function reportedClause(text: string, content: Token[]): string {
  const words = content.filter((t) => t.kind !== 'punct');
  if (words.length === 0) return '';
  let from = 0;
  while (words[from]?.lower === 'that') from++;
  const first = words[from];
  const last = words[words.length - 1];
  if (!first || !last) return '';
  // Symbols the tokens leave out belong to the clause: "3.7%", "£3.5bn", "(£640m)".
  let start = first.start;
  while (start > 0 && /[£$€¥#(]/.test(text[start - 1]!)) start--;
  const tail = /^[%‰°+)]*/.exec(text.slice(last.end))![0];
  return text.slice(start, last.end + tail.length).trim();
}

/**
 * The cue's subject when it describes a person without naming them: the office's words for a title
 * ("a Home Office minister", "the new health minister for Wales"), '' for a description ("the
 * singer"); undefined otherwise (a name, a pronoun, a body).
 */
function describedSpeaker(cue: Cue, tokens: Token[]): string | null | undefined {
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
function holdsOtherOffice(speaker: Speaker, office: string | null, doc: string): boolean {
  if (!office || !speaker.person) return false;
  const head = office.toLowerCase().split(' ').at(-1)!;
  return speaker.person.roles.some((r) => r.doc === doc && !r.role.toLowerCase().split(/\s+/).includes(head) && ROLE_HEADS.has(r.role.toLowerCase().split(/\s+/).at(-1)!) && !['chief', 'head'].includes(r.role.toLowerCase().split(/\s+/).at(-1)!));
}

/** A reported content split where "and that" / "but that" starts a second reported clause. */
function coordinatedClauses(content: Token[]): Token[][] {
  const parts: Token[][] = [];
  let from = 0;
  for (let k = 1; k + 1 < content.length; k++) {
    const t = content[k]!;
    if (t.kind === 'word' && (t.lower === 'and' || t.lower === 'but') && content[k + 1]!.lower === 'that') {
      parts.push(content.slice(from, k));
      from = k + 2;
    }
  }
  if (parts.length === 0) return [];
  parts.push(content.slice(from));
  return parts.filter((p) => p.length > 0);
}

/** The one person a sentence reported, if exactly one (not a body speaking as "they"). */
function soleOwner(owners: Owner[]): Owner | null {
  const names = new Set(owners.map((o) => o.speaker.name));
  const last = owners[owners.length - 1];
  return last && names.size === 1 && last.speaker.human && !last.speaker.plural && !/^[―—–-]/.test(last.cue) ? last : null;
}

/**
 * "accused its predecessor of corruption", "asked him to stay": a verb whose object comes first and
 * no "that" or colon follows reports an act, not words (a quote inside still counts as partial).
 */
function objectWithoutClause(cue: Cue, tokens: Token[]): boolean {
  if (!cue.info.object || cue.trailing || cue.content.from !== cue.verb + 1) return false;
  if (/^(tell|tells|told|telling|inform|informs|informed|assure|assures|assured)$/.test(cue.verbText.toLowerCase())) return false;
  return tokens[cue.verb + 1]?.lower !== 'that';
}

/** The cue's subject as `quotes --explain` shows it: "np “the Dutchman”", "pronoun he". */
function describeSubject(cue: Cue, tokens: Token[]): string {
  const s = cue.subject;
  if (s.type === 'np') return `“${tokens.slice(s.from, s.to).map((t) => t.text).join(' ')}”`;
  if (s.type === 'pronoun') return `pronoun “${s.pronoun}”`;
  return s.type;
}

const endsWithColon = (masked: string) => /:\s*$/.test(masked);

/**
 * The sentence's mentions by role: speakers of its cues; its subject: the main subject found, or a
 * name that opens the sentence or its main clause (after a leading phrase and a comma) with a verb
 * after it ("Formerly one of Mr Brown's aides, Ed Balls hinted…"); every other name.
 */
function sentenceMentions(events: SpeechEvent[], subject: Speaker | null, named: { chain: NameChain; person: PersonRecord | null }[], tokens: Token[]): SpeakerMention[] {
  const mentions: SpeakerMention[] = events.map((e) => ({ speaker: e.speaker, role: 'speaker' }));
  if (subject) mentions.push({ speaker: subject, role: 'subject' });
  for (const { chain, person } of named) {
    if (!person) continue;
    const before = tokens[chain.first - 1];
    const after = tokens[chain.last + 1];
    const opensClause = chain.first === 0 || (before?.text === ',' && after?.kind === 'word' && !after.cap && !CLAUSE_WORDS.has(after.lower));
    mentions.push(personMention(person, opensClause && !chain.possessive ? 'subject' : 'other'));
  }
  return mentions;
}
