// The small, in-memory part of the index that holds what changed since the base was built: new
// articles, new versions of changed ones, and paragraphs whose indexed fields (speakers, context,
// title) changed because of another article. Built from scratch on every update (it stays small:
// compaction folds it into a new base, see src/live/liveLibrary.ts), so it is immutable once built
// and an answer in progress never sees it change.
//
// Same documents, tokenizer, term processing and field lengths as MiniSearch's `add` (distinct raw
// words per field), so a paragraph scores here exactly as it would in a freshly built base. The term
// dictionary is MiniSearch's public radix tree (`minisearch/SearchableMap`) for prefix and fuzzy lookups.
import SearchableMap from 'minisearch/SearchableMap';
import { INDEX_OPTIONS, processTerm, tokenize, type IndexedDocument } from './indexOptions.js';

/** Per field id: paragraph (segment-local id) → term frequency. */
export type FieldPostings = ReadonlyMap<number, ReadonlyMap<number, number>>;

/** What the merged scorer needs from one part of the index (base or live). Local ids 0..size-1. */
export interface SegmentReader {
  readonly size: number;
  get(term: string): FieldPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  /** Distinct raw words of `fieldId` in paragraph `local` (only read where the paragraph has the field). */
  fieldLength(fieldId: number, local: number): number;
  /** Totals over the segment's paragraphs, for the collection statistics. */
  readonly totals: FieldTotals;
}

/** Counts that add and subtract across segments: the raw material of one set of collection statistics. */
export interface FieldTotals {
  documents: number;
  /** Per field id: sum of field lengths, and number of paragraphs that have the field. */
  lengthSum: number[];
  withField: number[];
}

export const FIELDS = INDEX_OPTIONS.fields as (keyof IndexedDocument & string)[];

/** Tokenised like MiniSearch's add: per field, the distinct raw words and each term's frequency. */
export function analyseDocument(document: IndexedDocument): ({ length: number; terms: Map<string, number> } | null)[] {
  return FIELDS.map((field) => {
    const value = document[field];
    if (value == null) return null;
    const words = tokenize(String(value));
    const terms = new Map<string, number>();
    for (const word of words) {
      const term = processTerm(word);
      if (term) terms.set(term, (terms.get(term) ?? 0) + 1);
    }
    return { length: new Set(words).size, terms };
  });
}

export function emptyTotals(): FieldTotals {
  return { documents: 0, lengthSum: FIELDS.map(() => 0), withField: FIELDS.map(() => 0) };
}

export class LiveSegment implements SegmentReader {
  readonly size: number;
  readonly totals: FieldTotals;
  private readonly tree = new SearchableMap<Map<number, Map<number, number>>>();
  private readonly lengths: Uint32Array[];

  constructor(documents: readonly IndexedDocument[]) {
    this.size = documents.length;
    this.totals = emptyTotals();
    this.totals.documents = documents.length;
    this.lengths = FIELDS.map(() => new Uint32Array(documents.length));
    // Postings gathered in a plain Map first: each term then enters the radix tree once.
    const postingsByTerm = new Map<string, Map<number, Map<number, number>>>();
    documents.forEach((document, local) => {
      analyseDocument(document).forEach((field, fieldId) => {
        if (!field) return;
        this.lengths[fieldId]![local] = field.length;
        this.totals.lengthSum[fieldId]! += field.length;
        this.totals.withField[fieldId]!++;
        for (const [term, tf] of field.terms) {
          let byField = postingsByTerm.get(term);
          if (!byField) postingsByTerm.set(term, (byField = new Map()));
          let postings = byField.get(fieldId);
          if (!postings) byField.set(fieldId, (postings = new Map()));
          postings.set(local, tf);
        }
      });
    });
    for (const [term, byField] of postingsByTerm) this.tree.set(term, byField);
  }

  get(term: string): FieldPostings | undefined {
    return this.tree.get(term);
  }

  atPrefix(prefix: string): Iterable<[string, FieldPostings]> {
    return this.tree.atPrefix(prefix);
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]> {
    return this.tree.fuzzyGet(term, maxDistance);
  }

  fieldLength(fieldId: number, local: number): number {
    return this.lengths[fieldId]![local]!;
  }
}

/**
 * What retired base paragraphs contributed to the base's statistics, so that they can be taken out:
 * their count, field lengths, and per term and field the number of them that hold it.
 */
export interface RetiredStats {
  totals: FieldTotals;
  docFreq: Map<string, number[]>;
}

export function retiredStats(documents: Iterable<IndexedDocument>): RetiredStats {
  const totals = emptyTotals();
  const docFreq = new Map<string, number[]>();
  for (const document of documents) {
    totals.documents++;
    analyseDocument(document).forEach((field, fieldId) => {
      if (!field) return;
      totals.lengthSum[fieldId]! += field.length;
      totals.withField[fieldId]!++;
      for (const term of field.terms.keys()) {
        let counts = docFreq.get(term);
        if (!counts) docFreq.set(term, (counts = FIELDS.map(() => 0)));
        counts[fieldId]!++;
      }
    });
  }
  return { totals, docFreq };
}
