// A question set that asks more of an answer than its rank (eval/questions.bbc.json): per question a
// kind (why, when, amount, where, who, what, or "out": not in the coverage), the paragraphs that
// answer it and, for when/amount, the answer itself. Scored: Hit@3 / MRR of ours and of lunr on the
// answerable questions; whether the excerpt a reader sees holds the answer; whether the weak-match
// line is shown (wanted on "out", unwanted elsewhere). Pure: the caller supplies every function.
import type { AskAnswer, Hit, Passage } from '../types.js';
import { evaluateQuestions, rankOfFirstRelevant, type GoldQuestion, type QuestionsEval, type TextOf } from './questionsEval.js';

export type AnswerKind = 'why' | 'when' | 'amount' | 'where' | 'who' | 'what' | 'out';

export interface AnswerGold extends GoldQuestion {
  type: AnswerKind;
  /** For when/amount: the words of the answer, as the answering paragraph writes them. */
  answer?: string;
}

export interface AnswerSetEval {
  ours: QuestionsEval;
  lunr: QuestionsEval;
  /** When/amount questions: is the answer in the excerpt of the first relevant passage in the top 3? */
  excerpts: { question: string; answer: string; rank: number | null; shown: boolean }[];
  /** Questions the coverage does not answer that got the weak-match line, of how many. */
  weakOnOut: { flagged: number; total: number; missed: string[] };
  /** Answerable questions that got the weak-match line (false alarms). */
  weakOnAnswerable: { flagged: number; total: number; which: string[] };
}

export const DEPTH = 10;

export function evaluateAnswerSet(
  gold: AnswerGold[],
  ask: (question: string) => AskAnswer,
  /** The text a reader sees for a hit (the excerpt, plain). */
  shown: (hit: Hit, question: string) => string,
  lunr: (question: string, limit: number) => number[],
  passages: readonly Passage[],
  textOf: TextOf,
): AnswerSetEval {
  const answerable = gold.filter((g) => g.type !== 'out');
  const answers = new Map(gold.map((g) => [g.question, ask(g.question)]));
  const ours = evaluateQuestions(answerable, (q) => answers.get(q)!.passages.slice(0, DEPTH), textOf);
  // lunr folds nothing: a passage whose text is a relevant paragraph's (a duplicate file) counts too.
  const lunrEval = evaluateQuestions(
    answerable,
    (q) => {
      const g = answerable.find((a) => a.question === q)!;
      const relevantTexts = new Set(g.relevant.map((r) => (r.paragraph !== undefined ? textOf(r.doc, r.paragraph) : undefined)).filter(Boolean));
      return lunr(q, DEPTH).map((id) => {
        const p = passages[id]!;
        const twin = relevantTexts.has(p.text) ? g.relevant.find((r) => r.paragraph !== undefined && textOf(r.doc, r.paragraph) === p.text) : undefined;
        const alsoIn = twin ? [{ doc: twin.doc, paragraph: twin.paragraph!, citation: '', publishedOn: null, source: null }] : [];
        return { ...p, score: 0, alsoIn };
      });
    },
    textOf,
  );
  const excerpts = gold
    .filter((g) => (g.type === 'when' || g.type === 'amount') && g.answer)
    .map((g) => {
      const hits = answers.get(g.question)!.passages.slice(0, 3);
      const rank = rankOfFirstRelevant(g, hits, textOf);
      return { question: g.question, answer: g.answer!, rank, shown: rank !== null && shown(hits[rank - 1]!, g.question).includes(g.answer!) };
    });
  const weak = (g: AnswerGold) => answers.get(g.question)!.weak === true;
  const out = gold.filter((g) => g.type === 'out');
  return {
    ours,
    lunr: lunrEval,
    excerpts,
    weakOnOut: { flagged: out.filter(weak).length, total: out.length, missed: out.filter((g) => !weak(g)).map((g) => g.question) },
    weakOnAnswerable: { flagged: answerable.filter(weak).length, total: answerable.length, which: answerable.filter(weak).map((g) => g.question) },
  };
}

export function formatAnswerSetEval(result: AnswerSetEval): string {
  const lines = result.ours.questions.map((q, i) => {
    const l = result.lunr.questions[i]!.rank;
    const rank = (r: number | null) => (r === null ? 'miss' : `#${r}`).padEnd(5);
    return `  ${rank(q.rank)} (lunr ${rank(l)})  ${q.question}`;
  });
  lines.push(
    '',
    `Hit@1 = ${result.ours.hitAt1}/${result.ours.total} (lunr ${result.lunr.hitAt1}/${result.lunr.total})`,
    `Hit@3 = ${result.ours.hitAt3}/${result.ours.total} (lunr ${result.lunr.hitAt3}/${result.lunr.total})`,
    `MRR   = ${result.ours.mrr.toFixed(3)} (lunr ${result.lunr.mrr.toFixed(3)})`,
    `when/how-much excerpts holding the answer: ${result.excerpts.filter((e) => e.shown).length}/${result.excerpts.length}`,
    ...result.excerpts.filter((e) => !e.shown).map((e) => `  not shown: ${e.question} (“${e.answer}”, ${e.rank === null ? 'not in top 3' : `rank ${e.rank}`})`),
    `weak-match line on questions the coverage does not answer: ${result.weakOnOut.flagged}/${result.weakOnOut.total}`,
    ...result.weakOnOut.missed.map((q) => `  no line: ${q}`),
    `weak-match line on answerable questions: ${result.weakOnAnswerable.flagged}/${result.weakOnAnswerable.total}`,
    ...result.weakOnAnswerable.which.map((q) => `  line: ${q}`),
  );
  return lines.join('\n');
}
