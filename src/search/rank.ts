// Ranking: BM25 (Robertson/Spärck Jones, with the BM25+ floor `d`) summed over fields with per-field
// boosts, over one segment of the index, keeping only the best `limit` (a small heap), with scores
// accumulated in typed arrays reused between queries. The collection statistics are an input, so a
// base and a live segment scored with the same statistics give comparable scores (collectionStats.ts).
import type SearchableMap from 'minisearch/SearchableMap';
import type { CollectionStats } from './collectionStats.js';
import type { Segment } from './invertedIndex.js';
import type { QueryPlan } from './queryPlan.js';

export interface Ranked {
  /** Position of the passage in the passages the index was built from. */
  id: number;
  score: number;
}

export interface RankOptions {
  /** Score multiplier per field name (missing: 1). */
  boost: Readonly<Record<string, number>>;
  /** BM25 term-frequency saturation, length normalisation, and the BM25+ floor per matching term. */
  bm25: { k1: number; b: number; d: number };
  /** Weights of prefix and fuzzy variants relative to the exact term. */
  weights: { fuzzy: number; prefix: number; related: number };
  /** Cap on fuzzy edit distance. */
  maxFuzzy: number;
}

/** One term to look up: a query term itself or a prefix/fuzzy variant of it, with its weight. */
export interface WeightedTerm {
  term: string;
  /** Which planned term it stands for (variants of one term count as one matched term). */
  queryTerm: number;
  weight: number;
  /**
   * The typed word (0) and its short forms or full names (1, 2…: aliases, each one or more terms):
   * alternatives that name the same thing, so a passage scores the best of them, not their sum (a
   * passage saying both "Lib Dems" and "Liberal Democrats" is not twice as relevant). Terms of one
   * alternative come together and add up; other variants add as before.
   */
  alternative?: number;
  /** For an alias: rarity is read from the typed word's term, so an alias weighs what the typed word weighs. */
  rarityOf?: string;
}

/**
 * The plan's terms with their prefix and fuzzy variants, looked up once in the given vocabularies
 * (the base's, and a live segment's when there is one), so that every segment scores the same list.
 * Variant weights as MiniSearch gives them: prefix w·len/(len + 0.3·extra), fuzzy w·len/(len + distance).
 */
export function expandPlan(plan: QueryPlan, vocabularies: readonly SearchableMap<unknown>[], options: RankOptions): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  plan.terms.forEach((planned, queryTerm) => {
    const term = planned.term;
    const alternative = planned.aliases?.length ? { alternative: 0 } : {};
    out.push({ term, queryTerm, weight: planned.weight ?? 1, ...alternative });
    const scale = planned.weight ?? 1;
    const variants = new Map<string, number>();
    for (const vocabulary of vocabularies) {
      if (planned.prefix) {
        for (const derived of vocabulary.atPrefix(term).keys()) {
          const extra = derived.length - term.length;
          if (extra > 0) variants.set(derived, (options.weights.prefix * derived.length) / (derived.length + 0.3 * extra));
        }
      }
      if (planned.fuzzy) {
        const distance = planned.fuzzy < 1 ? Math.min(options.maxFuzzy, Math.round(term.length * planned.fuzzy)) : planned.fuzzy;
        if (!distance) continue;
        for (const [derived, [, d]] of vocabulary.fuzzyGet(term, distance)) {
          if (!d || variants.has(derived)) continue;
          variants.set(derived, (options.weights.fuzzy * derived.length) / (derived.length + d));
        }
      }
    }
    for (const other of planned.related ?? []) if (!variants.has(other) && other !== term) variants.set(other, options.weights.related);
    for (const [derived, weight] of variants) out.push({ term: derived, queryTerm, weight: weight * scale });
    (planned.aliases ?? []).forEach((alias, a) => {
      // A name of several words shares the typed word's weight between its words.
      for (const other of alias) out.push({ term: other, queryTerm, weight: scale / alias.length, alternative: a + 1, rarityOf: term });
    });
  });
  return out;
}

