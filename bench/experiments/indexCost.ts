// Build, heap and load experiments on the production index options, without touching src/search:
//   A. production buildIndex / JSON / loadIndex (the baseline);
//   B. processTerm memoised per raw word (stemming + accent folding run once per distinct word);
//   C. without the `context` field (previous paragraph indexed again for anaphoric paragraphs);
//   D. persisting with v8.serialize of MiniSearch's internal Maps instead of JSON (no per-posting
//      parseInt / Object.entries on load).
//   node --expose-gc --import tsx bench/experiments/indexCost.ts [size=100000] [A,B,C,D]
import v8 from 'node:v8';
import MiniSearch from 'minisearch';
import { buildIndex, indexDocuments, loadIndex } from '../../src/search/buildIndex.js';
import { INDEX_OPTIONS, processTerm, type IndexedDocument } from '../../src/search/indexOptions.js';
import { makeCorpus } from '../corpus.js';

const size = Number(process.argv[2] ?? 100_000);
const which = process.argv[3]?.split(',') ?? ['A', 'B', 'C', 'D'];
const { passages } = makeCorpus(size);
const gc = (globalThis as { gc?: () => void }).gc!;
const heap = () => (gc(), gc(), process.memoryUsage().heapUsed);
const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(2);

/** processTerm with a per-word cache: the vocabulary is tiny next to the token count. */
function memoised(fn: (w: string) => string | null): (w: string) => string | null {
  const cache = new Map<string, string | null>();
  return (w) => {
    let r = cache.get(w);
    if (r === undefined && !cache.has(w)) cache.set(w, (r = fn(w)));
    return r ?? null;
  };
}

function measure(label: string, build: () => MiniSearch<IndexedDocument>, load: (json: string) => MiniSearch) {
  const base = heap();
  let t = performance.now();
  let index: MiniSearch | null = build();
  const buildS = secs(t);
  const heapB = (heap() - base) / size;
  const docsWithContext = indexDocuments(passages).filter((d) => d.context).length;
  t = performance.now();
  const json = JSON.stringify(index);
  const stringifyS = secs(t);
  index = null;
  const base2 = heap();
  t = performance.now();
  let loaded: MiniSearch | null = load(json);
  const loadS = secs(t);
  const heapLoaded = (heap() - base2) / size;
  loaded = null;
  console.log(
    `| ${label} | ${buildS} | ${heapB.toFixed(0)} | ${heapLoaded.toFixed(0)} | ${(json.length / 1e6).toFixed(1)} | ${stringifyS} | ${loadS} | ${docsWithContext} |`,
  );
  return loaded;
}

console.log(`size ${size}`);
console.log('| variant | build s | heap B/¶ built | heap B/¶ loaded | JSON MB | stringify s | load s | docs with context |');
console.log('|---|---|---|---|---|---|---|---|');
if (which.includes('A')) measure('A production', () => buildIndex(passages), loadIndex);
const memoOptions = { ...INDEX_OPTIONS, processTerm: memoised(processTerm) };
if (which.includes('B'))
  measure(
    'B memoised processTerm',
    () => {
      const ms = new MiniSearch<IndexedDocument>({ ...INDEX_OPTIONS, processTerm: memoised(processTerm) });
      ms.addAll(indexDocuments(passages));
      return ms;
    },
    (json) => MiniSearch.loadJSON(json, memoOptions),
  );
if (which.includes('C'))
  measure(
    'C memoised, no context field',
    () => {
      const ms = new MiniSearch<IndexedDocument>({ ...memoOptions, fields: ['text', 'speakers', 'title'] });
      ms.addAll(indexDocuments(passages).map(({ context: _c, ...rest }) => rest));
      return ms;
    },
    (json) => MiniSearch.loadJSON(json, { ...memoOptions, fields: ['text', 'speakers', 'title'] }),
  );

if (which.includes('D')) {
  // v8 structured serialisation of the internals loadJSON would rebuild; restored into a fresh instance.
  const KEYS = ['_documentCount', '_nextId', '_documentIds', '_idToShortId', '_fieldIds', '_fieldLength', '_avgFieldLength', '_storedFields', '_dirtCount'] as const;
  const ms = new MiniSearch<IndexedDocument>(memoOptions);
  ms.addAll(indexDocuments(passages));
  const internals = ms as unknown as Record<string, unknown> & { _index: { _tree: unknown; _prefix: string } };
  let t = performance.now();
  const buf = v8.serialize({ tree: internals._index._tree, ...Object.fromEntries(KEYS.map((k) => [k, internals[k]])) });
  const serS = secs(t);
  const base = heap();
  t = performance.now();
  const raw = v8.deserialize(buf) as Record<string, unknown> & { tree: unknown };
  const fresh = new MiniSearch<IndexedDocument>(memoOptions) as unknown as Record<string, unknown> & { _index: { _tree: unknown } };
  fresh._index._tree = raw.tree;
  for (const k of KEYS) fresh[k] = raw[k];
  const loadS = secs(t);
  const heapLoaded = (heap() - base) / size;
  const ok = JSON.stringify((fresh as unknown as MiniSearch).search('congress tariff')[0]) === JSON.stringify(ms.search('congress tariff')[0]);
  console.log(`| D v8.serialize internals | (as B) | – | ${heapLoaded.toFixed(0)} | ${(buf.length / 1e6).toFixed(1)} (binary) | ${serS} | ${loadS} | same results: ${ok} |`);
}
