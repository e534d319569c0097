// Base + live segment must answer exactly as a fresh full build over the same articles: same passages
// in the same order, same scores (within rounding), same folding of near-duplicates, same question-type
// re-ranking and filters. Real seeds, real statements and people, the real base index; "fresh" is the
// plain index a restart builds (buildSearchState + searchPassages, no live layer at all).
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus, makeQuestions } from '../../bench/corpus.js';
import { makeAsk } from '../../src/answer/ask.js';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { articleDocuments, liveIndex, makeBase, speakersByArticle, type LiveIndex } from '../../src/live/liveIndex.js';
import type { IndexedDocument } from '../../src/search/indexOptions.js';
import { speakerNames } from '../../src/search/speakerNames.js';
import { indexDocuments, type IndexExtras } from '../../src/search/buildIndex.js';
import { buildSearchState, type SearchState } from '../../src/search/searchState.js';
import { planQuery } from '../../src/search/queryPlan.js';
import { searchPassages } from '../../src/search/searchIndex.js';
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

/** What a restart builds: the plain index over `passages`. */
interface Fresh {
  passages: Passage[];
  state: SearchState;
}
function fresh(passages: Passage[], extras: IndexExtras): Fresh {
  return { passages, state: buildSearchState(passages, extras) };
}

const cite = (table: readonly (Passage | null)[], id: number) => `${table[id]!.doc} ¶${table[id]!.paragraph}`;

function expectSameRanking(live: LiveIndex, full: Fresh, questions: string[], limit: number | undefined = 20): number {
  let compared = 0;
  for (const question of questions) {
    const plan = planQuery(question, live.vocabulary);
    expect(plan).toEqual(planQuery(question, full.state.index));
    const a = live.search(plan, { limit });
    const b = searchPassages(full.state.index, plan, { limit });
    expect(a.map((r) => cite(live.table, r.id))).toEqual(b.map((r) => cite(full.passages, r.id)));
    a.forEach((r, i) => expect(Math.abs(r.score - b[i]!.score)).toBeLessThan(1e-9));
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
    const extras = extrasOf(seeds);
    const full = fresh(passagesOf(seeds), extras);
    expect(live.liveCount).toBeGreaterThanOrEqual(seeds.find((a) => a.doc === DOC.d002)!.paragraphs.length);
    const questions = [...devQuestions().map((q) => q.question), 'Why did Rubio pull out?', 'When did Russia invade Ukraine?', 'Where is Witkoff going?'];
    expect(expectSameRanking(live, full, questions)).toBeGreaterThan(100);
    // Whole answers through the same ask (question types, folding): 000 ¶9 and 002 ¶8 say the same
    // thing, and 002 is the live one.
    const about = { statements: extras.statements, people: extras.people };
    const askLive = makeAsk(live.table, live, about);
    const askFull = makeAsk(full.passages, full.state, about);
    for (const question of questions) expect(askLive(question, { limit: 8 })).toEqual(askFull(question, { limit: 8 }));
    // Filters apply to live passages as to any: by source and by date.
    const sources = [...new Set(seeds.map((a) => a.source).filter(Boolean))] as string[];
    const dates = [...new Set(seeds.map((a) => a.publishedOn).filter(Boolean))].sort() as string[];
    for (const question of questions) {
      for (const source of sources) expect(askLive(question, { source, limit: 8 })).toEqual(askFull(question, { source, limit: 8 }));
      expect(askLive(question, { since: dates[1], limit: 8 })).toEqual(askFull(question, { since: dates[1], limit: 8 }));
      expect(askLive(question, { until: dates[0], limit: 8 })).toEqual(askFull(question, { until: dates[0], limit: 8 }));
    }
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
    const afterExtras = extrasOf(after);
    const live = updated(passagesOf(seeds), extrasOf(seeds), passagesOf(after), afterExtras);
    const full = fresh(passagesOf(after), afterExtras);
    expect(live.retiredCount).toBeGreaterThanOrEqual(seeds.find((a) => a.doc === DOC.d001)!.paragraphs.length + 1);
    const questions = [...devQuestions().map((q) => q.question), 'Where was the minerals deal signed?', 'What did Healey tell the Commons?'];
    expectSameRanking(live, full, questions);
    const about = { statements: afterExtras.statements, people: afterExtras.people };
    const ask = makeAsk(live.table, live, about);
    const askFull = makeAsk(full.passages, full.state, about);
    for (const question of questions) expect(ask(question, { limit: 8 })).toEqual(askFull(question, { limit: 8 }));
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
    expectSameRanking(live, full, questions.slice(0, 40), undefined);
  });

  it('ranks the seeds as well as the plain index does through the live path (dev Hit@3 12/12, MRR 1)', () => {
    const extras = extrasOf(seeds);
    const documents = indexDocuments(passagesOf(seeds), extras);
    const full = liveIndex(makeBase(buildSearchState(passagesOf(seeds), extras), passagesOf(seeds), documents), passagesOf(seeds), documents);
    const ask = makeAsk(full.table, full, { statements: extras.statements, people: extras.people });
    const text = new Map(passagesOf(seeds).map((p) => [`${p.doc} ${p.paragraph}`, p.text]));
    const result = evaluateQuestions(devQuestions(), (q) => ask(q, { limit: 10 }).passages, (doc, paragraph) => text.get(`${doc} ${paragraph}`));
    expect(result.hitAt3).toBe(result.total);
    expect(result.mrr).toBe(1);
  });
});
