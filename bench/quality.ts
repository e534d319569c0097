// Quality on the project's own dev questions: each engine indexes the seed articles' paragraphs and
// answers eval/questions.dev.json; a hit is a returned paragraph of a relevant doc containing its snippet.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Passage } from '../src/types.js';
import type { Engine } from './engines/types.js';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Cranfield (../shared/eval/cranfield) as passages through the project's loader, one article per
 * abstract, or null when the collection is absent (the bench then notes it and goes on).
 */
export async function cranfieldPassages() {
  const { readCranfield, writeCranfieldSeeds, CRANFIELD_DIR } = await import('../src/eval/cranfieldEval.js');
  const { loadArticles } = await import('../src/corpus/loadArticles.js');
  const collection = readCranfield(join(ROOT, CRANFIELD_DIR));
  if (!collection) return null;
  const dir = writeCranfieldSeeds(collection, join(ROOT, '.cache/cranfield-seeds'));
  const { articles } = await loadArticles(dir);
  return { collection, passages: articles.flatMap((a) => a.paragraphs) };
}

/** nDCG@10 of an engine built over Cranfield's passages: the top 30 passages, read as documents in order. */
export async function evaluateCranfieldEngine(engine: Engine, data: NonNullable<Awaited<ReturnType<typeof cranfieldPassages>>>) {
  const { evaluateCranfield } = await import('../src/eval/cranfieldEval.js');
  const { CRANFIELD_PASSAGES } = await import('../src/eval/rankingHarness.js');
  const result = await evaluateCranfield(data.collection, async (query) =>
    (await engine.search(query, CRANFIELD_PASSAGES)).map((id) => data.passages[id]!.doc),
  );
  return result.ndcg10;
}

interface DevQuestion {
  question: string;
  relevant: { doc: string; contains: string }[];
}

/** Seed paragraphs through the project's loader (src/corpus/loadArticles), else a plain newline split. */
export async function seedPassages(): Promise<{ passages: Passage[]; via: string }> {
  const dir = join(ROOT, 'seeds');
  try {
    const { loadArticles } = (await import('../src/corpus/loadArticles.js')) as {
      loadArticles: (p: string) => Promise<{ articles: { paragraphs: Passage[] }[] }>;
    };
    const { articles } = await loadArticles(dir);
    return { passages: articles.flatMap((a) => a.paragraphs), via: 'src/corpus loadArticles' };
  } catch (error) {
    // Provisional fallback while the loader is unavailable or broken.
    const passages: Passage[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const doc = file.slice(0, -4);
      const lines = readFileSync(join(dir, file), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
      lines.forEach((text, i) => passages.push({ doc, paragraph: i + 1, text, publishedOn: null, source: null }));
    }
    return { passages, via: `newline split (loader failed: ${(error as Error).message})` };
  }
}

export function devQuestions(): DevQuestion[] {
  return JSON.parse(readFileSync(join(ROOT, 'eval/questions.dev.json'), 'utf8')) as DevQuestion[];
}

/** Hit@3 and MRR (over the top 10) of an engine already built over `passages`. */
export async function evaluate(engine: Engine, passages: readonly Passage[], questions: DevQuestion[]) {
  let hit3 = 0;
  let rr = 0;
  const perQuestion: { question: string; rank: number | null }[] = [];
  for (const q of questions) {
    const ids = await engine.search(q.question, 10);
    const rank = ids.findIndex((id) => {
      const p = passages[id];
      return !!p && q.relevant.some((r) => r.doc === p.doc && p.text.includes(r.contains));
    });
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    perQuestion.push({ question: q.question, rank: rank >= 0 ? rank + 1 : null });
  }
  return { hit3: hit3 / questions.length, mrr: rr / questions.length, perQuestion };
}
