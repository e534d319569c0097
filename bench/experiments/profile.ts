// One phase of the production search at a given size, for `node --cpu-prof` (one profile per phase):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/experiments/profile.ts build|load|query [size]
// then: npx tsx bench/experiments/topFunctions.ts /tmp/prof/<file>.cpuprofile
import { buildIndex, loadIndex, serializeIndex } from '../../src/search/buildIndex.js';
import { searchPassages } from '../../src/search/searchIndex.js';
import { makeCorpus, makeQuestions } from '../corpus.js';

const phase = process.argv[2] ?? 'query';
const size = Number(process.argv[3] ?? 100_000);
const { passages } = makeCorpus(size);
const t0 = performance.now();
let index = buildIndex(passages);
const t1 = performance.now();
if (phase === 'load') {
  const json = serializeIndex(index);
  const t = performance.now();
  for (let i = 0; i < 3; i++) index = loadIndex(json);
  console.log(`load ×3 ${((performance.now() - t) / 1000).toFixed(2)} s`);
} else if (phase === 'query') {
  const t = performance.now();
  for (const q of makeQuestions()) searchPassages(index, q.text, { limit: 10 });
  console.log(`600 queries ${((performance.now() - t) / 1000).toFixed(2)} s`);
}
console.log(`build ${((t1 - t0) / 1000).toFixed(2)} s`);
