// `npm run bench:live`: one article added to a coverage of 100,000 paragraphs, and how long until it
// is searchable; then queries over base + live against the plain base scorer, and compaction.
//
// The base is the benchmark corpus (bench/corpus.ts, State of the Union paragraphs) indexed as the
// bot indexes coverage; each added article is a real news article from seeds/, written to a file and
// read back with the loader, as the watcher hands it over. The steps timed are the ones
// LiveLibrary.apply runs after the file is read (src/live/liveLibrary.ts): statements for the new
// article, index documents (made per article, unchanged ones reused), the next base + live index (compare, live
// segment, retired statistics, near-duplicates), the snapshot's ask, and the first question that
// finds the article. Statements here are the new article's own (analyseArticle + merge on it alone):
// the per-article step. The library (src/live/analyse.ts) then merges every article's kept analysis
// (mergeAnalyses, linear, no re-analysis); --statements times that merge over the whole coverage
// (analysing the 100,000 base paragraphs once first, which takes minutes).
//
//   npm run bench:live                       # 100,000 paragraphs
//   npm run bench:live -- --size 20000 --statements --json
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCorpus, makeQuestions } from './corpus.js';
import { percentile } from './percentile.js';
import { makeAsk } from '../src/answer/ask.js';
import { loadArticles } from '../src/corpus/loadArticles.js';
import { articleDocuments, liveIndex, makeBase, speakersByArticle, type CachedDocuments } from '../src/live/liveIndex.js';
import { speakerNames } from '../src/search/speakerNames.js';
import { openSearchState } from '../src/search/indexCache.js';
import { planQuery } from '../src/search/queryPlan.js';
import { searchPassages } from '../src/search/searchIndex.js';
import { buildSearchState } from '../src/search/searchState.js';
import { analyseArticle } from '../src/statements/analyseArticle.js';
import { analyseStatements, mergeAnalyses } from '../src/statements/analyseStatements.js';
import type { Article, Passage } from '../src/types.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const size = Number(option('size') ?? 100_000);
const json = args.includes('--json');
const withStatements = args.includes('--statements');
const ms = (from: number) => Math.round((performance.now() - from) * 10) / 10;

const SEEDS = new URL('../seeds/', import.meta.url).pathname;
const seedFiles = ['000_a6d617cfa2d6d08d', '001_adce4d69149a0ea2', '002_639d5f41b322b513', '003_325b66f23103642b', '004_c573857e72073604'];

const loads: number[] = [];
const sampleLoad = () => loads.push(loadavg()[0]!);

// The base: `size` paragraphs as articles (no statements: the corpus is speeches, not reporting).
const t0 = performance.now();
const basePassages = makeCorpus(size).passages;
const byDoc = new Map<string, Passage[]>();
for (const p of basePassages) (byDoc.get(p.doc) ?? byDoc.set(p.doc, []).get(p.doc)!).push(p);
const baseArticles: Article[] = [...byDoc].map(([doc, paragraphs]) => ({ doc, path: doc, title: null, url: null, source: 'State of the Union', publishedOn: paragraphs[0]!.publishedOn, paragraphs, captions: [] }));
// As LiveLibrary makes them: per article, cached, so that an update reuses the unchanged ones.
const documentCache = new WeakMap<Article, CachedDocuments>();
const baseDocuments = baseArticles.flatMap((a) => articleDocuments(a, undefined, documentCache));
const baseState = buildSearchState(basePassages, {});
const base = makeBase(baseState, basePassages, baseDocuments);
const baseMs = ms(t0);
sampleLoad();

interface Addition {
  article: string;
  paragraphs: number;
  readMs: number;
  statementsMs: number;
  documentsMs: number;
  indexMs: number;
  snapshotMs: number;
  firstQueryMs: number;
  totalMs: number;
  rank: number;
}

const dir = mkdtempSync(join(tmpdir(), 'coverage-bot-bench-live-'));
const additions: Addition[] = [];
for (const name of seedFiles) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, readFileSync(join(SEEDS, `${name}.txt`)));
  const started = performance.now();
  let t = started;
  const article: Article = (await loadArticles(file)).articles[0]!;
  const readMs = ms(t);
  t = performance.now();
  const { statements, people } = analyseStatements([article]);
  const statementsMs = ms(t);
  t = performance.now();
  const articles = [...baseArticles, article];
  const passages: Passage[] = articles.flatMap((a) => a.paragraphs);
  const speakers = speakersByArticle(speakerNames(statements, people));
  const documents = articles.flatMap((a) => articleDocuments(a, speakers.get(a.doc), documentCache));
  const documentsMs = ms(t);
  t = performance.now();
  const index = liveIndex(base, passages, documents);
  const indexMs = ms(t);
  t = performance.now();
  const ask = makeAsk(index.table, index, { statements, people });
  const snapshotMs = ms(t);
  t = performance.now();
  // A question made of the article's own words: searchable means it comes back.
  const probe = article.paragraphs[Math.floor(article.paragraphs.length / 2)]!;
  const question = probe.text.split(/\s+/u).slice(0, 12).join(' ');
  const hits = ask(question, { limit: 10 }).passages;
  const firstQueryMs = ms(t);
  const totalMs = ms(started);
  const rank = hits.findIndex((h) => h.doc === probe.doc && h.paragraph === probe.paragraph) + 1;
  additions.push({ article: name, paragraphs: article.paragraphs.length, readMs, statementsMs, documentsMs, indexMs, snapshotMs, firstQueryMs, totalMs, rank });
  sampleLoad();
}

