// Ranks paragraphs across the base index and the live segment as if they were one freshly built index.
//
// One set of collection statistics serves both parts: paragraph count, per-field average length and
// per-term document frequency are sums over base and live, minus what retired base paragraphs
// contributed. So a new article's paragraphs score exactly as they would after a full rebuild, and
// retired (removed or replaced) base paragraphs neither match nor weigh on anyone's idf.
//
// Scoring is MiniSearch's BM25+ (same formula, field boosts, prefix/fuzzy weights and coordination
// factor as topK.ts), with two deliberate differences that make the result independent of the order
// in which paragraphs entered the index (which is what "equal to a fresh build" needs):
// - the average field length is the sum of lengths over the paragraphs that have the field divided by
//   their number (MiniSearch keeps a running value that, for fields only some paragraphs have, depends
//   on where those paragraphs sit in insertion order);
// - equal scores are ordered by the paragraph's place in the coverage (article, then paragraph), not
//   by which paragraph happened to match first; prefix/fuzzy variants are summed in term order.
import type { SearchOptions } from 'minisearch';
import { FIELDS, type FieldPostings, type RetiredStats, type SegmentReader } from './liveSegment.js';
import type { QueryPlan } from './queryPlan.js';
import type { Ranked } from './topK.js';

/** Base plus live, one id space: base paragraphs are 0..base.size-1, live ones base.size + local id. */
export interface SegmentedIndex {
  base: SegmentReader;
  live: SegmentReader;
  /** 1 at base ids that are hidden (their article was removed or replaced, or their fields changed). */
  retired: Uint8Array;
  retiredStats: RetiredStats;
  /** Tie order by id: the paragraph's position in the coverage (lower first). */
  order: Int32Array;
}

/** The statistics every paragraph is scored with, whichever part holds it. */
export interface CollectionStats {
  documentCount: number;
  averageFieldLength: number[];
  docFreq(term: string, fieldId: number): number;
}

export function collectionStats(ix: SegmentedIndex): CollectionStats {
  const { base, live, retiredStats: gone } = ix;
  return {
    documentCount: base.totals.documents - gone.totals.documents + live.totals.documents,
    averageFieldLength: FIELDS.map((_, f) => {
      const sum = base.totals.lengthSum[f]! - gone.totals.lengthSum[f]! + live.totals.lengthSum[f]!;
      const count = base.totals.withField[f]! - gone.totals.withField[f]! + live.totals.withField[f]!;
      return count > 0 ? sum / count : 0;
    }),
    docFreq: (term, f) => docFreq(ix, term, f, base.get(term), live.get(term)),
  };
}

function docFreq(ix: SegmentedIndex, term: string, f: number, inBase: FieldPostings | undefined, inLive: FieldPostings | undefined): number {
  return (inBase?.get(f)?.size ?? 0) - (ix.retiredStats.docFreq.get(term)?.[f] ?? 0) + (inLive?.get(f)?.size ?? 0);
}

/** Whether any visible paragraph holds `term` (the planner's "known word" test, over both parts). */
export function hasTerm(ix: SegmentedIndex, term: string): boolean {
  const inBase = ix.base.get(term);
  const inLive = ix.live.get(term);
  return FIELDS.some((_, f) => docFreq(ix, term, f, inBase, inLive) > 0);
}

interface Scratch {
  total: Float64Array;
  termScore: Float64Array;
  matched: Uint16Array;
  queryStamps: Uint32Array;
  termStamps: Uint32Array;
  touched: Int32Array;
  termTouched: Int32Array;
  stamp: number;
  stats: CollectionStats;
}

const scratches = new WeakMap<SegmentedIndex, Scratch>();

function scratchFor(ix: SegmentedIndex): Scratch {
  let s = scratches.get(ix);
  if (!s) {
    const size = ix.base.size + ix.live.size;
    s = {
      total: new Float64Array(size),
      termScore: new Float64Array(size),
      matched: new Uint16Array(size),
      queryStamps: new Uint32Array(size),
      termStamps: new Uint32Array(size),
      touched: new Int32Array(size),
      termTouched: new Int32Array(size),
      stamp: 0,
      stats: collectionStats(ix),
    };
    scratches.set(ix, s);
  }
  return s;
}

const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * The plan's results over base + live, best first, at most `limit` (all when undefined). Honours the
 * options production search uses: boost, bm25, weights, maxFuzzy (combineWith is always OR).
 */