/** Scratch arrays per segment, reused by every query (search is synchronous: never shared mid-query). */
interface Scratch {
  total: Float64Array;
  /** Which query last wrote a passage's score, so nothing needs clearing between queries. */
  queryStamps: Uint32Array;
  /** Which planned term last counted for a passage, and how many planned terms it matched. */
  termStamps: Uint32Array;
  matched: Uint16Array;
  touched: Int32Array;
  /** For alternatives (see WeightedTerm): one alternative's score per passage, and the best so far per query term. */
  variantScore: Float64Array;
  variantStamps: Uint32Array;
  bestScore: Float64Array;
  bestStamps: Uint32Array;
  stamp: number;
}
const scratches = new WeakMap<Segment, Scratch>();

function scratchFor(segment: Segment): Scratch {
  const size = segment.idLimit;
  let s = scratches.get(segment);
  if (!s || s.total.length < size) {
    s = {
      total: new Float64Array(size),
      queryStamps: new Uint32Array(size),
      termStamps: new Uint32Array(size),
      matched: new Uint16Array(size),
      touched: new Int32Array(size),
      variantScore: new Float64Array(size),
      variantStamps: new Uint32Array(size),
      bestScore: new Float64Array(size),
      bestStamps: new Uint32Array(size),
      stamp: 0,
    };
    scratches.set(segment, s);
  }
  if (s.stamp > 0xfff00000) {
    s.queryStamps.fill(0);
    s.termStamps.fill(0);
    s.variantStamps.fill(0);
    s.bestStamps.fill(0);
    s.stamp = 0;
  }
  return s;
}

export interface RankRequest {
  /** Best this many (all when undefined). */
  limit?: number;
  /** Passages for which this is false are left out (retired ids, date and source filters). */
  accept?: (id: number) => boolean;
  /**
   * Per passage, multiplies its score once all terms are in (question types: a date for "when").
   * Called only for passages that matched at least one term.
   */
  prior?: (id: number, matched: number) => number;
}

