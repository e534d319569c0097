// The best `limit` passages for a planned question, scored exactly as `MiniSearch#search` scores them
// (same BM25+, field boosts, fuzzy/prefix weights, coordination factor, and the same tie order) but
// without what makes MiniSearch slow on a large index: it allocates a result object, a terms array and
// a match object for every matching paragraph, merges per-term Maps, and sorts every match, even when
// ten are wanted. Profiled at 100k paragraphs that was ~75% of query time (termResults, GC, the final
// sort); the radix-tree walks for fuzzy/prefix were under 1%. Here scores accumulate in reusable typed
// arrays indexed by MiniSearch's internal short id, and only the top `limit` are kept (a small heap).
//
// It reads MiniSearch's internals (`_index`, `_fieldLength`, `_avgFieldLength`, `_fieldIds`,
// `_documentIds`, `_documentCount`), stable across v7; when they are missing, or documents have been
// discarded (MiniSearch then repairs postings lazily during search), it falls back to `index.search`.
// test/search/fastPaths.test.ts checks it against `index.search`, result for result.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import type { QueryPlan } from './queryPlan.js';

export interface Ranked {
  /** Position of the passage in the passages the index was built from. */
  id: number;
  score: number;
}

type Postings = ReadonlyMap<number, number>;
type TermData = Map<number, Postings>;
interface RadixTree {
  get(term: string): TermData | undefined;
  atPrefix(prefix: string): Iterable<[string, TermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
}
interface Internals {
  _index: RadixTree;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

/** Per-index scratch space, reused by every query (search is synchronous, so never shared mid-query). */
interface Scratch {
  size: number;
  /** Index document count when built: adding documents invalidates the scratch (lengths change). */
  documentCount: number;
  /**
   * Field lengths by field id, then short id: MiniSearch keeps them as a Map of small arrays, and that
   * lookup cost ~120 ns per posting (a hash probe plus a pointer chase) against ~10 ns for the rest
   * of the scoring. Copied once per index into flat arrays (4 bytes per paragraph per field).
   */
  lengths: Uint32Array[];
  total: Float64Array;
  termScore: Float64Array;
  /** Query terms matched (MiniSearch's "quality", the coordination factor). */
  matched: Uint16Array;
  /** Order in which a paragraph was first matched: MiniSearch's result order, which breaks score ties. */
  order: Int32Array;
  /** Which query / which term last wrote a paragraph's slots, so nothing needs clearing between queries. */
  queryStamps: Uint32Array;
  termStamps: Uint32Array;
  stamp: number;
  touched: Int32Array;
  termTouched: Int32Array;
}

const scratches = new WeakMap<object, Scratch>();

function scratchFor(index: Internals): Scratch {
  const size = index._nextId;
  let s = scratches.get(index);
  if (!s || s.size !== size || s.documentCount !== index._documentCount) {
    const lengths = Object.values(index._fieldIds).map(() => new Uint32Array(size));
    for (const [doc, perField] of index._fieldLength) {
      perField.forEach((length, fieldId) => {
        lengths[fieldId]![doc] = length;
      });
    }
    s = {
      size,
      documentCount: index._documentCount,
      lengths,
      total: new Float64Array(size),
      termScore: new Float64Array(size),
      matched: new Uint16Array(size),
      order: new Int32Array(size),
      queryStamps: new Uint32Array(size),
      termStamps: new Uint32Array(size),
      stamp: 0,
      touched: new Int32Array(size),
      termTouched: new Int32Array(size),
    };
    scratches.set(index, s);
  }
  return s;
}

const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };

function internalsOf(index: MiniSearch): Internals | null {
  const i = index as unknown as Partial<Internals>;
  const ok =
    i._index && typeof i._index.atPrefix === 'function' && typeof i._index.fuzzyGet === 'function' &&
    i._fieldLength instanceof Map && Array.isArray(i._avgFieldLength) && i._fieldIds && i._documentIds instanceof Map &&
    typeof i._documentCount === 'number' && typeof i._nextId === 'number' && !i._dirtCount;
  return ok ? (i as Internals) : null;
}

/**
 * The plan's results, best first, at most `limit` (all when `limit` is undefined), identical to
 * `index.search(toQuery(plan), options).slice(0, limit)` in ids, scores and order. Only the options the
 * production search uses are honoured (boost, bm25, weights, maxFuzzy, combineWith OR); anything else
 * (filter, boostDocument, boostTerm, fields, AND) falls back to MiniSearch.
 */
export function topK(
  index: MiniSearch,
  plan: QueryPlan,
  options: SearchOptions,
  limit: number | undefined,
  fallback: () => Ranked[],
): Ranked[] {
  const internals = internalsOf(index);
  const combine = (options.combineWith ?? 'OR').toUpperCase();
  if (!internals || combine !== 'OR' || options.filter || options.boostDocument || options.boostTerm || options.fields) {
    return fallback();
  }
  if (plan.terms.length === 0) return [];
  const s = scratchFor(internals);
  // Stamps say which query / which term last wrote a paragraph's slots; one counter serves both.
  if (s.stamp > 0xfff00000) {
    s.queryStamps.fill(0);
    s.termStamps.fill(0);
    s.stamp = 0;
  }
  const queryStamp = ++s.stamp;
  const { total, termScore, matched, order, touched, termTouched, queryStamps, termStamps } = s;
  let touchedCount = 0;

  const fieldIds = internals._fieldIds;
  const fields = Object.keys(fieldIds);
  // MiniSearch iterates fields in the order of its boosts object, built from the index's field list.
  const boosts = fields.map((field) => (options.boost?.[field] as number | undefined) || 1);
  const fieldIdOf = fields.map((field) => fieldIds[field]!);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const { k, b, d } = { ...DEFAULT_BM25, ...options.bm25 };
  const maxFuzzy = options.maxFuzzy ?? 6;
  const N = internals._documentCount;
  const lengths = s.lengths;
  const avgFieldLength = internals._avgFieldLength;
  const tree = internals._index;

  // Paragraphs matched by the current query term (through the term itself or a prefix/fuzzy variant).
  let termCount = 0;
  let termStamp = 0;
  // MiniSearch's termResults: BM25+ per field, weighted, summed per paragraph in posting order.
  const scoreTerm = (termWeight: number, data: TermData | undefined) => {
    if (!data) return;
    for (let f = 0; f < fields.length; f++) {
      const fieldId = fieldIdOf[f]!;
      const freqs = data.get(fieldId);
      if (freqs == null) continue;
      const matchingFields = freqs.size;
      const avg = avgFieldLength[fieldId]!;
      const invDocFreq = Math.log(1 + (N - matchingFields + 0.5) / (matchingFields + 0.5));
      // termBoost and docBoost are 1; multiplying by them is exact, so this is MiniSearch's product.
      const weight = termWeight * boosts[f]!;
      const fieldLengths = lengths[fieldId]!;
      // forEach, not for…of with destructuring: ~2× faster over a Map on Node 20 (and PackedPostings has it).
      freqs.forEach((termFreq, doc) => {
        const len = fieldLengths[doc]!;
        const weighted = weight * (invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * len) / avg))));
        if (termStamps[doc] !== termStamp) {
          termStamps[doc] = termStamp;
          termScore[doc] = weighted;
          termTouched[termCount++] = doc;
        } else {
          termScore[doc] = termScore[doc]! + weighted;
        }
      });
    }
  };

  for (const planned of plan.terms) {
    const term = planned.term;
    termStamp = ++s.stamp;
    termCount = 0;
    scoreTerm(1, tree.get(term));

    // As MiniSearch's executeQuerySpec: prefix variants first, then fuzzy ones not already prefixes.
    let fuzzyMatches: Map<string, [TermData, number]> | undefined;
    if (planned.fuzzy) {
      const fuzzy = planned.fuzzy;
      const maxDistance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) fuzzyMatches = tree.fuzzyGet(term, maxDistance);
    }
    if (planned.prefix) {
      for (const [derived, data] of tree.atPrefix(term)) {
        const distance = derived.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(derived);
        scoreTerm((weights.prefix * derived.length) / (derived.length + 0.3 * distance), data);
      }
    }
    if (fuzzyMatches) {
      for (const derived of fuzzyMatches.keys()) {
        const [data, distance] = fuzzyMatches.get(derived)!;
        if (!distance) continue;
        scoreTerm((weights.fuzzy * derived.length) / (derived.length + distance), data);
      }
    }

    // MiniSearch's OR merge: the term's sum is added to what earlier terms gave; new paragraphs join at the end.
    for (let i = 0; i < termCount; i++) {
      const doc = termTouched[i]!;
      if (queryStamps[doc] !== queryStamp) {
        queryStamps[doc] = queryStamp;
        total[doc] = termScore[doc]!;
        matched[doc] = 1;
        order[doc] = touchedCount;
        touched[touchedCount++] = doc;
      } else {
        total[doc] = total[doc]! + termScore[doc]!;
        matched[doc]!++;
      }
    }
  }

  const ids = internals._documentIds;
  const result = (doc: number): Ranked => ({ id: ids.get(doc) as number, score: total[doc]! * matched[doc]! });
  // Better: higher score, then earlier first match (MiniSearch's stable sort over its result Map).
  const better = (a: number, sa: number, b: number, sb: number) => sa > sb || (sa === sb && order[a]! < order[b]!);

  if (limit === undefined || limit >= touchedCount) {
    const all = Array.from(touched.subarray(0, touchedCount), result);
    // Stable, like MiniSearch's sort: equal scores keep first-match order.
    return all.sort((x, y) => y.score - x.score);
  }
  if (limit <= 0) return [];
  // Min-heap (worst at the root) of the best `limit` seen so far.
  const heap = new Int32Array(limit);
  const heapScore = new Float64Array(limit);
  let size = 0;
  const worse = (i: number, j: number) => better(heap[j]!, heapScore[j]!, heap[i]!, heapScore[i]!);
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
    const ts = heapScore[i]!;
    heapScore[i] = heapScore[j]!;
    heapScore[j] = ts;
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(l, m)) m = l;
      if (r < size && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    const score = total[doc]! * matched[doc]!;
    if (size < limit) {
      heap[size] = doc;
      heapScore[size] = score;
      let j = size++;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!worse(j, p)) break;
        swap(j, p);
        j = p;
      }
    } else if (better(doc, score, heap[0]!, heapScore[0]!)) {
      heap[0] = doc;
      heapScore[0] = score;
      siftDown(0);
    }
  }
  const best = Array.from(heap.subarray(0, size));
  best.sort((x, y) => (better(x, total[x]! * matched[x]!, y, total[y]! * matched[y]!) ? -1 : 1));
  return best.map(result);
}
