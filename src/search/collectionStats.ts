// The collection statistics BM25 needs, as a value of their own: the scorer takes them as an input
// instead of reading them from the segment it scores. With one index they are that index's; with a
// base plus a live segment they are the sums of both minus what retired passages contributed, so a
// passage scores the same whichever segment holds it (and as a full rebuild would score it).
import type { InvertedIndex } from './invertedIndex.js';

export interface CollectionStats {
  /** Passages searchable (retired ones excluded). */
  documentCount: number;
  /** Mean length, in indexed terms, of each field over the passages that have it. */
  averageLength: readonly number[];
  /** Passages whose field `field` (index into the index's fields) holds `term`. */
  documentFrequency(term: string, field: number): number;
}

/** The statistics of one index on its own. */
export function statsOf(index: InvertedIndex): CollectionStats {
  return {
    documentCount: index.documentCount,
    averageLength: index.packed.map((p) => (p.withField ? p.totalLength / p.withField : 0)),
    documentFrequency: (term, field) => index.documentFrequency(term, field),
  };
}
