// Our inverted index: the read-only, packed base the answers are searched in. Built once from the
// passages (buildIndex.ts), persisted in a compact form (persist.ts), never edited. It is ours, not
// MiniSearch's: MiniSearch's `MiniSearch#search` multiplies BM25+ by the number of query terms a
// document matches, which is what kept us behind lunr on Cranfield (docs/ranking.md), and its index
// costs ~2 KiB a paragraph and ~15 s to build at 100k paragraphs. What we do use from MiniSearch is
// its public radix tree, `minisearch/SearchableMap`, as the vocabulary: prefix and fuzzy lookups.
//
// Layout, per field: the postings of term t are docs[offsets[t] .. offsets[t+1]) (ascending passage
// ids) with their term frequencies in freqs (same range, capped at 255), ~5 bytes a posting; field
// lengths are one typed array per field. Passage ids are positions in the passages array.
import SearchableMap from 'minisearch/SearchableMap';

/** A view of one posting list: docs[from..to), freqs[from..to). */
export interface PostingList {
  docs: Int32Array;
  freqs: Uint8Array;
  from: number;
  to: number;
}

/**
 * What the scorer reads from a segment of the index. The packed base implements it; a live segment
 * (articles added while the bot runs) implements the same four members over its own small maps.
 */
export interface Segment {
  readonly fields: readonly string[];
  /** One more than the largest passage id in the segment (the scorer's scratch size). */
  readonly idLimit: number;
  /** Postings of `term` in field `field` (index into `fields`), or null. */
  postings(term: string, field: number): PostingList | null;
  /** Lengths of field `field` by passage id, in indexed terms (0 when absent). */
  lengths(field: number): ArrayLike<number>;
  /** The segment's terms, for prefix and fuzzy expansion of query terms. */
  readonly vocabulary: SearchableMap<number>;
}

export interface PackedField {
  offsets: Int32Array;
  docs: Int32Array;
  freqs: Uint8Array;
  lengths: Uint32Array;
  /** Sum of `lengths` over passages that have the field, and how many have it. */
  totalLength: number;
  withField: number;
}

export class InvertedIndex implements Segment {
  readonly vocabulary: SearchableMap<number>;

  constructor(
    readonly fields: readonly string[],
    readonly documentCount: number,
    /** Term by term id (the order postings are laid out in). */
    readonly terms: readonly string[],
    readonly packed: readonly PackedField[],
  ) {
    this.vocabulary = new SearchableMap<number>();
    terms.forEach((term, id) => this.vocabulary.set(term, id));
  }

  get idLimit(): number {
    return this.documentCount;
  }

  termId(term: string): number | undefined {
    return this.vocabulary.get(term);
  }

  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  postings(term: string, field: number): PostingList | null {
    const id = this.vocabulary.get(term);
    if (id === undefined) return null;
    const p = this.packed[field]!;
    const from = p.offsets[id]!;
    const to = p.offsets[id + 1]!;
    return from === to ? null : { docs: p.docs, freqs: p.freqs, from, to };
  }

  /** Passages whose field `field` holds `term`. */
  documentFrequency(term: string, field: number): number {
    const id = this.vocabulary.get(term);
    if (id === undefined) return 0;
    const p = this.packed[field]!;
    return p.offsets[id + 1]! - p.offsets[id]!;
  }

  lengths(field: number): Uint32Array {
    return this.packed[field]!.lengths;
  }

  fieldLength(field: number, id: number): number {
    return this.packed[field]!.lengths[id] ?? 0;
  }

  get termCount(): number {
    return this.terms.length;
  }
}
