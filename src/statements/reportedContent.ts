// What a cue reports, as statement pieces: its quoted words (direct, or partial inside the writer's
// clause) and its reported clause (indirect), with the cue's own words for citations. Pure functions
// of one sentence's tokens; who said it is decided elsewhere (resolveSpeaker.ts, salience.ts).
import type { StatementKind } from '../types.js';
import type { Cue } from './findCues.js';
import type { Quote } from './findQuotes.js';
import type { Token } from './tokens.js';

/** One piece of what a cue reports. */
export interface ReportedPiece {
  kind: StatementKind;
  text: string;
  /** Offset in the paragraph, so pieces merge in reading order. */
  at: number;
}

/**
 * The pieces a cue reports in `text` (the paragraph): quoted words, else a reported clause of three
 * words or more. "said he would not … and that reports were not “well informed”" is two pieces: each
 * reported clause on its own, the quoted one partial, the other indirect.
 */
export function reportedPieces(cue: Cue, tokens: Token[], text: string): ReportedPiece[] {
  // "for not revealing he was carrying an injury", "did not say that …": nothing was said.
  if (negated(cue, tokens)) return [];
  const content = tokens.slice(cue.content.from, cue.content.to);
  const quotes = quotesIn(content);
  const words = content.filter((t) => t.kind === 'word');
  const takesClause = cue.info.takes === 'clause';
  const pieces: ReportedPiece[] = [];
  const clauses = quotes.length > 0 && words.length > 0 ? coordinatedClauses(content) : [];
  if (clauses.length > 1) {
    for (const clause of clauses) {
      const inClause = quotesIn(clause);
      if (inClause.length > 0) pieces.push({ kind: 'partial', text: quotedText(inClause), at: inClause[0]!.start });
      else if (takesClause && clause.filter((t) => t.kind === 'word').length >= 3) pieces.push({ kind: 'indirect', text: reportedClause(text, clause), at: clause[0]?.start ?? 0 });
    }
  } else if (quotes.length > 0) {
    // "denied the party was trying to “hide” him": the quoted word is the charge, someone else's.
    if (words.length > 0 && DENIALS.test(cue.verbText.toLowerCase())) return [];
    pieces.push({ kind: words.length === 0 ? 'direct' : 'partial', text: quotedText(quotes), at: quotes[0]!.start });
  } else if (takesClause && words.length >= 3 && !objectWithoutClause(cue, tokens) && (cue.verbText === 'according to' || !phraseNotClause(content))) {
    pieces.push({ kind: 'indirect', text: reportedClause(text, content), at: content[0]?.start ?? 0 });
  }
  return pieces.filter((p) => p.text.trim() !== '');
}

const DENIALS = /^(deny|denies|denied|denying)$/;

/** The verb is negated: "not", "never" or a "-n't" before it, perhaps across one adverb. */
function negated(cue: Cue, tokens: Token[]): boolean {
  const isNegation = (t: Token | undefined) => !!t && t.kind === 'word' && (t.lower === 'not' || t.lower === 'never' || /n[’']t$/.test(t.lower));
  const before = tokens[cue.verb - 1];
  if (isNegation(before)) return true;
  // "did not publicly say", "has not yet said", "won't even say"
  return !!before && before.kind === 'word' && /ly$|^(yet|even|ever|also|actually)$/.test(before.lower) && isNegation(tokens[cue.verb - 2]);
}

/**
 * What follows the verb is a phrase, not a reported clause: "insisting on improved standards",
 * "announced his decision to quit", "warned his supporters against complacency". A clause has its own
 * subject and verb; these open with a preposition, or are a possessive's noun phrase.
 */
function phraseNotClause(content: Token[]): boolean {
  const words = content.filter((t) => t.kind !== 'punct');
  const first = words[0];
  if (!first || first.lower === 'that') return false;
  // "insisting on improved standards", but not "said on Tuesday he would resign" (a time, then a clause).
  const clauseInside = words.some((t) => t.lower === 'that' || CLAUSE_SUBJECTS.has(t.lower));
  if (PHRASE_PREPOSITIONS.has(first.lower)) return !clauseInside && !TIME_START.test(words[1]?.lower ?? '');
  // "his decision to …", "her support for …", "his supporters against complacency"
  return POSSESSIVE_DETERMINERS.has(first.lower) && !!words[2] && (PHRASE_PREPOSITIONS.has(words[2].lower) || words[2].lower === 'to');
}

const PHRASE_PREPOSITIONS = new Set(['on', 'about', 'of', 'against', 'over', 'upon']);
const CLAUSE_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'there', 'you']);
const TIME_START = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|the|a|this|last|\d)/;
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** The quotes among a cue's content tokens. */
export const quotesIn = (content: Token[]): Quote[] => content.filter((t) => t.kind === 'quote').map((t) => t.quote!);

/** The quoted words without marks; the comma that closes a quote before "he said" is punctuation. */
export const quoteText = (q: Quote) => q.text.replace(/,$/, '').trim();

const quotedText = (quotes: Quote[]) => quotes.map(quoteText).join(' … ');

/** The attribution words as written ("he told reporters on Tuesday night"), for citations. */
export function cueText(text: string, tokens: Token[], cue: Cue): string {
  const first = tokens[cue.attribution.from];
  const last = tokens[cue.attribution.to - 1];
  if (!first || !last) return '';
  return text.slice(first.start, last.end).replace(/[\s,:;–—-]+$/, '').trim();
}

/** A cue carried over to a quote that continues what it reported. */
export const continued = (cue: string) => (cue.endsWith('(continued)') ? cue : `${cue} (continued)`);

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

/**
 * "accused its predecessor of corruption", "asked him to stay": a verb whose object comes first and
 * no "that" or colon follows reports an act, not words (a quote inside still counts as partial).
 */
function objectWithoutClause(cue: Cue, tokens: Token[]): boolean {
  if (!cue.info.object || cue.trailing || cue.content.from !== cue.verb + 1) return false;
  if (/^(tell|tells|told|telling|inform|informs|informed|assure|assures|assured)$/.test(cue.verbText.toLowerCase())) return false;
  return tokens[cue.verb + 1]?.lower !== 'that';
}
