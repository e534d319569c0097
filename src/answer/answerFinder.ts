// Per question of a kind (when / where / who / how much / why): each passage's answering sentence
// (answerSentence.ts), computed only for the passages asked about. Passages are read into sentences
// and terms once and kept (bounded), so a re-rank of 50 passages reads each at most once.
import { foldCase } from '../corpus/foldCase.js';
import { isKnownGivenName } from '../statements/lexicon.js';
import type { CollectionStats } from '../search/collectionStats.js';
import type { QueryPlan } from '../search/queryPlan.js';
import { processTerm, tokenize } from '../search/terms.js';
import type { Passage, Person } from '../types.js';
import { answering, countedUnits, focusOf, readPassage, type Answering, type Focus, type ReadPassage } from './answerSentence.js';
import type { AnswerKind } from './answerSpans.js';

/** Passages kept read; past this the memo starts again (a bot answers from a small working set). */
const READ_LIMIT = 20_000;

export interface KindOfQuestion {
  kind: AnswerKind;
  /** The passage's answering sentence (memoised for this question), or null. */
  answer(id: number): Answering | null;
}

export function answerFinder(passages: readonly (Passage | null)[], people: readonly Person[], stats?: CollectionStats) {
  const read = new Map<number, ReadPassage>();
  const readOf = (id: number): ReadPassage => {
    let r = read.get(id);
    if (!r) {
      if (read.size >= READ_LIMIT) read.clear();
      read.set(id, (r = readPassage(passages[id]!.text, passages[id]!.title)));
    }
    return r;
  };
  // "Who" answers are people: a name opening with a given name ("Charles Clarke", not "New York" or
  // "Beige Book", which the register holds as speakers), or a person the register knows by that full name.
  let names: Set<string> | null = null;
  const isPerson = (name: string) => {
    if (isKnownGivenName(name.split(/\s+/u)[0]!)) return true;
    names ??= new Set(people.filter((p) => p.kind === 'person' && p.name.includes(' ')).map((p) => foldCase(p.name)));
    return names.has(foldCase(name));
  };
  const N = stats?.documentCount ?? passages.length;
  // Rarity of a term (BM25's idf on the text field); a term nobody uses weighs as much as the rarest.
  const idf = (term: string) => {
    const df = stats?.documentFrequency(term, 0) ?? 0;
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  };

  return {
    /** The question's focus words weighted by rarity in this coverage. */
    focus: (plan: QueryPlan): Focus => focusOf(plan, idf),
    forQuestion(kind: AnswerKind, question: string, focus: Focus): KindOfQuestion {
      const units = kind === 'number' ? countedUnits(question) : undefined;
      const termOf = (word: string) => processTerm(tokenize(word)[0] ?? '');
      const found = new Map<number, Answering | null>();
      return {
        kind,
        answer(id) {
          let a = found.get(id);
          if (a === undefined) {
            const passage = passages[id];
            const reference = passage?.publishedOn ? new Date(`${passage.publishedOn}T12:00:00Z`) : undefined;
            a = passage ? answering(kind, readOf(id), focus, { termOf, units, isPerson, reference }) : null;
            found.set(id, a);
          }
          return a;
        },
      };
    },
  };
}
