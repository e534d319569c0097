// Both quality measures every ranking change is judged on, over the real pipeline (loader,
// statements, index, ask): Cranfield nDCG@10 (ask with limit 30, first appearance of each document)
// and the dev questions' Hit@3 / MRR@10. Shared by `npm run eval`, the bench and bench/experiments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeAsk, type AskTuning } from '../answer/ask.js';
import { loadCoverage } from '../statements/loadCoverage.js';
import { buildSearchState } from '../search/searchState.js';
import type { Coverage } from '../types.js';
import { CRANFIELD_DIR, evaluateCranfield, readCranfield, writeCranfieldSeeds, type Cranfield } from './cranfieldEval.js';
import { evaluateQuestions, type GoldQuestion, type QuestionsEval } from './questionsEval.js';

/** Passages asked for per Cranfield query: ten documents need a few more passages than ten. */
export const CRANFIELD_PASSAGES = 30;

export interface Bench {
  coverage: Coverage;
  titles: Map<string, string>;
}

export async function loadBench(paths: string | string[]): Promise<Bench> {
  const coverage = await loadCoverage(paths);
  const titles = new Map<string, string>();
  for (const article of coverage.articles) if (article.title) titles.set(article.doc, article.title);
  return { coverage, titles };
}

export function askOver(bench: Bench, tuning: AskTuning = {}) {
  const { coverage, titles } = bench;
  const state = buildSearchState(coverage.passages, { statements: coverage.statements, people: coverage.people, titles });
  return makeAsk(coverage.passages, state, { statements: coverage.statements, people: coverage.people }, tuning);
}

export function devEval(bench: Bench, gold: GoldQuestion[], tuning: AskTuning = {}): QuestionsEval {
  const ask = askOver(bench, tuning);
  const texts = new Map(bench.coverage.passages.map((p) => [`${p.doc}\u0000${p.paragraph}`, p.text]));
  return evaluateQuestions(gold, (q) => ask(q, { limit: 10 }).passages, (doc, paragraph) => texts.get(`${doc}\u0000${paragraph}`));
}

export async function cranfieldEval(collection: Cranfield, bench: Bench, tuning: AskTuning = {}) {
  const ask = askOver(bench, tuning);
  return evaluateCranfield(collection, (q) => ask(q, { limit: CRANFIELD_PASSAGES }).passages.map((p) => p.doc));
}

/** The Cranfield collection and its documents as a coverage folder, or null when ../shared is absent. */
export async function loadCranfieldBench(root: string, cacheDir = join(root, '.cache')) {
  const collection = readCranfield(join(root, CRANFIELD_DIR));
  if (!collection) return null;
  const dir = writeCranfieldSeeds(collection, join(cacheDir, 'cranfield-seeds'));
  return { collection, dir, bench: await loadBench(dir) };
}

export function readGold(root: string): GoldQuestion[] {
  return JSON.parse(readFileSync(join(root, 'eval/questions.dev.json'), 'utf8')) as GoldQuestion[];
}
