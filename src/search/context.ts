// A paragraph that opens with a pronoun or continues a quote ("It is made up of 31 countries…",
// "He said: …") is about what the paragraph before it names. Indexing that previous paragraph as
// low-weight context lets "How many countries are in the Coalition of the Willing?" reach the
// paragraph with the number even though only its predecessor says "Coalition of the Willing".
// Only such paragraphs get context, so the index grows by a fraction, not by double.
import type { Passage } from '../types.js';

const ANAPHORIC_OPENING =
  /^(?:["“‘']|(?:it|its|he|his|him|she|her|they|their|them|this|that|these|those|there|both|such)\b)/iu;

export function opensAnaphorically(text: string): boolean {
  return ANAPHORIC_OPENING.test(text.trimStart());
}

/** The text of the paragraph before `passages[id]` in the same article, when `passages[id]` leans on it. */
export function contextOf(passages: Passage[], id: number): string | undefined {
  const passage = passages[id]!;
  const previous = passages[id - 1];
  if (!previous || previous.doc !== passage.doc || previous.paragraph !== passage.paragraph - 1) return undefined;
  return opensAnaphorically(passage.text) ? previous.text : undefined;
}
