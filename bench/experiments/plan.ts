// Query-planning experiments on the production index (src/search INDEX_OPTIONS), without touching
// src/search: each variant is a different way to turn a question into a MiniSearch query over the
// SAME built index. Measures p50/p99 over the bench questions, Hit@3/MRR on the dev questions, and
// how far each variant's top 10 moves from production's at this size.
//   node --expose-gc --import tsx bench/experiments/plan.ts [size=100000] [variant,...] [reps=2]
import MiniSearch from 'minisearch';
import { buildIndex } from '../../src/search/buildIndex.js';
import { SEARCH_OPTIONS } from '../../src/search/indexOptions.js';
import { planQuery, type QueryPlan } from '../../src/search/queryPlan.js';
import { searchPassages, searchWithMiniSearch } from '../../src/search/searchIndex.js';
import { makeCorpus, makeQuestions } from '../corpus.js';
import { devQuestions, evaluate, seedPassages } from '../quality.js';
import { percentile } from '../percentile.js';
import { fastSearch } from './fastScore.js';

type Search = (index: MiniSearch, question: string, limit: number) => number[];

/** Documents holding `term` exactly, across fields (MiniSearch keeps postings in its private radix tree). */
function docFreq(index: MiniSearch, term: string): number {
  const tree = (index as unknown as { _index: { get(k: string): Map<number, Map<number, number>> | undefined } })._index;
  let df = 0;
  for (const postings of tree.get(term)?.values() ?? []) df = Math.max(df, postings.size);
  return df;
}

/** The production plan, with the terms the variant keeps and the fuzzy/prefix it allows. */
function run(index: MiniSearch, plan: QueryPlan, limit: number, fast = false): number[] {
  if (plan.terms.length === 0) return [];
  if (fast) return fastSearch(index, plan, SEARCH_OPTIONS, limit);
  const query = { queries: plan.terms.map((t) => ({ queries: [t.term], fuzzy: t.fuzzy, prefix: t.prefix })) };
  return index.search(query, SEARCH_OPTIONS).slice(0, limit).map((r) => r.id as number);
}

/**
 * Prune by document frequency: the rarest `maxTerms` terms, minus any in more than `maxDfShare` of
 * the documents (always keeping the rarest one). Fuzzy/prefix only where `fuzzyWhen` allows.
 */
function pruned(opts: { maxTerms: number; maxDfShare: number; fuzzyWhen: 'plan' | 'unknown' | 'rare' | 'never'; fast?: boolean }): Search {
  return (index, question, limit) => {
    const plan = planQuery(question, index);
    const n = index.documentCount;
    const withDf = plan.terms.map((t) => ({ t, df: docFreq(index, t.term) })).sort((a, b) => a.df - b.df);
    const kept = withDf.filter((x, i) => i === 0 || x.df <= opts.maxDfShare * n).slice(0, opts.maxTerms);
    for (const { t, df } of kept) {
      const allow = opts.fuzzyWhen === 'plan' || (opts.fuzzyWhen === 'unknown' && t.unknown) || (opts.fuzzyWhen === 'rare' && df <= 0.001 * n);
      if (!allow) (t.fuzzy = false), (t.prefix = false);
    }
    return run(index, { ...plan, terms: kept.map((x) => x.t) }, limit, opts.fast);
  };
}

