// The index on disk. MiniSearch's own JSON keeps every posting list as an object keyed by document
// id strings, so `loadJSON` runs parseInt + Map.set per posting over ~40 MB of text at 100k paragraphs
// (~2 s). This form keeps the same content as flat number arrays (document ids delta-encoded, term
// frequency written only when it is not 1) and restores it straight into the MiniSearch instance:
// the loaded index has the same terms, postings, lengths and averages as `MiniSearch.loadJSON` of the
// same index would give, with posting lists packed as `buildIndex` packs them (test/search/fastPaths.test.ts
// checks, through toJSON). `loadIndex` still accepts MiniSearch's own JSON (an older cache file, say).
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, type IndexedDocument } from './indexOptions.js';
import { PackedPostings } from './packedPostings.js';

export const PERSIST_FORMAT = 'coverage-bot/minisearch-postings@1';

type FieldData = Map<number, ReadonlyMap<number, number>>;
interface Internals {
  _index: { set(term: string, data: FieldData): unknown } & Iterable<[string, FieldData]>;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, (number | null | undefined)[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _storedFields: Map<number, unknown>;
}

interface Persisted {
  format: typeof PERSIST_FORMAT;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** Short ids, then the document ids, in MiniSearch's order. */
  shortIds: number[];
  ids: unknown[];
  /** Per field id, per document (same order): its length, or -1 where the document has no such field. */
  fieldLength: number[][];
  /** Terms, in the radix tree's order (as MiniSearch's toJSON writes them). */
  terms: string[];
  /**
   * Per term: field count, then per field its id, its posting count, and per posting the document's
   * short id as a delta from the previous (from -1), negated when a term frequency ≠ 1 follows it.
   */
  postings: number[];
}

export function serializeIndex(index: MiniSearch<IndexedDocument>): string {
  const ms = index as unknown as Internals;
  if (ms._storedFields.size > 0) return JSON.stringify(index); // Not our configuration: MiniSearch's own form.
  const fieldCount = Object.keys(ms._fieldIds).length;
  const shortIds: number[] = [];
  const ids: unknown[] = [];
  const fieldLength: number[][] = Array.from({ length: fieldCount }, () => []);
  for (const [shortId, id] of ms._documentIds) {
    shortIds.push(shortId);
    ids.push(id);
    const lengths = ms._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) fieldLength[f]!.push(lengths[f] ?? -1);
  }
  const terms: string[] = [];
  const postings: number[] = [];
  for (const [term, data] of ms._index) {
    terms.push(term);
    // As MiniSearch's JSON: field ids and document ids end up in ascending order (object integer keys).
    const fieldIds = [...data.keys()].sort((a, b) => a - b);
    postings.push(fieldIds.length);
    for (const fieldId of fieldIds) {
      const freqs = data.get(fieldId)!;
      postings.push(fieldId, freqs.size);
      let previous = -1;
      const write = (tf: number, doc: number) => {
        if (tf === 1) postings.push(doc - previous);
        else postings.push(previous - doc, tf);
        previous = doc;
      };
      // Packed lists are in ascending id order already; a Map (MiniSearch-built) is sorted first.
      if (freqs instanceof PackedPostings) freqs.forEach(write);
      else for (const doc of [...freqs.keys()].sort((a, b) => a - b)) write(freqs.get(doc)!, doc);
    }
  }
  const persisted: Persisted = {
    format: PERSIST_FORMAT,
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    dirtCount: ms._dirtCount,
    fieldIds: ms._fieldIds,
    averageFieldLength: ms._avgFieldLength,
    shortIds,
    ids,
    fieldLength,
    terms,
    postings,
  };
  return JSON.stringify(persisted);
}

/** Restores an index written by `serializeIndex` (or by `JSON.stringify(index)`), with INDEX_OPTIONS. */
export function loadIndex(serialized: string): MiniSearch<IndexedDocument> {
  const parsed = JSON.parse(serialized) as Persisted | { serializationVersion: number };
  if (!('format' in parsed)) {
    // MiniSearch's own JSON: its loader, then the same packing (ids ascending, as its JSON keys are).
    const index = MiniSearch.loadJS<IndexedDocument>(parsed as never, INDEX_OPTIONS);
    for (const [, data] of (index as unknown as Internals)._index) {
      for (const [fieldId, freqs] of data) {
        const docs = [...freqs.keys()].sort((a, b) => a - b);
        data.set(fieldId, PackedPostings.of(docs, docs.map((doc) => freqs.get(doc)!)));
      }
    }
    return index;
  }
  if (parsed.format !== PERSIST_FORMAT) throw new Error(`unknown index format ${String(parsed.format)}`);
  const p = parsed;
  // Counts, field ids and averages through MiniSearch's own loader (an empty index of this shape).
  const index = MiniSearch.loadJS<IndexedDocument>(
    {
      documentCount: p.documentCount,
      nextId: p.nextId,
      documentIds: {},
      fieldIds: p.fieldIds,
      fieldLength: {},
      averageFieldLength: p.averageFieldLength,
      storedFields: {},
      dirtCount: p.dirtCount,
      index: [],
      serializationVersion: 2,
    } as never,
    INDEX_OPTIONS,
  );
  const ms = index as unknown as Internals;
  const fieldCount = p.fieldLength.length;
  // Documents with the same field lengths share one array (see sharedLengths in buildIndex.ts).
  const lengthArrays = new Map<string, (number | null)[]>();
  for (let i = 0; i < p.shortIds.length; i++) {
    const shortId = p.shortIds[i]!;
    const id = p.ids[i];
    ms._documentIds.set(shortId, id);
    ms._idToShortId.set(id, shortId);
    // MiniSearch's JSON writes a missing field's length as null (a hole in the built array).
    let last = fieldCount - 1;
    while (last >= 0 && p.fieldLength[last]![i]! < 0) last--;
    const lengths: (number | null)[] = [];
    for (let f = 0; f <= last; f++) {
      const length = p.fieldLength[f]![i]!;
      lengths.push(length < 0 ? null : length);
    }
    ms._fieldLength.set(shortId, sharedLengths(lengthArrays, lengths));
  }
  const postings = p.postings;
  let at = 0;
  for (const term of p.terms) {
    const data: FieldData = new Map();
    const fields = postings[at++]!;
    for (let f = 0; f < fields; f++) {
      const fieldId = postings[at++]!;
      const count = postings[at++]!;
      const docs = new Int32Array(count);
      const freqs = new Uint32Array(count);
      let doc = -1;
      for (let i = 0; i < count; i++) {
        const delta = postings[at++]!;
        if (delta > 0) (docs[i] = doc += delta), (freqs[i] = 1);
        else (docs[i] = doc -= delta), (freqs[i] = postings[at++]!);
      }
      data.set(fieldId, PackedPostings.of(docs, freqs));
    }
    ms._index.set(term, data);
  }
  return index;
}

/**
 * One array per distinct list of field lengths, sized exactly, holes kept as holes (absent fields),
 * so that `JSON.stringify` and every read (`lengths[fieldId]`) see what a fresh array would give.
 */
export function sharedLengths<T extends number | null>(shared: Map<string, T[]>, lengths: readonly (T | undefined)[]): T[] {
  const key = lengths.join(',');
  let array = shared.get(key);
  if (!array) {
    array = new Array<T>(lengths.length);
    lengths.forEach((length, fieldId) => {
      if (length !== undefined) array![fieldId] = length;
    });
    shared.set(key, array);
  }
  return array;
}
