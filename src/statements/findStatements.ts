// Walks one article sentence by sentence: finds cues, resolves their speakers and dates, turns what
// they report into statement drafts, and attributes quotes that carry no cue of their own (a quote
// continued from the paragraph before, a second quote after "…,” he said.", a quote after a sentence
// that reported one person). Who a pronoun or description means is decided by one ranking
// (salience.ts); what a cue reports, by reportedContent.ts; when, by resolveSaidOn.ts.
import type { IsoDate, StatementKind } from '../types.js';
import type { PeopleIndex, PersonRecord } from './aliases.js';
import type { Cue } from './findCues.js';
import type { Quote } from './findQuotes.js';
import { ANAPHORIC_BODIES } from './lexicon.js';
import type { PreparedArticle, PreparedParagraph, Sentence } from './prepare.js';
import { continued, cueText, quotesIn, quoteText, reportedPieces, type ReportedPiece } from './reportedContent.js';
import { dateRegions, speechTime } from './resolveSaidOn.js';
import {
  articleDescriptors,
  articleTitles,
  describedSpeaker,
  holdsOtherOffice,
  resolveNounPhrase,
  resolvePronoun,
  type ArticleContext,
  type SpeechEvent,
} from './resolveSpeaker.js';
import { sentenceMentions } from './salience.js';
import { sentenceSubject, type MainSubject } from './sentenceSubject.js';
import { personSpeaker, provisionalSpeaker, type BodyRegistry, type Speaker } from './speakers.js';
import type { Token } from './tokens.js';

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

/** Who reported something, with when and the words that say so: what a statement is drafted from. */
interface Owner {
  speaker: Speaker;
  saidOn: IsoDate | null;
  cue: string;
  why?: string;
}

