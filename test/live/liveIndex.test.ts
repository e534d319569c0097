// Base + live segment must answer exactly as a fresh full build over the same articles: same passages
// in the same order, same scores (within rounding), same folding of near-duplicates. Real seeds,
// real statements and people, real MiniSearch base index; the live part built the way an update builds it.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus, makeQuestions } from '../../bench/corpus.js';
import { makeAsk } from '../../src/answer/ask.js';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { articleDocuments, liveIndex, makeBase, speakersByArticle, type LiveIndex } from '../../src/live/liveIndex.js';
import type { IndexedDocument } from '../../src/search/indexOptions.js';
import { speakerNames } from '../../src/search/speakerNames.js';
import { indexDocuments, type IndexExtras } from '../../src/search/buildIndex.js';
import { buildSearchState } from '../../src/search/searchState.js';
import { evaluateQuestions } from '../../src/eval/questionsEval.js';
import { analyseStatements } from '../../src/statements/analyseStatements.js';
import type { Article, Passage } from '../../src/types.js';
import { DOC, devQuestions, SEEDS } from '../helpers.js';

function extrasOf(articles: Article[]): IndexExtras {
  const { statements, people } = analyseStatements(articles);
  const titles = new Map<string, string>();
  for (const a of articles) if (a.title) titles.set(a.doc, a.title);
  return { statements, people, titles };
}

/** A base built over `before`, then moved to `after` as a live update moves it. */
function updated(before: Passage[], beforeExtras: IndexExtras, after: Passage[], afterExtras: IndexExtras): LiveIndex {
  const baseDocuments = indexDocuments(before, beforeExtras);
  const base = makeBase(buildSearchState(before, beforeExtras), before, baseDocuments);
  return liveIndex(base, after, indexDocuments(after, afterExtras));
}

/** What a restart would build: a base over `passages`, nothing live. */
function fresh(passages: Passage[], extras: IndexExtras): LiveIndex {
  const documents = indexDocuments(passages, extras);
  return liveIndex(makeBase(buildSearchState(passages, extras), passages, documents), passages, documents);
}

const cite = (ix: LiveIndex, id: number) => `${ix.table[id]!.doc} ¶${ix.table[id]!.paragraph}`;

function expectSameRanking(live: LiveIndex, full: LiveIndex, questions: string[], limit = 20): number {
  let compared = 0;
  for (const question of questions) {
    const plan = live.plan(question);
    expect(plan).toEqual(full.plan(question));
    const a = live.rank(plan, limit);
    const b = full.rank(plan, limit);
    expect(a.map((r) => cite(live, r.id))).toEqual(b.map((r) => cite(full, r.id)));
    a.forEach((r, i) => expect(r.score).toBeCloseTo(b[i]!.score, 9));
    compared += a.length;
  }
  return compared;
}

let seeds: Article[];
beforeAll(async () => {
  seeds = (await loadArticles(SEEDS)).articles;
});

const passagesOf = (articles: Article[]) => articles.flatMap((a) => a.paragraphs);

describe('articleDocuments', () => {
  it('makes what indexDocuments makes (seeds, with speakers, context and titles), and reuses unchanged ones', () => {
    const titled = seeds.map((a, i) => (i === 1 ? { ...a, title: 'A title from a sidecar' } : a));
    const extras = extrasOf(titled);
    const speakers = speakersByArticle(speakerNames(extras.statements!, extras.people!));
    const cache = new WeakMap();
    const made = titled.flatMap((a) => articleDocuments(a, speakers.get(a.doc), cache));
    const strip = ({ id: _id, ...rest }: IndexedDocument) => rest;
    expect(made.map(strip)).toEqual(indexDocuments(passagesOf(titled), extras).map(strip));
    const again = titled.flatMap((a) => articleDocuments(a, speakers.get(a.doc), cache));
    again.forEach((d, i) => expect(d).toBe(made[i]));
    // A speaker change elsewhere touches only the paragraphs it names.
    const flat = speakerNames(extras.statements!, extras.people!);
    const fewer = speakersByArticle(new Map([...flat].slice(1)));
    const changed = titled.flatMap((a) => articleDocuments(a, fewer.get(a.doc), cache)).filter((d, i) => d !== made[i]);
    expect(changed).toHaveLength(1);
  });
});

