// Load-time experiment: MiniSearch's JSON (objects keyed by doc id as strings, so loadJS runs
// parseInt + Map.set per posting) versus a compact form of the same index with postings as flat
// number arrays [doc, tf, doc, tf, ...], restored straight into the instance's Maps.
//   node --expose-gc --import tsx bench/experiments/loadFormat.ts [size=100000]
import MiniSearch from 'minisearch';
import { buildIndex, loadIndex } from '../../src/search/buildIndex.js';
import { INDEX_OPTIONS } from '../../src/search/indexOptions.js';
import { makeCorpus, makeQuestions } from '../corpus.js';
import { searchPassages } from '../../src/search/searchIndex.js';

type FieldData = Map<number, Map<number, number>>;
interface Internals {
  _index: { set(term: string, data: FieldData): unknown; [Symbol.iterator](): Iterator<[string, FieldData]> };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
}

interface Compact {
  meta: ReturnType<MiniSearch['toJSON']>;
  /** shortId, id, fieldLength × fields, repeated. */
  docs: number[];
  /** term, then per field: fieldId, [doc, tf, ...]. */
  terms: (string | number | number[])[][];
}

export function toCompact(index: MiniSearch): string {
  const ms = index as unknown as Internals;
  const fields = INDEX_OPTIONS.fields.length;
  const docs: number[] = [];
  for (const [short, id] of ms._documentIds) {
    docs.push(short, id);
    const lengths = ms._fieldLength.get(short) ?? [];
    for (let f = 0; f < fields; f++) docs.push(lengths[f] ?? 0);
  }
  const terms: Compact['terms'] = [];
  for (const [term, data] of ms._index as unknown as Iterable<[string, FieldData]>) {
    const row: (string | number | number[])[] = [term];
    for (const [fieldId, postings] of data) {
      const flat: number[] = [];
      for (const [doc, tf] of postings) flat.push(doc, tf);
      row.push(fieldId, flat);
    }
    terms.push(row);
  }
  // The plain-object header without the index, through MiniSearch's own toJSON.
  const meta = { ...index.toJSON(), index: [], documentIds: {}, fieldLength: {}, storedFields: {} };
  return JSON.stringify({ meta, docs, terms } satisfies Compact);
}

export function fromCompact(json: string): MiniSearch {
  const { meta, docs, terms } = JSON.parse(json) as Compact;
  const index = MiniSearch.loadJS(meta, INDEX_OPTIONS); // public API: options, counts, averages
  const ms = index as unknown as Internals;
  const fields = INDEX_OPTIONS.fields.length;
  for (let i = 0; i < docs.length; i += 2 + fields) {
    const short = docs[i]!;
    const id = docs[i + 1]!;
    ms._documentIds.set(short, id);
    ms._idToShortId.set(id, short);
    ms._fieldLength.set(short, docs.slice(i + 2, i + 2 + fields));
  }
  for (const row of terms) {
    const data: FieldData = new Map();
    for (let j = 1; j < row.length; j += 2) {
      const flat = row[j + 1] as number[];
      const postings = new Map<number, number>();
      for (let k = 0; k < flat.length; k += 2) postings.set(flat[k]!, flat[k + 1]!);
      data.set(row[j] as number, postings);
    }
    ms._index.set(row[0] as string, data);
  }
  return index;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

async function main() {
  const size = Number(process.argv[2] ?? 100_000);
  const { passages } = makeCorpus(size);
  const built = buildIndex(passages);
  const json = JSON.stringify(built);
  const compact = toCompact(built);
  const time = (f: () => unknown) => {
    const t = performance.now();
    f();
    return (performance.now() - t) / 1000;
  };
  // Alternate the two, three times each, and keep the best: the machine is shared.
  const a: number[] = [];
  const b: number[] = [];
  let loadedA: MiniSearch | null = null;
  let loadedB: MiniSearch | null = null;
  for (let i = 0; i < 3; i++) {
    a.push(time(() => (loadedA = loadIndex(json))));
    b.push(time(() => (loadedB = fromCompact(compact))));
  }
  const same = makeQuestions(100).every(
    (q) => JSON.stringify(searchPassages(loadedA!, q.text, { limit: 10 })) === JSON.stringify(searchPassages(loadedB!, q.text, { limit: 10 })),
  );
  console.log(`size ${size}`);
  console.log(`| format | bytes MB | load s (best of 3) | all 3 |`);
  console.log(`|---|---|---|---|`);
  console.log(`| MiniSearch JSON + loadIndex | ${(json.length / 1e6).toFixed(1)} | ${Math.min(...a).toFixed(2)} | ${a.map((x) => x.toFixed(2)).join(' ')} |`);
  console.log(`| compact flat postings | ${(compact.length / 1e6).toFixed(1)} | ${Math.min(...b).toFixed(2)} | ${b.map((x) => x.toFixed(2)).join(' ')} |`);
  console.log(`same top 10 on 100 questions: ${same}`);
}
