// The packed, read-only base index seen as a segment for the merged scorer (searchSegments.ts).
//
// This is the one place the live layer reads the base index's internals (`_index`, `_fieldLength`,
// `_documentIds`), the same MiniSearch 7 fields topK.ts and persist.ts already read: MiniSearch has no
// public way to get a term's posting list or a paragraph's field length, and both are needed to score
// base and live paragraphs with one set of collection statistics. When src/search moves to its own
// structure with public accessors, only this adapter changes.
import type MiniSearch from 'minisearch';
import type { IndexedDocument } from './indexOptions.js';
import { emptyTotals, FIELDS, type FieldPostings, type FieldTotals, type SegmentReader } from './liveSegment.js';

interface Internals {
  _index: {
    get(term: string): FieldPostings | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  };
  _fieldLength: Map<number, (number | null | undefined)[]>;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _dirtCount: number;
}

const segments = new WeakMap<object, BaseSegment>();

/** The base as a segment (cached per index: it copies field lengths into flat arrays once, O(paragraphs)). */
export function baseSegment(index: MiniSearch<IndexedDocument>): BaseSegment {
  let segment = segments.get(index);
  if (!segment) segments.set(index, (segment = new BaseSegment(index)));
  return segment;
}

export class BaseSegment implements SegmentReader {
  readonly size: number;
  readonly totals: FieldTotals;
  private readonly tree: Internals['_index'];
  private readonly lengths: Uint32Array[];

  constructor(index: MiniSearch<IndexedDocument>) {
    const ms = index as unknown as Internals;
    const ok =
      ms._index && typeof ms._index.atPrefix === 'function' && ms._fieldLength instanceof Map && ms._documentIds instanceof Map &&
      !ms._dirtCount && FIELDS.every((field, i) => ms._fieldIds?.[field] === i);
    if (!ok) throw new Error('baseSegment: the index is not a MiniSearch 7 index built by buildIndex/loadIndex');
    // buildIndex and loadIndex give every paragraph short id = id = its position in the passages.
    for (const [shortId, id] of ms._documentIds) {
      if (shortId !== id) throw new Error('baseSegment: short ids differ from passage ids');
    }
    this.tree = ms._index;
    this.size = ms._documentIds.size;
    this.totals = emptyTotals();
    this.totals.documents = this.size;
    this.lengths = FIELDS.map(() => new Uint32Array(this.size));
    for (const [doc, perField] of ms._fieldLength) {
      perField.forEach((length, fieldId) => {
        if (length == null) return;
        this.lengths[fieldId]![doc] = length;
        this.totals.lengthSum[fieldId]! += length;
        this.totals.withField[fieldId]!++;
      });
    }
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