describe('base + live equals a fresh full build', () => {
  it('an article added after the base was built (seeds, dev questions and answers)', () => {
    const before = seeds.filter((a) => a.doc !== DOC.d002);
    const live = updated(passagesOf(before), extrasOf(before), passagesOf(seeds), extrasOf(seeds));
    const full = fresh(passagesOf(seeds), extrasOf(seeds));
    expect(live.liveCount).toBeGreaterThanOrEqual(seeds.find((a) => a.doc === DOC.d002)!.paragraphs.length);
    expect(full.liveCount).toBe(0);
    const questions = devQuestions().map((q) => q.question);
    expect(expectSameRanking(live, full, questions)).toBeGreaterThan(100);
    // Whole answers, folding included: 000 ¶9 and 002 ¶8 say the same thing, and 002 is the live one.
    const askLive = makeAsk(live.table, live);
    const askFull = makeAsk(full.table, full);
    for (const question of questions) expect(askLive(question, { limit: 8 })).toEqual(askFull(question, { limit: 8 }));
    const folded = questions.map((q) => askLive(q, { limit: 8 })).flatMap((a) => a.passages).filter((h) => h.alsoIn.length > 0);
    expect(folded.length).toBeGreaterThan(0);
  });

  it('an article removed and another changed', () => {
    const changed = seeds.map((a) =>
      a.doc === DOC.d003
        ? { ...a, paragraphs: a.paragraphs.map((p, i) => (i === 2 ? { ...p, text: `${p.text} The minerals deal was signed in Kyiv on Friday.` } : p)) }
        : a,
    );
    const after = changed.filter((a) => a.doc !== DOC.d001);
    const live = updated(passagesOf(seeds), extrasOf(seeds), passagesOf(after), extrasOf(after));
    const full = fresh(passagesOf(after), extrasOf(after));
    expect(live.retiredCount).toBeGreaterThanOrEqual(seeds.find((a) => a.doc === DOC.d001)!.paragraphs.length + 1);
    const questions = [...devQuestions().map((q) => q.question), 'Where was the minerals deal signed?', 'What did Healey tell the Commons?'];
    expectSameRanking(live, full, questions);
    const ask = makeAsk(live.table, live);
    expect(ask('What did Healey tell the Commons?').passages.every((p) => p.doc !== DOC.d001)).toBe(true);
    expect(ask('minerals deal signed Kyiv Friday').passages[0]).toMatchObject({ doc: DOC.d003, paragraph: changed.find((a) => a.doc === DOC.d003)!.paragraphs[2]!.paragraph });
  });

  it('many articles added and removed at once (3,000 benchmark paragraphs, 300 questions, full rankings)', () => {
    const all = makeCorpus(3000).passages;
    const docs = [...new Set(all.map((p) => p.doc))];
    // Base: the first two thirds of the articles plus a few that are later removed; live: the last third.
    const removedDocs = new Set(docs.filter((_, i) => i % 7 === 3));
    const inBase = new Set(docs.slice(0, Math.round(docs.length * 0.66)));
    const before = all.filter((p) => inBase.has(p.doc));
    const after = all.filter((p) => !removedDocs.has(p.doc));
    const live = updated(before, {}, after, {});
    const full = fresh(after, {});
    expect(live.liveCount).toBeGreaterThan(500);
    expect(live.retiredCount).toBeGreaterThan(50);
    const questions = makeQuestions(300).map((q) => q.text);
    expectSameRanking(live, full, questions, 10);
    // Full rankings too (every matching paragraph), on a sample.
    for (const question of questions.slice(0, 40)) {
      const plan = live.plan(question);
      const a = live.rank(plan, Number.MAX_SAFE_INTEGER);
      const b = full.rank(plan, Number.MAX_SAFE_INTEGER);
      expect(a.map((r) => cite(live, r.id))).toEqual(b.map((r) => cite(full, r.id)));
    }
  });

  it('ranks the seeds as well as the plain index does (dev Hit@3 12/12)', () => {
    const full = fresh(passagesOf(seeds), extrasOf(seeds));
    const ask = makeAsk(full.table, full);
    const text = new Map(passagesOf(seeds).map((p) => [`${p.doc} ${p.paragraph}`, p.text]));
    const result = evaluateQuestions(devQuestions(), (q) => ask(q, { limit: 10 }).passages, (doc, paragraph) => text.get(`${doc} ${paragraph}`));
    expect(result.hitAt3).toBe(result.total);
  });
});
