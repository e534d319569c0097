// Where the production index's heap goes, by ablation: load the persisted index, then drop one part
// at a time (after GC each step) and attribute the heap freed to that part.
//   node --expose-gc --import tsx bench/experiments/heapParts.ts [size=100000]
import { buildIndex, loadIndex, serializeIndex } from '../../src/search/buildIndex.js';
import { searchPassages } from '../../src/search/searchIndex.js';
import { makeCorpus } from '../corpus.js';

const size = Number(process.argv[2] ?? 100_000);
const { passages } = makeCorpus(size);
const gc = (globalThis as { gc?: () => void }).gc!;
const heap = () => (gc(), gc(), gc(), process.memoryUsage().heapUsed);
const settle = async () => {
  await new Promise((r) => setTimeout(r, 200)); // let weak references and finalizers run
  return heap();
};
const before = await settle();
const serialized = serializeIndex(buildIndex(passages));
const base = await settle();
console.log(`left behind by buildIndex + serializeIndex once the index is dropped (serialized string ${(serialized.length / 1e6).toFixed(1)} MB of it): ${((base - before) / size).toFixed(0)} B/¶`);
let index: unknown = loadIndex(serialized);
searchPassages(index as never, 'congress tariff revenue', { limit: 10 }); // allocate top-k scratch
const ms = index as Record<string, unknown> & { _index: Iterable<[string, Map<number, { size: number }>]> | null };

// Postings per field, for bytes-per-posting.
const postings = new Map<number, number>();
let terms = 0;
for (const [, data] of ms._index!) {
  terms++;
  for (const [field, list] of data) postings.set(field, (postings.get(field) ?? 0) + list.size);
}
const total = (await settle()) - base;
console.log(`size ${size}: index heap ${(total / size).toFixed(0)} B/¶; ${terms} terms; postings by field id ${JSON.stringify(Object.fromEntries(postings))} (${([...postings.values()].reduce((a, b) => a + b, 0) / size).toFixed(1)} per ¶)`);
let last = total;
const drop = (label: string, f: () => void) => {
  f();
  const now = heap() - base;
  console.log(`| ${label} | ${((last - now) / size).toFixed(0)} B/¶ |`);
  last = now;
};
console.log('| part | heap |');
console.log('|---|---|');
drop('_fieldLength (Map of per-document arrays)', () => (ms._fieldLength = new Map()));
drop('_documentIds + _idToShortId (two Maps)', () => ((ms._documentIds = new Map()), (ms._idToShortId = new Map())));
drop('_storedFields', () => (ms._storedFields = new Map()));
drop('_index (radix tree + posting lists)', () => (ms._index = null));
drop('everything else (instance, top-k scratch)', () => (index = null));
