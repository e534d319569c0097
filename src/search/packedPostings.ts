// One posting list (paragraph short id → term frequency) of the built index, packed: a sorted
// Int32Array of short ids and a Uint8Array (or Uint16Array) of frequencies, ~5 bytes a posting.
// MiniSearch keeps each list as a Map, ~35-40 bytes a posting once the hash table's slack is counted;
// at 100k paragraphs (~36 postings each) that was ~1.3 of the index's ~1.65 KiB per paragraph.
//
// It offers the part of the Map interface MiniSearch reads (size, get, has, keys, entries, forEach,
// iteration, in ascending id order, as MiniSearch's own JSON round trip gives), so MiniSearch's
// search, toJSON and our top-k scorer all work on it unchanged. It is read-only: our index is built
// once and never edited (see INDEX_OPTIONS.autoVacuum); `add`/`discard` on it would throw here.
export class PackedPostings implements ReadonlyMap<number, number> {
  constructor(
    private readonly docs: Int32Array,
    private readonly freqs: Uint8Array | Uint16Array | Uint32Array,
  ) {}

  /** From ids (ascending) and their frequencies. */
  static of(docs: ArrayLike<number>, freqs: ArrayLike<number>): PackedPostings {
    let max = 0;
    for (let i = 0; i < freqs.length; i++) if (freqs[i]! > max) max = freqs[i]!;
    const Freqs = max < 2 ** 8 ? Uint8Array : max < 2 ** 16 ? Uint16Array : Uint32Array;
    return new PackedPostings(Int32Array.from(docs), Freqs.from(freqs));
  }

  get size(): number {
    return this.docs.length;
  }

  get(doc: number): number | undefined {
    const docs = this.docs;
    let lo = 0;
    let hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = docs[mid]!;
      if (at === doc) return this.freqs[mid];
      if (at < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(doc: number): boolean {
    return this.get(doc) !== undefined;
  }

  forEach(callback: (freq: number, doc: number, map: ReadonlyMap<number, number>) => void): void {
    const { docs, freqs } = this;
    for (let i = 0; i < docs.length; i++) callback(freqs[i]!, docs[i]!, this);
  }

  *keys(): MapIterator<number> {
    yield* this.docs;
  }

  *values(): MapIterator<number> {
    yield* this.freqs;
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.docs.length; i++) yield [this.docs[i]!, this.freqs[i]!];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PackedPostings';
  }

  set(): never {
    throw new Error('PackedPostings: the search index is read-only (rebuild it to change it)');
  }

  delete(): never {
    throw new Error('PackedPostings: the search index is read-only (rebuild it to change it)');
  }
}