// Queries: base + live (one article live) against the plain base scorer at the same size.
const lastArticle = (await loadArticles(join(dir, `${seedFiles[4]}.txt`))).articles[0]!;
const livePassages = [...basePassages, ...lastArticle.paragraphs];
const liveIx = liveIndex(base, livePassages, [...baseArticles, lastArticle].flatMap((a) => articleDocuments(a, undefined, documentCache)));
const questions = makeQuestions(300).map((q) => q.text);
const time = (run: (q: string) => unknown) => {
  for (const q of questions.slice(0, 30)) run(q); // warm-up
  return questions.map((q) => {
    const t = performance.now();
    run(q);
    return performance.now() - t;
  });
};
const plainTimes = time((q) => searchPassages(baseState.index, planQuery(q, baseState.index), { limit: 10 }));
const liveTimes = time((q) => liveIx.search(planQuery(q, liveIx.vocabulary), { limit: 10 }));
sampleLoad();

// Compaction: a new base over everything, written to the cache (tmp + rename).
let t = performance.now();
const cacheDir = mkdtempSync(join(tmpdir(), 'coverage-bot-bench-cache-'));
await openSearchState(livePassages, {}, { dir: cacheDir, name: 'bench-live' });
const compactMs = ms(t);
sampleLoad();

let statementsWholeMs: number | null = null;
if (withStatements) {
  // What the library's statements step adds to every update: the merge of every article's kept analysis.
  const all = [...baseArticles, lastArticle];
  const analyses = all.map((a) => analyseArticle(a));
  t = performance.now();
  mergeAnalyses(all, analyses);
  statementsWholeMs = ms(t);
  sampleLoad();
}
rmSync(dir, { recursive: true, force: true });
rmSync(cacheDir, { recursive: true, force: true });

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 0.5);
const result = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  cores: cpus().length,
  load: { min: Math.min(...loads), max: Math.max(...loads) },
  paragraphs: size,
  baseBuildMs: baseMs,
  additions,
  medianTotalMs: median(additions.map((a) => a.totalMs)),
  queries: {
    count: questions.length,
    plain: { p50: percentile([...plainTimes].sort((a, b) => a - b), 0.5), p99: percentile([...plainTimes].sort((a, b) => a - b), 0.99) },
    live: { p50: percentile([...liveTimes].sort((a, b) => a - b), 0.5), p99: percentile([...liveTimes].sort((a, b) => a - b), 0.99) },
  },
  compactMs,
  statementsWholeMs,
};

if (json) console.log(JSON.stringify(result));
else {
  const f = (x: number) => x.toFixed(1);
  console.log(`Live update benchmark, ${result.date}, ${size.toLocaleString('en')} paragraphs, Node ${result.node}, ${result.cores} cores, 1-min load ${result.load.min.toFixed(1)}–${result.load.max.toFixed(1)}${result.load.max > result.cores ? ' (above the core count, timings include waiting for the CPU)' : ''}.`);
  console.log(`base built in ${f(baseMs / 1000)} s\n`);
  console.log('| article | ¶ | read ms | statements ms | documents ms | index ms | snapshot ms | first query ms | total ms | rank |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const a of additions) {
    console.log(`| ${a.article.slice(0, 3)} | ${a.paragraphs} | ${f(a.readMs)} | ${f(a.statementsMs)} | ${f(a.documentsMs)} | ${f(a.indexMs)} | ${f(a.snapshotMs)} | ${f(a.firstQueryMs)} | ${f(a.totalMs)} | ${a.rank || 'miss'} |`);
  }
  console.log(`\none article added at ${size.toLocaleString('en')} paragraphs: searchable in ${f(result.medianTotalMs)} ms (median of ${additions.length}) ${result.medianTotalMs <= 1000 ? '✓' : '✗'} target 1 s`);
  console.log(`queries (${questions.length}, top 10): plain base p50 ${f(result.queries.plain.p50)} ms p99 ${f(result.queries.plain.p99)} ms; base + live p50 ${f(result.queries.live.p50)} ms p99 ${f(result.queries.live.p99)} ms`);
  console.log(`compaction (new base over ${livePassages.length.toLocaleString('en')} paragraphs + cache write): ${f(compactMs / 1000)} s`);
  if (statementsWholeMs !== null) console.log(`statements merge over the whole coverage (what every update adds, src/live/analyse.ts): ${f(statementsWholeMs / 1000)} s`);
}
