// Prototype: score a planned query straight off MiniSearch's postings into typed arrays and keep
// only the top k, instead of MiniSearch.search() (which allocates a result object, a terms array
// and a match object per matching document, merges Maps per term, then sorts every match).
// Same BM25+ formula, same weights for prefix/fuzzy expansions, same coordination factor
// (score × distinct query terms matched), same tie order (first seen) — so the same ranking.
// Reads MiniSearch internals (_index, _fieldIds, _fieldLength, _avgFieldLength, _documentIds,
// _documentCount, _nextId), all unchanged through v7; a version bump needs this re-checked.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import type { QueryPlan } from '../../src/search/queryPlan.js';

type Postings = Map<number, number>;
type FieldData = Map<number, Postings>;
interface Internals {
  _index: {
    get(term: string): FieldData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldData]>;
    fuzzyGet(term: string, distance: number): Map<string, [FieldData, number]>;
  };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
}

interface Prepared {
  /** fieldLength[fieldId][shortId] (distinct words per field; 16 bits is plenty for a paragraph). */
  fieldLength: Uint16Array[];
  score: Float64Array;
  /** Distinct planned terms matched, per doc (the coordination factor). */
  termsMatched: Uint8Array;
  /** Last planned-term index that touched the doc, +1 (0 = untouched in this query). */
  lastTerm: Int32Array;
  /** Query stamp when the doc was last reset, so scratch arrays are never cleared in full. */
  stamp: Uint32Array;
  touched: Int32Array;
  query: number;
}

const prepared = new WeakMap<MiniSearch, Prepared>();

/** Typed-array views of the index, built once per index (~2 bytes × fields + 21 bytes per document). */
export function prepare(index: MiniSearch): Prepared {
  let p = prepared.get(index);
  if (p) return p;
  const ms = index as unknown as Internals;
  const n = ms._nextId;
  const fields = Object.keys(ms._fieldIds).length;
  const fieldLength = Array.from({ length: fields }, () => new Uint16Array(n));
  for (const [docId, lengths] of ms._fieldLength) lengths.forEach((len, f) => (fieldLength[f]![docId] = Math.min(len ?? 0, 65535)));
  p = {
    fieldLength,
    score: new Float64Array(n),
    termsMatched: new Uint8Array(n),
    lastTerm: new Int32Array(n),
    stamp: new Uint32Array(n),
    touched: new Int32Array(n),
    query: 0,
  };
  prepared.set(index, p);
  return p;
}

export function fastSearch(index: MiniSearch, plan: QueryPlan, options: SearchOptions, limit: number): number[] {
  if (plan.terms.length === 0) return [];
  const ms = index as unknown as Internals;
  const p = prepare(index);
  const q = ++p.query;
  const { k, b, d } = { k: 1.2, b: 0.7, d: 0.5, ...options.bm25 };
  const weights = { fuzzy: 0.45, prefix: 0.375, ...options.weights };
  const maxFuzzy = options.maxFuzzy ?? 6;
  const N = ms._documentCount;
  const fields = Object.entries(ms._fieldIds).map(([name, id]) => ({ id, boost: options.boost?.[name] || 1, avg: ms._avgFieldLength[id]! }));
  let touchedCount = 0;

  const addTerm = (termIndex: number, data: FieldData | undefined, weight: number) => {
    if (!data) return;
    for (const field of fields) {
      const postings = data.get(field.id);
      if (!postings) continue;
      const idf = Math.log(1 + (N - postings.size + 0.5) / (postings.size + 0.5));
      const lengths = p.fieldLength[field.id]!;
      const scale = weight * field.boost * idf;
      const norm = k / field.avg;
      postings.forEach((tf, docId) => {
        if (p.stamp[docId] !== q) {
          p.stamp[docId] = q;
          p.score[docId] = 0;
          p.termsMatched[docId] = 0;
          p.lastTerm[docId] = 0;
          p.touched[touchedCount++] = docId;
        }
        p.score[docId] = p.score[docId]! + scale * (d + (tf * (k + 1)) / (tf + k * (1 - b) + norm * b * lengths[docId]!));
        if (p.lastTerm[docId] !== termIndex + 1) {
          p.lastTerm[docId] = termIndex + 1;
          p.termsMatched[docId]!++;
        }
      });
    }
  };

  plan.terms.forEach((t, i) => {
    addTerm(i, ms._index.get(t.term), 1);
    const seen = new Set<string>([t.term]);
    if (t.prefix) {
      for (const [term, data] of ms._index.atPrefix(t.term)) {
        const distance = term.length - t.term.length;
        if (!distance) continue;
        seen.add(term);
        addTerm(i, data, (weights.prefix * term.length) / (term.length + 0.3 * distance));
      }
    }
    if (t.fuzzy) {
      const maxDistance = t.fuzzy < 1 ? Math.min(maxFuzzy, Math.round(t.term.length * t.fuzzy)) : t.fuzzy;
      if (maxDistance) {
        for (const [term, [data, distance]] of ms._index.fuzzyGet(t.term, maxDistance)) {
          if (!distance || seen.has(term)) continue;
          addTerm(i, data, (weights.fuzzy * term.length) / (term.length + distance));
        }
      }
    }
  });

  // Top `limit` by final score; ties keep first-seen order, as MiniSearch's stable sort does.
  const top: { doc: number; score: number; order: number }[] = [];
  for (let j = 0; j < touchedCount; j++) {
    const doc = p.touched[j]!;
    const score = p.score[doc]! * p.termsMatched[doc]!;
    if (top.length === limit && score <= top[top.length - 1]!.score) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.score < score) at--;
    top.splice(at, 0, { doc, score, order: j });
    if (top.length > limit) top.pop();
  }
  return top.map((x) => ms._documentIds.get(x.doc) as number);
}
