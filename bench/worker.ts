// One engine at one size, in its own process (started by run.ts with --expose-gc), so heap figures
// belong to that engine alone. Reports one JSON result over IPC (or stdout when run by hand).
import { loadavg } from 'node:os';
import { makeCorpus, makeQuestions } from './corpus.js';
import { ENGINES } from './engines/types.js';
import { percentile } from './percentile.js';
import { cranfieldPassages, devQuestions, evaluate, evaluateCranfieldEngine, seedPassages } from './quality.js';

export interface WorkerArgs {
  engine: string;
  size: number;
  questions: number;
  /** Stop timing queries once this many seconds have been spent on them (slow engines only). */
  queryBudgetSec: number;
}

export interface WorkerResult {
  engine: string;
  size: number;
  naturalSize: number;
  repeats: number;
  note: string;
  buildSec: number;
  heapBytes: number;
  heapBytesLoaded: number;
  serializedBytes: number;
  serializeSec: number;
  loadSec: number;
  loadSameResults: string;
  queriesPlanned: number;
  queriesTimed: number;
  p50: number;
  p99: number;
  mean: number;
  byKind: Record<string, { n: number; p50: number; p99: number }>;
  hit3: number;
  mrr: number;
  /** nDCG@10 on Cranfield (null when ../shared/eval/cranfield is absent). */
  cranfieldNdcg10: number | null;
  qualityVia: string;
  qualityDetail: { question: string; rank: number | null }[];
  /** 1-minute load average when the child started and finished: other work on the machine skews timings. */
  loadAvg: [number, number];
}

const gc = (globalThis as { gc?: () => void }).gc;
/**
 * heapUsed plus ArrayBuffer memory (typed arrays live outside the JS heap: without them an index of
 * packed postings would look almost free), after letting finalizers run and collecting fully.
 */
async function heapAfterGc(): Promise<number> {
  if (!gc) throw new Error('run with node --expose-gc');
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let i = 0; i < 3; i++) gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}


async function main(args: WorkerArgs): Promise<WorkerResult> {
  const load0 = loadavg()[0]!;
  const factory = (await ENGINES[args.engine]!()).default;
  const { passages, naturalSize, repeats } = makeCorpus(args.size);
  const questions = makeQuestions(args.questions);
  const seeds = await seedPassages();
  const dev = devQuestions();

  // Build, with the heap measured against a baseline that already holds the corpus and questions.
  let engine = factory();
  const baseline = await heapAfterGc();
  let t = performance.now();
  await engine.build(passages);
  const buildSec = (performance.now() - t) / 1000;

  // Queries: warm up on a few (at most a tenth of the budget), then time each question once,
  // stopping when the budget is spent (only engines taking seconds per query ever reach it).
  const budgetMs = args.queryBudgetSec * 1000;
  let warm = performance.now();
  // Warm-up on keyword questions: they exercise the same code and cost milliseconds even on engines
  // that take seconds for a 10-word question, so the warm-up never eats the budget.
  for (const q of questions.filter((x) => x.kind === 'keywords').slice(-50)) {
    await engine.search(q.text, 10);
    if (performance.now() - warm > budgetMs / 10) break;
  }
  // Heap after the warm-up, so that scratch space an engine allocates on first search is counted.
  const heapBytes = (await heapAfterGc()) - baseline;
  const times: number[] = [];
  const kindTimes: Record<string, number[]> = {};
  const before: { text: string; ids: number[] }[] = [];
  let spent = 0;
  for (const q of questions) {
    t = performance.now();
    const r = engine.search(q.text, 10);
    const ids = r instanceof Promise ? await r : r;
    const ms = performance.now() - t;
    times.push(ms);
    (kindTimes[q.kind] ??= []).push(ms);
    if (before.length < 20 && q.kind === 'keywords') before.push({ text: q.text, ids });
    spent += ms;
    if (spent > budgetMs) break;
  }

  // Persist and load back (JSON parse included in the load time, as a restart would pay it).
  t = performance.now();
  const serialized = await engine.serialize();
  const serializeSec = (performance.now() - t) / 1000;
  engine = factory();
  const baseline2 = await heapAfterGc();
  t = performance.now();
  await engine.load(serialized, passages);
  const loadSec = (performance.now() - t) / 1000;
  // Sanity: the loaded index answers as the built one did (a tenth of the budget at most).
  let same = 0;
  let checked = 0;
  warm = performance.now();
  for (; checked < before.length && performance.now() - warm < budgetMs / 10; checked++) {
    const ids = await engine.search(before[checked]!.text, 10);
    if (JSON.stringify(ids) === JSON.stringify(before[checked]!.ids)) same++;
  }
  const heapBytesLoaded = (await heapAfterGc()) - baseline2;

  // Quality on the seeds with the dev questions.
  const qEngine = factory();
  await qEngine.build(seeds.passages);
  const quality = await evaluate(qEngine, seeds.passages, dev);
  // Quality on judgements made by others: Cranfield, one article per abstract.
  const cranfield = await cranfieldPassages();
  let cranfieldNdcg10: number | null = null;
  if (cranfield) {
    const cEngine = factory();
    await cEngine.build(cranfield.passages);
    cranfieldNdcg10 = await evaluateCranfieldEngine(cEngine, cranfield);
  }

  const sorted = [...times].sort((a, b) => a - b);
  const byKind: WorkerResult['byKind'] = {};
  for (const [k, v] of Object.entries(kindTimes)) {
    const s = [...v].sort((a, b) => a - b);
    byKind[k] = { n: s.length, p50: percentile(s, 0.5), p99: percentile(s, 0.99) };
  }
  return {
    engine: args.engine,
    size: args.size,
    naturalSize,
    repeats,
    note: engine.note ?? '',
    buildSec,
    heapBytes,
    heapBytesLoaded,
    serializedBytes: Buffer.byteLength(serialized),
    serializeSec,
    loadSec,
    loadSameResults: `${same}/${checked}`,
    queriesPlanned: questions.length,
    queriesTimed: times.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    byKind,
    hit3: quality.hit3,
    mrr: quality.mrr,
    cranfieldNdcg10,
    qualityVia: seeds.via,
    qualityDetail: quality.perQuestion,
    loadAvg: [load0, loadavg()[0]!],
  };
}

const args = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
main(args).then(
  (result) => {
    if (process.send) process.send(result, () => process.exit(0));
    else (console.log(JSON.stringify(result, null, 1)), process.exit(0));
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
