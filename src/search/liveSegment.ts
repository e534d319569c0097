// The small part of the index that holds what changed since the base was built (new articles, new
// versions of changed ones, paragraphs whose speakers, context or title changed), and the statistics
// that score base and live as one collection. Built from scratch on every update (it stays small:
// compaction folds it into a new base, src/live/liveLibrary.ts), so it is immutable once built.
//
// The live segment is an `InvertedIndex` built by the same code as the base (`buildIndexOfDocuments`),
// so its terms, frequencies and field lengths are exactly what a fresh build would give the same
// paragraphs; its ids are local (0..n-1), the caller offsets them after the base's.
import { buildIndexOfDocuments } from './buildIndex.js';
import type { CollectionStats } from './collectionStats.js';
import type { IndexedDocument } from './indexOptions.js';
import type { InvertedIndex } from './invertedIndex.js';

/** The index over these documents (new or changed paragraphs, or retired ones to subtract). */
export function segmentOf(documents: readonly IndexedDocument[]): InvertedIndex {
  return buildIndexOfDocuments(documents as IndexedDocument[]);
}

/**
 * base + live − retired: passage count, per-field length totals over the passages having the field,
 * and document frequencies. `retired` is the index over the base documents hidden (so their terms are
 * tokenised by the same code; they are few). With nothing live or retired this equals `statsOf(base)`.
 */
export function combinedStats(base: InvertedIndex, live: InvertedIndex, retired: InvertedIndex): CollectionStats {
  const averageLength = base.packed.map((b, f) => {
    const total = b.totalLength - retired.packed[f]!.totalLength + live.packed[f]!.totalLength;
    const withField = b.withField - retired.packed[f]!.withField + live.packed[f]!.withField;
    return withField ? total / withField : 0;
  });
  return {
    documentCount: base.documentCount - retired.documentCount + live.documentCount,
    averageLength,
    documentFrequency: (term, field) =>
      base.documentFrequency(term, field) - retired.documentFrequency(term, field) + live.documentFrequency(term, field),
  };
}

/** Whether any searchable passage holds `term` in any field (the planner's "known word"). */
export function knownIn(stats: CollectionStats, fields: number): (term: string) => boolean {
  return (term) => {
    for (let f = 0; f < fields; f++) if (stats.documentFrequency(term, f) > 0) return true;
    return false;
  };
}