/** "PENCE:", "MR. WALLACE:" opening a paragraph: a speaker label of a transcript. */
const TRANSCRIPT_LABEL = /^["“]?((?:MR|MRS|MS|DR)?\.?\s?[A-Z][A-Z'’-]{2,}(?:\s[A-Z][A-Z'’-]+){0,2}):\s+/;
const CONTINUING_VERBS = /^(add|adds|added|adding|continue|continues|continued|continuing)$/;

export function findStatements(prepared: PreparedArticle, people: PeopleIndex, bodies: BodyRegistry, explain = false): Draft[] {
  return new StatementFinder(prepared, people, bodies, explain).find();
}

/** What one paragraph's reading keeps while it walks its sentences. */
interface ParagraphState {
  para: PreparedParagraph;
  covered: Set<Quote>;
  /** Who reported each quote. */
  quoteOwners: Map<Quote, Owner>;
  /** Who each sentence reported, by sentence of the paragraph. */
  sentenceOwners: Owner[][];
  /** Quotes that open a sentence with no cue and no speaker yet. */
  orphans: { quote: Quote; sentenceNo: number; sentence: number }[];
  lastDirect: Owner | null;
  lastQuoteOwner: Owner | null;
  sentenceNo: number;
}

/** What one sentence's reading keeps while it walks its cues. */
interface SentenceState {
  sentence: Sentence;
  events: SpeechEvent[];
  main: MainSubject;
  mainSpeaker: Speaker | null;
  resolved: (Speaker | null)[];
  /** Token after a trailing cue → its owner ("“…,” he said, “…”"). */
  trailingEnds: Map<number, Owner>;
}

class StatementFinder {
  private readonly ctx: ArticleContext;
  private readonly drafts: Draft[] = [];
  private readonly doc: string;
  /** A direct quote left open at the end of the last paragraph. */
  private openOwner: Owner | null = null;
  /** "He said:" ending the last paragraph: the quote to come. */
  private colonOwner: Owner | null = null;
  /** Who the last paragraph left off with, if one person. */
  private lastParagraphOwner: Owner | null = null;
  /**
   * "…, a Home Office minister has said. ¶ Hazel Blears said …": a speaker described but not named,
   * waiting for the next sentences to name them (the news lead's convention).
   */
  private pending: { sentence: number; insertAt: number; office: string | null; paragraph: number; pieces: ReportedPiece[]; cue: string } | null = null;

  constructor(
    private readonly prepared: PreparedArticle,
    private readonly people: PeopleIndex,
    bodies: BodyRegistry,
    private readonly explain: boolean,
  ) {
    this.doc = prepared.article.doc;
    const sentences = prepared.paragraphs.flatMap((p) => p.sentences);
    this.ctx = {
      doc: this.doc,
      people,
      bodies,
      titles: articleTitles(sentences.flatMap((s) => s.chains), people, this.doc),
      descriptors: articleDescriptors(sentences, people, this.doc),
      history: [],
    };
  }

  find(): Draft[] {
    for (const para of this.prepared.paragraphs) {
      if (!this.readTranscriptLine(para)) this.readParagraph(para);
    }
    return this.drafts;
  }

  /** A transcript line, "PENCE: Well, look, …": the capitalised label is the speaker. */
  private readTranscriptLine(para: PreparedParagraph): boolean {
    const label = TRANSCRIPT_LABEL.exec(para.text);
    if (!label) return false;
    const name = label[1]!.split(/\s+/).map((w) => w[0] + w.slice(1).toLowerCase());
    const person = name.length === 1 ? this.people.lookupWord(name[0]!, this.doc, null) : this.people.lookupFull(name);
    const speaker = person ? personSpeaker(person) : provisionalSpeaker(name.join(' '));
    const text = para.text.slice(label[0].length).replace(/["”]\s*$/, '').trim();
    if (text) this.drafts.push({ doc: this.doc, paragraph: para.passage.paragraph, speaker, kind: 'direct', text, saidOn: null, cue: `${label[1]}:`, at: 0 });
    this.openOwner = null;
    this.colonOwner = null;
    this.lastParagraphOwner = null;
    return true;
  }

  private readParagraph(para: PreparedParagraph): void {
    const draftsBefore = this.drafts.length;
    const state: ParagraphState = {
      para,
      covered: new Set(),
      quoteOwners: new Map(),
      sentenceOwners: para.sentences.map(() => []),
      orphans: [],
      lastDirect: null,
      lastQuoteOwner: null,
      sentenceNo: 0,
    };
    para.sentences.forEach((sentence, sentenceNo) => {
      state.sentenceNo = sentenceNo;
      this.readSentence(state, sentence);
    });
    this.readOrphans(state);
    this.closeParagraph(state, draftsBefore);
  }

  private readSentence(state: ParagraphState, sentence: Sentence): void {
    const main = sentenceSubject(sentence.tokens, sentence.chains, this.ctx);
    const s: SentenceState = { sentence, events: [], main, mainSpeaker: main && 'speaker' in main ? main.speaker : null, resolved: [], trailingEnds: new Map() };
    sentence.cues.forEach((cue, n) => this.readCue(state, s, cue, n));
    sentence.tokens.forEach((t, k) => {
      if (t.kind === 'quote' && !state.covered.has(t.quote!)) this.readUncuedQuote(state, s, t.quote!, k);
    });
    const named = sentence.chains.map((c) => ({ chain: c, person: c.name.length > 0 ? this.people.resolve(c, this.doc) : null }));
    const persons = named.map((n) => n.person).filter((p): p is PersonRecord => p !== null);
    this.ctx.history.push({ index: sentence.index, events: s.events, mainSubject: s.mainSpeaker, persons, mentions: sentenceMentions(s.events, s.mainSpeaker, named, sentence.tokens) });
  }

  private readCue(state: ParagraphState, s: SentenceState, cue: Cue, n: number): void {
    const { tokens, index } = s.sentence;
    const ctx = this.ctx;
    ctx.explain = this.explain ? [`subject ${describeSubject(cue, tokens)}`] : null;
    const { speaker, antecedent, anaphoric } = speakerOf(cue, n, s, ctx);
    const why = ctx.explain?.join(' · ');
    ctx.explain = null;
    s.resolved.push(speaker);
    const quotes = quotesIn(tokens.slice(cue.content.from, cue.content.to));
    quotes.forEach((q) => state.covered.add(q));
    if (!speaker) {
      this.waitForName(state, s.sentence, cue);
      return;
    }
    this.nameWaiting(s.sentence, cue, speaker);

    // When: a time in the attribution words, else the time of the speech event it continues.
    const para = state.para;
    let saidOn = speechTime(para.masked, dateRegions(cue, tokens, s.sentence, s.main), s.sentence.start, this.prepared.article.publishedOn);
    if (!saidOn && !cue.perfect) {
      const inherits = anaphoric || cue.subject.type === 'coordinated' || cue.subject.type === 'main';
      if (inherits && antecedent && antecedent.sentence >= index - 1) saidOn = antecedent.saidOn;
      if (!saidOn && CONTINUING_VERBS.test(cue.verbText.toLowerCase())) {
        saidOn = ctx.history[ctx.history.length - 1]?.events.find((e) => e.speaker.name === speaker.name)?.saidOn ?? null;
      }
    }
    // "Putin called a ceasefire": a verb that speaks only with quoted words is no speech without them.
    if (cue.info.takes !== 'quote' || quotes.length > 0) s.events.push({ speaker, saidOn, sentence: index });
    if (cue.eventOnly || cue.info.takes === 'event') return;

    const owner: Owner = { speaker, saidOn, cue: cueText(para.text, tokens, cue), ...(why ? { why } : {}) };
    const pieces = reportedPieces(cue, tokens, para.text);
    for (const piece of pieces) this.emit(state, owner, piece);
    if (quotes.length === 0) return;
    for (const q of quotes) state.quoteOwners.set(q, owner);
    state.lastQuoteOwner = owner;
    if (quotes.some((q) => !q.closed)) this.openOwner = owner;
    if (pieces.length === 1 && pieces[0]!.kind === 'direct') state.lastDirect = owner;
    if (pieces.length === 1 && cue.trailing) s.trailingEnds.set(cue.attribution.to, owner);
  }

  /** A quote no cue reported, read where it stands. */
  private readUncuedQuote(state: ParagraphState, s: SentenceState, q: Quote, k: number): void {
    const { tokens, cues, index } = s.sentence;
    const para = state.para;
    const startsSentence = k === 0;
    const first = state.sentenceNo === 0 && para.quotes[0] === q;
    const noCues = para.sentences.every((x) => x.cues.length === 0);
    let before = k;
    while (before > 0 && tokens[before - 1]!.text === ',') before--;
    let owner: Owner | null = null;
    if (q.continues && this.openOwner) owner = { ...this.openOwner, cue: continued(this.openOwner.cue), why: 'a quote left open in the paragraph before' };
    else if (s.trailingEnds.has(before)) owner = s.trailingEnds.get(before)!; // "“…,” he said, “…”
    else if (startsSentence && first && this.colonOwner) owner = this.colonOwner;
    // A paragraph that is only quoted words, right after a paragraph that reported one person:
    // the news convention for "Sanders told X that … ¶ “This is what I know …”".
    else if (startsSentence && first && this.lastParagraphOwner && noCues) owner = { ...this.lastParagraphOwner, cue: continued(this.lastParagraphOwner.cue) };
    else if (startsSentence && state.lastDirect) owner = state.lastDirect;
    else if (startsSentence && cues.length === 0 && state.lastQuoteOwner && tokens.length === 1) owner = state.lastQuoteOwner;
    state.covered.add(q);
    if (!owner) {
      if (startsSentence && cues.length === 0) state.orphans.push({ quote: q, sentenceNo: state.sentenceNo, sentence: index });
      return;
    }
    this.emit(state, owner, { kind: 'direct', text: quoteText(q), at: q.start });
    s.events.push({ speaker: owner.speaker, saidOn: owner.saidOn, sentence: index });
    state.lastDirect = owner;
    if (!q.closed) this.openOwner = owner;
  }

  /**
   * Quotes no cue reported, opening their sentence: the speaker of the quote that opens the next
   * sentence with a cue after it ("“A.” “B,” he added."); at the top of the paragraph, whoever the
   * paragraph before left off with; else the one person the sentence before reported alone.
   */
  private readOrphans(state: ParagraphState): void {
    const para = state.para;
    for (const orphan of state.orphans) {
      const next = para.sentences[orphan.sentenceNo + 1]?.tokens[0];
      const nextOwner = next?.kind === 'quote' ? state.quoteOwners.get(next.quote!) : undefined;
      let owner: Owner | null = nextOwner ? { ...nextOwner, why: 'no cue: the speaker of the next quote' } : null;
      // A signed quote ("“…” ― Name") ends with its signature: the next one is someone else's.
      const previous = this.lastParagraphOwner;
      if (!owner && orphan.sentenceNo === 0 && para.quotes[0] === orphan.quote && previous && !isSignature(previous.cue)) {
        owner = { ...previous, cue: continued(previous.cue), why: 'no cue: opens the paragraph after one that reported this speaker' };
      }
      const before = orphan.sentenceNo > 0 ? soleOwner(state.sentenceOwners[orphan.sentenceNo - 1]!) : null;
      if (!owner && before) owner = { ...before, cue: continued(before.cue), why: 'no cue: follows a sentence that reported this speaker alone' };
      if (!owner) continue;
      state.sentenceNo = orphan.sentenceNo;
      this.emit(state, owner, { kind: 'direct', text: quoteText(orphan.quote), at: orphan.quote.start });
      state.quoteOwners.set(orphan.quote, owner);
      this.ctx.history.find((h) => h.index === orphan.sentence)?.events.push({ speaker: owner.speaker, saidOn: owner.saidOn, sentence: orphan.sentence });
    }
  }

  /** What the next paragraph inherits: an open quote, a colon's speaker, whoever this one left off with. */
  private closeParagraph(state: ParagraphState, draftsBefore: number): void {
    const para = state.para;
    const lastQuote = para.quotes[para.quotes.length - 1];
    // A quote runs on only from a paragraph that ends inside it.
    if (!lastQuote || lastQuote.closed) this.openOwner = null;
    this.colonOwner = /:\s*$/.test(para.masked) ? lastSpeakerOf(this.ctx) : null;
    const reported = this.drafts.slice(draftsBefore);
    const speakers = new Set(reported.map((d) => d.speaker.name));
    const last = reported[reported.length - 1];
    // Its one speaker, or the one its last reporting sentence reported alone.
    const lastReported = [...state.sentenceOwners].reverse().find((owners) => owners.length > 0);
    const closing = lastReported ? soleOwner(lastReported) : null;
    if (last && speakers.size === 1 && last.speaker.human && !last.speaker.plural) this.lastParagraphOwner = { speaker: last.speaker, saidOn: last.saidOn, cue: last.cue };
    else this.lastParagraphOwner = closing ? { speaker: closing.speaker, saidOn: closing.saidOn, cue: closing.cue } : null;
  }

  /** A cue whose subject describes a person without naming them waits for the next sentences to name them. */
  private waitForName(state: ParagraphState, sentence: Sentence, cue: Cue): void {
    const office = describedSpeaker(cue, sentence.tokens);
    if (office === undefined || cue.eventOnly || cue.info.takes === 'event') return;
    const pieces = reportedPieces(cue, sentence.tokens, state.para.text);
    if (pieces.length === 0) return;
    this.pending = { sentence: sentence.index, insertAt: this.drafts.length, office, paragraph: state.para.passage.paragraph, pieces, cue: cueText(state.para.text, sentence.tokens, cue) };
  }

  /** The first person a following sentence names as a speaker is the one the lead described. */
  private nameWaiting(sentence: Sentence, cue: Cue, speaker: Speaker): void {
    const pending = this.pending;
    if (!pending || cue.subject.type !== 'np' || !speaker.person) return;
    if (sentence.index - pending.sentence > 2) {
      this.pending = null;
      return;
    }
    if (holdsOtherOffice(speaker, pending.office, this.doc)) return;
    const why = `described, then named in the next sentence as ${speaker.name}`;
    const late = pending.pieces.map((p): Draft => ({ doc: this.doc, paragraph: pending.paragraph, speaker, kind: p.kind, text: p.text.trim(), saidOn: null, cue: pending.cue, at: p.at, why }));
    this.drafts.splice(pending.insertAt, 0, ...late);
    this.pending = null;
  }

  private emit(state: ParagraphState, owner: Owner, piece: ReportedPiece): void {
    const text = piece.text.trim();
    if (!text) return;
    state.sentenceOwners[state.sentenceNo]?.push(owner);
    this.drafts.push({ doc: this.doc, paragraph: state.para.passage.paragraph, speaker: owner.speaker, kind: piece.kind, text, saidOn: owner.saidOn, cue: owner.cue, at: piece.at, ...(owner.why ? { why: owner.why } : {}) });
  }
}

/** Who a cue's subject is, and the speech event it continues (for its date). */
function speakerOf(cue: Cue, n: number, s: SentenceState, ctx: ArticleContext): { speaker: Speaker | null; antecedent: SpeechEvent | null; anaphoric: boolean } {
  const subject = cue.subject;
  const tokens = s.sentence.tokens;
  switch (subject.type) {
    case 'np': {
      const speaker = resolveNounPhrase(tokens, subject.from, subject.to, s.sentence.chains, ctx);
      const head = tokens[subject.to - 1]!;
      const anaphoric = !head.cap && ANAPHORIC_BODIES.has(head.lower);
      const antecedent = anaphoric && speaker ? lastEventOf(speaker, s.events, ctx) : null;
      return { speaker, antecedent, anaphoric };
    }
    case 'pronoun': {
      const found = resolvePronoun(subject.pronoun, s.events, ctx);
      return { speaker: found?.speaker ?? null, antecedent: found?.event ?? null, anaphoric: true };
    }
    case 'coordinated': {
      const speaker = s.resolved[n - 1] ?? null;
      return { speaker, antecedent: s.events[s.events.length - 1] ?? null, anaphoric: false };
    }
    case 'main':
      return { speaker: s.mainSpeaker, antecedent: s.mainSpeaker ? lastEventOf(s.mainSpeaker, s.events, ctx) : null, anaphoric: false };
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

const isSignature = (cue: string) => /^[―—–-]/.test(cue);

/** The one person a sentence reported, if exactly one (not a body speaking as "they", not a signature). */
function soleOwner(owners: Owner[]): Owner | null {
  const names = new Set(owners.map((o) => o.speaker.name));
  const last = owners[owners.length - 1];
  return last && names.size === 1 && last.speaker.human && !last.speaker.plural && !isSignature(last.cue) ? last : null;
}

/** The cue's subject as `quotes --explain` shows it: "“the Dutchman”", "pronoun “he”". */
function describeSubject(cue: Cue, tokens: Token[]): string {
  const s = cue.subject;
  if (s.type === 'np') return `“${tokens.slice(s.from, s.to).map((t) => t.text).join(' ')}”`;
  if (s.type === 'pronoun') return `pronoun “${s.pronoun}”`;
  return s.type;
}
