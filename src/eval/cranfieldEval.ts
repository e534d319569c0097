// Cranfield (1,400 aeronautics abstracts, 225 queries, graded judgements; ../shared/eval/cranfield):
// a ranking judged by people who never saw this project. nDCG@10 with graded gain and a log2
// discount, the ideal ranking taken from the judgements (the usual trec_eval `ndcg_cut_10`).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CRANFIELD_DIR = '../shared/eval/cranfield';
/** Documents returned per query for nDCG@10. */
export const CUTOFF = 10;

export interface CranfieldDoc {
  id: string;
  title: string;
  text: string;
}
export interface Cranfield {
  docs: CranfieldDoc[];
  queries: { id: number; text: string }[];
  /** Query id → doc id → grade (4 most relevant … 1 minimally; unlisted = 0). */
  qrels: Map<number, Map<string, number>>;
}

export function readCranfield(dir = CRANFIELD_DIR): Cranfield | null {
  if (!existsSync(join(dir, 'docs.jsonl'))) return null;
  const lines = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim());
  const docs = lines('docs.jsonl').map((l) => JSON.parse(l) as CranfieldDoc);
  const queries = lines('queries.jsonl').map((l) => JSON.parse(l) as { id: number; text: string });
  const qrels = new Map<number, Map<string, number>>();
  for (const line of lines('qrels.tsv').slice(1)) {
    const [query, doc, grade] = line.split('\t');
    const q = Number(query);
    if (!qrels.has(q)) qrels.set(q, new Map());
    qrels.get(q)!.set(doc!, Number(grade));
  }
  return { docs, queries, qrels };
}

/** nDCG@k of one ranking (doc ids, best first; repeats count once, at their first place). */
export function ndcgAt(ranking: readonly string[], judged: ReadonlyMap<string, number>, k = CUTOFF): number {
  const seen = new Set<string>();
  let dcg = 0;
  let rank = 0;
  for (const doc of ranking) {
    if (seen.has(doc)) continue;
    seen.add(doc);
    if (rank >= k) break;
    dcg += (judged.get(doc) ?? 0) / Math.log2(rank + 2);
    rank++;
  }
  const ideal = [...judged.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

export interface CranfieldEval {
  queries: number;
  ndcg10: number;
}

/** Mean nDCG@10 over every judged query; `rank` gives doc ids best first (duplicates allowed). */
export async function evaluateCranfield(
  collection: Cranfield,
  rank: (query: string) => readonly string[] | Promise<readonly string[]>,
): Promise<CranfieldEval> {
  let sum = 0;
  let n = 0;
  for (const query of collection.queries) {
    const judged = collection.qrels.get(query.id);
    if (!judged) continue;
    sum += ndcgAt(await rank(query.text), judged);
    n++;
  }
  return { queries: n, ndcg10: n ? sum / n : 0 };
}

/**
 * The collection as coverage: one `<id>.txt` per document in `dir` (written once, atomically), so
 * that it goes through the same loader and `ask` as any news folder (`npm run ask -- --seeds dir`).
 */
export function writeCranfieldSeeds(collection: Cranfield, dir: string): string {
  if (existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.txt')).length === collection.docs.length) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  mkdirSync(tmp, { recursive: true });
  for (const doc of collection.docs) writeFileSync(join(tmp, `${doc.id}.txt`), `${doc.text}\n`);
  mkdirSync(join(dir, '..'), { recursive: true });
  if (existsSync(dir)) return dir;
  renameSync(tmp, dir);
  return dir;
}
