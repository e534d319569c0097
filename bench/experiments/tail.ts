// Is ours' p99 at 100k the queries or the machine? Each question 3 times: the best of 3 is the query's
// own cost, the spread is GC / other processes. Lists the slowest questions by their best time,
// with the plan (terms, document frequency, fuzzy/prefix).
//   node --expose-gc --import tsx bench/experiments/tail.ts [size=100000]
import type MiniSearch from 'minisearch';
import { buildIndex } from '../../src/search/buildIndex.js';
import { planQuery } from '../../src/search/queryPlan.js';
import { searchPassages } from '../../src/search/searchIndex.js';
import { makeCorpus, makeQuestions } from '../corpus.js';
import { percentile } from '../percentile.js';

const size = Number(process.argv[2] ?? 100_000);
const index = buildIndex(makeCorpus(size).passages);
const questions = makeQuestions();
const df = (term: string) => {
  const data = (index as unknown as { _index: { get(t: string): Map<number, { size: number }> | undefined } })._index.get(term);
  return data ? Math.max(...[...data.values()].map((p) => p.size)) : 0;
};
for (const q of questions.slice(0, 50)) searchPassages(index as MiniSearch, q.text, { limit: 10 });
const runs = questions.map((q) => {
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    searchPassages(index as MiniSearch, q.text, { limit: 10 });
    times.push(performance.now() - t);
  }
  return { q, best: Math.min(...times), first: times[0]!, worst: Math.max(...times) };
});
const sorted = (f: (r: (typeof runs)[number]) => number) => runs.map(f).sort((a, b) => a - b);
for (const [label, f] of [['first run', (r: (typeof runs)[number]) => r.first], ['best of 3', (r: (typeof runs)[number]) => r.best]] as const)
  console.log(`${label}: p50 ${percentile(sorted(f), 0.5).toFixed(2)} ms, p99 ${percentile(sorted(f), 0.99).toFixed(2)} ms, max ${Math.max(...sorted(f)).toFixed(1)} ms`);
console.log('slowest by best of 3:');
for (const r of [...runs].sort((a, b) => b.best - a.best).slice(0, 10)) {
  const plan = planQuery(r.q.text, index as MiniSearch);
  const terms = plan.terms.map((t) => `${t.term}(df ${df(t.term)}${t.fuzzy ? ', fuzzy+prefix' : ''})`).join(' ');
  console.log(`${r.best.toFixed(1)} ms (runs ${r.first.toFixed(1)}/${r.worst.toFixed(1)}) [${r.q.kind}] "${r.q.text}" → ${terms}`);
}