export function searchSegments(ix: SegmentedIndex, plan: QueryPlan, options: SearchOptions, limit?: number): Ranked[] {
  if (plan.terms.length === 0) return [];
  const s = scratchFor(ix);
  if (s.stamp > 0xfff00000) {
    s.queryStamps.fill(0);
    s.termStamps.fill(0);
    s.stamp = 0;
  }
  const queryStamp = ++s.stamp;
  const { total, termScore, matched, touched, termTouched, queryStamps, termStamps, stats } = s;
  const boosts = FIELDS.map((field) => (options.boost?.[field] as number | undefined) || 1);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const { k, b, d } = { ...DEFAULT_BM25, ...options.bm25 };
  const maxFuzzy = options.maxFuzzy ?? 6;
  const N = stats.documentCount;
  const { base, live, retired } = ix;
  const offset = base.size;
  let touchedCount = 0;
  let termCount = 0;
  let termStamp = 0;

  const scoreVariant = (term: string, termWeight: number) => {
    const inBase = base.get(term);
    const inLive = live.get(term);
    if (!inBase && !inLive) return;
    for (let f = 0; f < FIELDS.length; f++) {
      const df = docFreq(ix, term, f, inBase, inLive);
      if (df <= 0) continue;
      const avg = stats.averageFieldLength[f]!;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const weight = termWeight * boosts[f]!;
      const add = (id: number, termFreq: number, len: number) => {
        const weighted = weight * (idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * len) / avg))));
        if (termStamps[id] !== termStamp) {
          termStamps[id] = termStamp;
          termScore[id] = weighted;
          termTouched[termCount++] = id;
        } else termScore[id] = termScore[id]! + weighted;
      };
      inBase?.get(f)?.forEach((termFreq, doc) => {
        if (!retired[doc]) add(doc, termFreq, base.fieldLength(f, doc));
      });
      inLive?.get(f)?.forEach((termFreq, doc) => add(offset + doc, termFreq, live.fieldLength(f, doc)));
    }
  };

  for (const planned of plan.terms) {
    const term = planned.term;
    termStamp = ++s.stamp;
    termCount = 0;
    scoreVariant(term, 1);

    // As MiniSearch's executeQuerySpec, over the union of both dictionaries: a derived term that is a
    // prefix match scores as one, else as a fuzzy match; the exact term only once, above.
    const variants = new Map<string, number>();
    if (planned.prefix) {
      for (const segment of [base, live]) {
        for (const [derived] of segment.atPrefix(term)) {
          const distance = derived.length - term.length;
          if (distance) variants.set(derived, (weights.prefix * derived.length) / (derived.length + 0.3 * distance));
        }
      }
    }
    if (planned.fuzzy) {
      const fuzzy = planned.fuzzy;
      const maxDistance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) {
        for (const segment of [base, live]) {
          for (const [derived, [, distance]] of segment.fuzzyGet(term, maxDistance)) {
            if (distance && !variants.has(derived)) variants.set(derived, (weights.fuzzy * derived.length) / (derived.length + distance));
          }
        }
      }
    }
    for (const derived of [...variants.keys()].sort()) scoreVariant(derived, variants.get(derived)!);

    for (let i = 0; i < termCount; i++) {
      const id = termTouched[i]!;
      if (queryStamps[id] !== queryStamp) {
        queryStamps[id] = queryStamp;
        total[id] = termScore[id]!;
        matched[id] = 1;
        touched[touchedCount++] = id;
      } else {
        total[id] = total[id]! + termScore[id]!;
        matched[id]!++;
      }
    }
  }

  const order = ix.order;
  const ranked: Ranked[] = new Array(touchedCount);
  for (let i = 0; i < touchedCount; i++) {
    const id = touched[i]!;
    ranked[i] = { id, score: total[id]! * matched[id]! };
  }
  const byRank = (x: Ranked, y: Ranked) => y.score - x.score || order[x.id]! - order[y.id]!;
  if (limit === undefined || limit >= ranked.length) return ranked.sort(byRank);
  if (limit <= 0) return [];
  return topOf(ranked, limit, byRank);
}

/** The best `limit` of `items` under `compare`, sorted: a bounded heap, not a sort of every match. */
function topOf<T>(items: T[], limit: number, compare: (a: T, b: T) => number): T[] {
  const heap: T[] = [];
  // Max-heap under `compare` (the worst kept item at the root).
  const worse = (i: number, j: number) => compare(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      for (let j = heap.length - 1; j > 0; ) {
        const p = (j - 1) >> 1;
        if (!worse(j, p)) break;
        swap(j, p);
        j = p;
      }
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort(compare);
}
