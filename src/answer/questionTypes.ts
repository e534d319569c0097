// What kind of answer a question asks for, and which passages carry one: "When …" a date, "How many /
// how much …" a number, "Where …" a place, "Who …" a person or a statement, "What did X say about Y"
// a statement by X. Used to re-rank the best passages by BM25, never to find passages. For when /
// how much / where / who / why, `ask` scales a passage by its answering sentence (answerFinder.ts:
// 1 + boost × strength); "said" moves a passage with a statement by X up by a fixed factor, read here
// from the statements (`passageFeatures`, whose other cases are the passage-wide features of issue 9,
// kept for the tests and experiments that compare with them).
import * as chrono from 'chrono-node';
import { foldCase } from '../corpus/foldCase.js';
import type { Passage, Person, Statement } from '../types.js';

export type QuestionType = 'when' | 'number' | 'where' | 'who' | 'why' | 'said';

export interface TypedQuestion {
  type: QuestionType;
  /** For "said": the words naming the speaker ("Zelensky", "JD Vance"). */
  speaker?: string;
}

/**
 * Per type: for answer kinds the most a passage's score is multiplied by (1 + boost × strength of its
 * answering sentence); for "said" the factor (1 + boost). Measured on the BBC, dev and paraphrase
 * questions and Cranfield (docs/ranking.md). A type absent here is not used.
 */
export const QUESTION_TYPE_BOOST: Partial<Record<QuestionType, number>> = { when: 1, number: 1, where: 1, who: 1, why: 1, said: 0.5 };

/** How many of the best BM25 passages are re-ranked. */
export const RERANK_DEPTH = 50;

const SAID = /^\s*what\s+(?:did|does|do|has|have|had|is|was)\s+(.+?)\s+(?:say|said|saying|think|tell|told|claim|claimed|argue|argued)\b/iu;

export function questionType(question: string): TypedQuestion | null {
  const q = question.trim();
  const said = SAID.exec(q);
  if (said) return { type: 'said', speaker: said[1]! };
  if (/^when\b/iu.test(q) || /^(?:on\s+)?what\s+(?:date|day|year|month)\b/iu.test(q)) return { type: 'when' };
  if (/^how\s+(?:many|much)\b/iu.test(q)) return { type: 'number' };
  if (/^where\b/iu.test(q)) return { type: 'where' };
  if (/^who\b/iu.test(q)) return { type: 'who' };
  if (/^why\b/iu.test(q)) return { type: 'why' };
  return null;
}

const NUMBER_WORDS =
  /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b/iu;
// Words that give a reason or a cause: "blamed a scheduling issue", "because", "due to".
const REASON = /\b(?:because|blam(?:e|ed|es|ing)|due\s+to|owing\s+to|reasons?|caused?|citing|cited|as\s+a\s+result|so\s+that|in\s+order\s+to)\b/iu;
// A capitalised word after a preposition of place: "in Alaska", "to Moscow", "at Lancaster House".
const PLACE = /\b(?:in|to|at|from|near|into|towards?|visit(?:s|ed|ing)?)\s+(?:the\s+)?\p{Lu}[\p{L}’'-]+/u;

/** Whether a passage carries the kind of answer, per type; memoised per passage id. */
export function passageFeatures(passages: readonly Passage[], statements: readonly Statement[], people: readonly Person[]) {
  const saidIn = new Map<string, Statement[]>();
  for (const s of statements) {
    const key = `${s.doc}\u0000${s.paragraph}`;
    if (!saidIn.has(key)) saidIn.set(key, []);
    saidIn.get(key)!.push(s);
  }
  const namesOf = new Map<string, string[]>();
  for (const person of people) {
    const names = [person.name, ...person.aliases].map(foldCase);
    for (const name of names) namesOf.set(name, names);
  }
  const memo = new Map<string, boolean>();
  const has = (type: QuestionType, id: number, compute: () => boolean) => {
    const key = `${type}\u0000${id}`;
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = compute()));
    return value;
  };
  return (question: TypedQuestion, id: number): boolean => {
    const passage = passages[id]!;
    const text = passage.text;
    switch (question.type) {
      case 'when':
        return has('when', id, () => chrono.en.GB.parse(text, new Date(Date.UTC(2000, 0, 1))).length > 0);
      case 'number':
        return has('number', id, () => NUMBER_WORDS.test(text));
      case 'where':
        return has('where', id, () => PLACE.test(text));
      case 'why':
        return has('why', id, () => REASON.test(text));
      case 'who':
        return has('who', id, () => (saidIn.get(`${passage.doc}\u0000${passage.paragraph}`)?.length ?? 0) > 0);
      case 'said': {
        // A statement in this paragraph by someone the question names (any word of any of their names).
        const words = new Set(foldCase(question.speaker ?? '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
        return (saidIn.get(`${passage.doc}\u0000${passage.paragraph}`) ?? []).some((s) =>
          (namesOf.get(foldCase(s.speaker)) ?? [foldCase(s.speaker)]).some((name) => name.split(/\s+/u).some((w) => words.has(w))),
        );
      }
    }
  };
}
