// Scoring `ask` on gold questions: per question the rank of the first relevant passage, then Hit@k
// and MRR. Pure: the caller supplies the answers and a way to read a cited paragraph's text.
import type { Hit } from '../types.js';
import { citationText } from '../answer/citation.js';

export interface GoldQuestion {
  question: string;
  /**
   * A returned passage of `doc` is relevant when it is paragraph `paragraph` (when given) and its text
   * contains `contains` (when given).
   */
  relevant: { doc: string; contains?: string; paragraph?: number }[];
}

export interface QuestionResult {
  question: string;
  /** 1-based rank of the first relevant hit (a hit counts if it or any passage folded into it is relevant); null if none. */
  rank: number | null;
  /** Citations returned, best first, for reading failures. */
  returned: string[];
}

export interface QuestionsEval {
  questions: QuestionResult[];
  total: number;
  hitAt1: number;
  hitAt3: number;
  /** Mean reciprocal rank over the returned list (0 for a miss). */
  mrr: number;
}

export type TextOf = (doc: string, paragraph: number) => string | undefined;

export function rankOfFirstRelevant(gold: GoldQuestion, hits: Hit[], textOf: TextOf): number | null {
  const relevant = (doc: string, paragraph: number) => {
    const text = textOf(doc, paragraph) ?? '';
    return gold.relevant.some(
      (r) => r.doc === doc && (r.paragraph === undefined || r.paragraph === paragraph) && (r.contains === undefined || text.includes(r.contains)),
    );
  };
  const index = hits.findIndex(
    (hit) => relevant(hit.doc, hit.paragraph) || hit.alsoIn.some((c) => relevant(c.doc, c.paragraph)),
  );
  return index < 0 ? null : index + 1;
}

export function evaluateQuestions(
  gold: GoldQuestion[],
  answer: (question: string) => Hit[],
  textOf: TextOf,
): QuestionsEval {
  const questions = gold.map((g) => {
    const hits = answer(g.question);
    return {
      question: g.question,
      rank: rankOfFirstRelevant(g, hits, textOf),
      returned: hits.map((h) => citationText(h.doc, h.paragraph)),
    };
  });
  const within = (k: number) => questions.filter((q) => q.rank !== null && q.rank <= k).length;
  const total = questions.length;
  return {
    questions,
    total,
    hitAt1: within(1),
    hitAt3: within(3),
    mrr: total ? questions.reduce((sum, q) => sum + (q.rank ? 1 / q.rank : 0), 0) / total : 0,
  };
}

/** Human-readable figures: one line per question, then the totals. */
export function formatQuestionsEval(result: QuestionsEval): string {
  const lines = result.questions.map(
    (q) => `${q.rank === null ? '  miss' : `  #${q.rank}`.padEnd(6)}  ${q.question}`,
  );
  lines.push(
    '',
    `Hit@1 = ${result.hitAt1}/${result.total}`,
    `Hit@3 = ${result.hitAt3}/${result.total}`,
    `MRR   = ${result.mrr.toFixed(3)}`,
  );
  return lines.join('\n');
}