/** The best passages of `segment` for the weighted terms, best first; ties go to the lower id. */
export function rankSegment(
  segment: Segment,
  stats: CollectionStats,
  terms: readonly WeightedTerm[],
  options: RankOptions,
  request: RankRequest = {},
): Ranked[] {
  if (terms.length === 0) return [];
  const s = scratchFor(segment);
  const queryStamp = ++s.stamp;
  const { total, queryStamps, termStamps, matched, touched } = s;
  let touchedCount = 0;
  const { k1: k, b, d } = options.bm25;
  const N = stats.documentCount;
  const boosts = segment.fields.map((field) => options.boost[field] ?? 1);
  const stampOfTerm: number[] = [];
  const { variantScore, variantStamps, bestScore, bestStamps } = s;

  for (let j = 0; j < terms.length; j++) {
    const { term, queryTerm, weight, alternative } = terms[j]!;
    const termStamp = (stampOfTerm[queryTerm] ??= ++s.stamp);
    if (alternative !== undefined) {
      // One alternative (its terms in a run, over every field) at a time; a passage keeps only what it
      // adds over the best alternative of this query term so far.
      const variantStamp = ++s.stamp;
      const docsOfVariant: number[] = [];
      for (; j < terms.length && terms[j]!.queryTerm === queryTerm && terms[j]!.alternative === alternative; j++) {
        const part = terms[j]!;
        for (let field = 0; field < segment.fields.length; field++) {
          const boost = boosts[field]!;
          const list = boost ? segment.postings(part.term, field) : null;
          if (!list) continue;
          const df = stats.documentFrequency(part.rarityOf ?? part.term, field);
          const w = part.weight * boost * Math.log(1 + (N - df + 0.5) / (df + 0.5));
          const avg = stats.averageLength[field] || 1;
          const lengths = segment.lengths(field);
          for (let i = list.from; i < list.to; i++) {
            const doc = list.docs[i]!;
            const tf = list.freqs[i]!;
            const score = w * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[doc]!) / avg)));
            if (variantStamps[doc] !== variantStamp) {
              variantStamps[doc] = variantStamp;
              variantScore[doc] = 0;
              docsOfVariant.push(doc);
            }
            variantScore[doc] = variantScore[doc]! + score;
          }
        }
      }
      j--; // The for loop's j++ moves to the first term after the run.
      for (const doc of docsOfVariant) {
        const best = bestStamps[doc] === termStamp ? bestScore[doc]! : 0;
        const score = variantScore[doc]!;
        if (score <= best) continue;
        bestStamps[doc] = termStamp;
        bestScore[doc] = score;
        if (queryStamps[doc] !== queryStamp) {
          queryStamps[doc] = queryStamp;
          total[doc] = score - best;
          termStamps[doc] = termStamp;
          matched[doc] = 1;
          touched[touchedCount++] = doc;
        } else {
          total[doc] = total[doc]! + score - best;
          if (termStamps[doc] !== termStamp) {
            termStamps[doc] = termStamp;
            matched[doc]!++;
          }
        }
      }
      continue;
    }
    for (let field = 0; field < segment.fields.length; field++) {
      const boost = boosts[field]!;
      if (!boost) continue;
      const list = segment.postings(term, field);
      if (!list) continue;
      const df = stats.documentFrequency(term, field);
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const avg = stats.averageLength[field] || 1;
      const w = weight * boost * idf;
      // BM25's length norm k·(1 − b + b·len/avg) as a·len + c, hoisted: the loop is per posting.
      const a = (k * b) / avg;
      const c = k * (1 - b);
      const kPlus1 = k + 1;
      const lengths = segment.lengths(field);
      const { docs, freqs, to } = list;
      for (let i = list.from; i < to; i++) {
        const doc = docs[i]!;
        const tf = freqs[i]!;
        const score = w * (d + (tf * kPlus1) / (tf + a * lengths[doc]! + c));
        // (Written out, not a helper: this is the loop every query spends its time in.)
        if (queryStamps[doc] !== queryStamp) {
          queryStamps[doc] = queryStamp;
          total[doc] = score;
          termStamps[doc] = termStamp;
          matched[doc] = 1;
          touched[touchedCount++] = doc;
        } else {
          total[doc] = total[doc]! + score;
          if (termStamps[doc] !== termStamp) {
            termStamps[doc] = termStamp;
            matched[doc]!++;
          }
        }
      }
    }
  }

  const { accept, prior } = request;
  if (prior) for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    total[doc] = total[doc]! * prior(doc, matched[doc]!);
  }
  const limit = request.limit ?? touchedCount;
  if (limit <= 0) return [];
  // Min-heap (worst at the root) of the best `limit` seen so far; worse = lower score, then higher id.
  const heap = new Int32Array(Math.min(limit, touchedCount));
  let size = 0;
  const worse = (a: number, b: number) => total[a]! < total[b]! || (total[a] === total[b] && a > b);
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    if (accept && !accept(doc)) continue;
    if (size < heap.length) {
      let j = size++;
      heap[j] = doc;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!worse(heap[j]!, heap[p]!)) break;
        const t = heap[j]!;
        heap[j] = heap[p]!;
        heap[p] = t;
        j = p;
      }
    } else if (worse(heap[0]!, doc)) {
      heap[0] = doc;
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        const r = l + 1;
        let m = j;
        if (l < size && worse(heap[l]!, heap[m]!)) m = l;
        if (r < size && worse(heap[r]!, heap[m]!)) m = r;
        if (m === j) break;
        const t = heap[j]!;
        heap[j] = heap[m]!;
        heap[m] = t;
        j = m;
      }
    }
  }
  const best = Array.from(heap.subarray(0, size)).sort((x, y) => (worse(x, y) ? 1 : worse(y, x) ? -1 : 0));
  return best.map((id) => ({ id, score: total[id]! }));
}