const VARIANTS: Record<string, Search> = {
  production: (index, q, limit) => searchPassages(index, q, { limit }).map((r) => r.id),
  /** Production without the common-term cut (queryPlan COMMON_FRACTION): the planner sees a "small" index. */
  production_noCommonCut: (index, q, limit) => {
    const small = new Proxy(index, { get: (t, k) => (k === 'documentCount' ? 0 : Reflect.get(t, k)) });
    return searchPassages(index, planQuery(q, small), { limit }).map((r) => r.id);
  },
  /** The same plan through MiniSearch#search (what src/search did before topK.ts). */
  miniSearchSearch: (index, q, limit) => searchWithMiniSearch(index, planQuery(q, index), { limit }).map((r) => r.id),
  noFuzzyPrefix: (index, q, limit) => {
    const plan = planQuery(q, index);
    for (const t of plan.terms) (t.fuzzy = false), (t.prefix = false);
    return run(index, plan, limit);
  },
  fast: (index, q, limit) => run(index, planQuery(q, index), limit, true),
  fast_fuzzyUnknownOnly: pruned({ maxTerms: 99, maxDfShare: 1, fuzzyWhen: 'unknown', fast: true }),
  fast_fuzzyRareOnly: pruned({ maxTerms: 99, maxDfShare: 1, fuzzyWhen: 'rare', fast: true }),
  fast_dfPrune10: pruned({ maxTerms: 99, maxDfShare: 0.1, fuzzyWhen: 'plan', fast: true }),
  fast_dfPrune5_rareFuzzy: pruned({ maxTerms: 99, maxDfShare: 0.05, fuzzyWhen: 'rare', fast: true }),
  fuzzyUnknownOnly: pruned({ maxTerms: 99, maxDfShare: 1, fuzzyWhen: 'unknown' }),
  fuzzyRareOnly: pruned({ maxTerms: 99, maxDfShare: 1, fuzzyWhen: 'rare' }),
  dfPrune10: pruned({ maxTerms: 99, maxDfShare: 0.1, fuzzyWhen: 'plan' }),
  dfPrune5_unknownFuzzy: pruned({ maxTerms: 99, maxDfShare: 0.05, fuzzyWhen: 'unknown' }),
  dfPrune2_unknownFuzzy: pruned({ maxTerms: 99, maxDfShare: 0.02, fuzzyWhen: 'unknown' }),
  rarest4_dfPrune5_unknownFuzzy: pruned({ maxTerms: 4, maxDfShare: 0.05, fuzzyWhen: 'unknown' }),
  rarest4_dfPrune2_rareFuzzy: pruned({ maxTerms: 4, maxDfShare: 0.02, fuzzyWhen: 'rare' }),
  rarest3_dfPrune1_rareFuzzy: pruned({ maxTerms: 3, maxDfShare: 0.01, fuzzyWhen: 'rare' }),
};

const size = Number(process.argv[2] ?? 100_000);
const names = process.argv[3]?.split(',') ?? Object.keys(VARIANTS);
const REPS = Number(process.argv[4] ?? 2);
const { passages } = makeCorpus(size);
const textOf = (id: number) => passages[id]?.text;
const questions = makeQuestions();
const seeds = await seedPassages();
const dev = devQuestions();
let t = performance.now();
const index = buildIndex(passages);
console.log(`size ${size}: built in ${((performance.now() - t) / 1000).toFixed(1)} s, ${index.termCount} terms`);
const seedIndex = buildIndex(seeds.passages);

const reference = questions.map((q) => VARIANTS.production!(index, q.text, 10));
console.log('| variant | p50 ms | p99 ms | max ms | keywords p99 | stopwords p99 | names p99 | question10 p99 | Hit@3 | MRR | top-10 overlap with production | source ¶ in top 3 | source MRR@10 |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const name of names) {
  const search = VARIANTS[name]!;
  for (const q of questions.slice(-50)) search(index, q.text, 10);
  const times: number[] = [];
  const byKind: Record<string, number[]> = {};
  let overlap = 0;
  let known3 = 0;
  let knownRR = 0;
  questions.forEach((q, i) => {
    // Best of REPS runs per question: the machine is shared, and a time slice lost to another
    // process says nothing about the variant.
    let ms = Infinity;
    let ids: number[] = [];
    for (let r = 0; r < REPS; r++) {
      t = performance.now();
      ids = search(index, q.text, 10);
      ms = Math.min(ms, performance.now() - t);
    }
    times.push(ms);
    (byKind[q.kind] ??= []).push(ms);
    // Known item: the paragraph the question was drawn from (or one of its repeats, same text).
    const rank = ids.findIndex((id) => textOf(id) === q.source);
    if (rank >= 0 && rank < 3) known3++;
    if (rank >= 0) knownRR += 1 / (rank + 1);
    const ref = new Set(reference[i]);
    overlap += ref.size ? ids.filter((id) => ref.has(id)).length / ref.size : 1;
  });
  const engine = { build() {}, serialize: () => '', load() {}, search: (q: string, limit: number) => search(seedIndex, q, limit) };
  const quality = await evaluate(engine, seeds.passages, dev);
  const s = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const k = (kind: string) => percentile(s(byKind[kind] ?? []), 0.99).toFixed(1);
  console.log(
    `| ${name} | ${percentile(s(times), 0.5).toFixed(2)} | ${percentile(s(times), 0.99).toFixed(1)} | ${Math.max(...times).toFixed(0)} | ${k('keywords')} | ${k('stopwords')} | ${k('names')} | ${k('question10')} | ${quality.hit3.toFixed(3)} | ${quality.mrr.toFixed(3)} | ${((overlap / questions.length) * 100).toFixed(0)}% | ${(known3 / questions.length).toFixed(3)} | ${(knownRR / questions.length).toFixed(3)} |`,
  );
}
