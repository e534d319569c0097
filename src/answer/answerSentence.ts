// The sentence of a passage that answers: one carrying the question's focus words (weighted by how rare
// each is, so that "Blunkett" counts for more than "resign") and an answer of the kind asked for
// (answerSpans.ts). Its strength (0..1) is ½ for carrying any of the question's focus plus ½ the share
// of the focus weight it carries; an answer in a sentence that carries none of it, in a paragraph that
// does, counts half of the paragraph's ("his 3000 euros punishment", a sentence after the one naming
// Aragones). Pure.
import { sentenceRanges } from '../corpus/splitSentences.js';
import type { QueryPlan } from '../search/queryPlan.js';
import { processTerm, tokenize } from '../search/terms.js';
import { answerSpans, type AnswerKind, type Span, type SpanContext } from './answerSpans.js';

/** An answer elsewhere in a paragraph that carries the focus counts this much of the paragraph's share. */
export const ELSEWHERE_IN_PARAGRAPH = 0.5;

export interface Focus {
  /** One group per planned term: the term and the index terms that stand for it (related, short forms). */
  groups: { terms: readonly string[]; weight: number }[];
  total: number;
  /** Every term of every group. */
  terms: ReadonlySet<string>;
}

/** The question's focus: its planned terms, each weighted by its rarity (idf; unknown words weigh most). */
export function focusOf(plan: QueryPlan, idf: (term: string) => number): Focus {
  const groups = plan.terms.map((t) => {
    const terms = [t.term, ...(t.related ?? []), ...(t.aliases ?? []).flat()];
    // The typed word's rarity: its relatives and short forms stand in for it, they do not reweigh it.
    return { terms, weight: idf(t.term) * (t.weight ?? 1) };
  });
  return { groups, total: groups.reduce((sum, g) => sum + g.weight, 0), terms: new Set(groups.flatMap((g) => g.terms)) };
}

/** Share of the focus weight whose terms are in `present` (0..1); terms only in `besides` count `besidesWeight`. */
export function coverage(present: ReadonlySet<string>, focus: Focus, besides?: ReadonlySet<string> | null, besidesWeight = TITLE_SHARE): number {
  if (focus.total <= 0) return 0;
  let carried = 0;
  for (const group of focus.groups) {
    if (group.terms.some((t) => present.has(t))) carried += group.weight;
    else if (besides && group.terms.some((t) => besides.has(t))) carried += group.weight * besidesWeight;
  }
  return carried / focus.total;
}

/** A focus word only in the article's title counts this much for a sentence: it speaks for the article, less surely for each sentence. */
export const TITLE_SHARE = 0.5;

/** Index terms of a stretch of text. */
export function termsIn(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of tokenize(text)) {
    const term = processTerm(word);
    if (term) terms.add(term);
  }
  return terms;
}

export interface Answering {
  /** 0..1: how much of the question's focus the answering sentence carries. */
  strength: number;
  /** The answer in the passage's text (offsets into it). */
  span: Span;
}

/** A passage cut into sentences with their terms: computed once per passage, reused by every question. */
export interface ReadPassage {
  text: string;
  sentences: { start: number; end: number; terms: Set<string> }[];
  terms: Set<string>;
  /** The article title's terms, when it has one. */
  title: Set<string> | null;
}

/**
 * A passage read for answering. The article's title, when given, speaks for every sentence ("Vince
 * Cable, the party's Treasury spokesman" under "Lib Dems 'to target stamp duty'"), as it does in the index.
 */
export function readPassage(text: string, title?: string | null): ReadPassage {
  const sentences = sentenceRanges(text).map((r) => ({ ...r, terms: termsIn(text.slice(r.start, r.end)) }));
  const terms = new Set<string>();
  for (const s of sentences) for (const t of s.terms) terms.add(t);
  return { text, sentences, terms, title: title ? termsIn(title) : null };
}

/** The passage's answering sentence for this kind and focus, or null when no sentence holds an answer. */
export function answering(kind: AnswerKind, passage: ReadPassage, focus: Focus, context: Omit<SpanContext, 'questionTerms'>): Answering | null {
  const carrying = (share: number) => (share > 0 ? (1 + share) / 2 : 0);
  const whole = carrying(coverage(passage.terms, focus, passage.title)) * ELSEWHERE_IN_PARAGRAPH;
  let best: Answering | null = null;
  for (const sentence of passage.sentences) {
    const strength = Math.max(carrying(coverage(sentence.terms, focus, passage.title)), whole);
    if (best && strength <= best.strength) continue;
    const text = passage.text.slice(sentence.start, sentence.end);
    const [span] = answerSpans(kind, text, { ...context, questionTerms: focus.terms });
    if (!span) continue;
    best = { strength, span: { start: sentence.start + span.start, end: sentence.start + span.end } };
  }
  return best;
}

/** For "how many films …": the terms of the words naming what is counted (up to two words after "many"). */
export function countedUnits(question: string): Set<string> {
  const after = /\bhow\s+many\s+((?:[\p{L}-]+\s*){1,2})/iu.exec(question)?.[1] ?? '';
  return termsIn(after);
}
