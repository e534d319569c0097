// The index on disk: a JSON object whose typed arrays are base64 (little-endian bytes), so that a
// restart decodes ~20 MB at 100k paragraphs in tens of milliseconds instead of parsing millions of
// numbers. The vocabulary (a radix tree) is rebuilt from the term list on load.
import { InvertedIndex, type PackedField } from './invertedIndex.js';

export const PERSIST_FORMAT = 'coverage-bot/inverted-index@2';

interface PersistedField {
  offsets: string;
  docs: string;
  freqs: string;
  lengths: string;
  totalLength: number;
  withField: number;
}
interface Persisted {
  format: typeof PERSIST_FORMAT;
  fields: string[];
  documentCount: number;
  terms: string[];
  packed: PersistedField[];
}

const encode = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
/** Decoded into a fresh, aligned buffer (a Buffer may sit at any offset of a shared pool). */
function decode<T>(text: string, Type: { new (buffer: ArrayBuffer): T }): T {
  const bytes = Buffer.from(text, 'base64');
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new Type(buffer);
}

export function serializeIndex(index: InvertedIndex): string {
  const persisted: Persisted = {
    format: PERSIST_FORMAT,
    fields: [...index.fields],
    documentCount: index.documentCount,
    terms: [...index.terms],
    packed: index.packed.map((p) => ({
      offsets: encode(p.offsets),
      docs: encode(p.docs),
      freqs: encode(p.freqs),
      lengths: encode(p.lengths),
      totalLength: p.totalLength,
      withField: p.withField,
    })),
  };
  return JSON.stringify(persisted);
}

/** Restores an index written by `serializeIndex`; throws on anything else (the cache then rebuilds). */
export function loadIndex(serialized: string): InvertedIndex {
  const p = JSON.parse(serialized) as Persisted;
  if (p.format !== PERSIST_FORMAT) throw new Error(`unknown index format ${String(p.format)}`);
  const packed: PackedField[] = p.packed.map((f) => ({
    offsets: decode(f.offsets, Int32Array),
    docs: decode(f.docs, Int32Array),
    freqs: decode(f.freqs, Uint8Array),
    lengths: decode(f.lengths, Uint32Array),
    totalLength: f.totalLength,
    withField: f.withField,
  }));
  if (packed.some((f) => f.offsets.length !== p.terms.length + 1 || f.lengths.length !== p.documentCount || !postingsInRange(f, p.documentCount))) {
    throw new Error('index file is inconsistent');
  }
  return new InvertedIndex(p.fields, p.documentCount, p.terms, packed);
}

/**
 * Postings a search can walk without reading past an array or naming a passage that is not there.
 * The file's checksum (src/cacheFile.ts) catches bytes changed on disk; this catches a file that was
 * written whole but wrong, which would otherwise fail questions one by one instead of at load.
 */
function postingsInRange(f: PackedField, documentCount: number): boolean {
  const { offsets, docs, freqs } = f;
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== docs.length || freqs.length !== docs.length) return false;
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) return false;
  for (let i = 0; i < docs.length; i++) if (docs[i]! < 0 || docs[i]! >= documentCount) return false;
  return true;
}

/**
 * The index as binary parts for the cache store (src/store/store.ts): part 0 a small JSON header with
 * the terms, then each field's four typed arrays as their own bytes, so a warm start copies blobs
 * into typed arrays instead of decoding base64 or parsing numbers.
 */
export function indexParts(index: InvertedIndex): Uint8Array[] {
  const header = {
    format: PERSIST_FORMAT,
    fields: [...index.fields],
    documentCount: index.documentCount,
    totals: index.packed.map((p) => ({ totalLength: p.totalLength, withField: p.withField })),
  };
  const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    Buffer.from(JSON.stringify(header)),
    Buffer.from(index.terms.join('\u0000')),
    ...index.packed.flatMap((p) => [bytes(p.offsets), bytes(p.docs), bytes(p.freqs), bytes(p.lengths)]),
  ];
}

/** Restores an index from `indexParts`; throws on anything inconsistent (the cache then rebuilds). */
export function indexFromParts(parts: Uint8Array[]): InvertedIndex {
  const header = JSON.parse(Buffer.from(parts[0]!).toString('utf8')) as { format: string; fields: string[]; documentCount: number; totals: { totalLength: number; withField: number }[] };
  if (header.format !== PERSIST_FORMAT) throw new Error(`unknown index format ${String(header.format)}`);
  if (parts.length !== 2 + header.fields.length * 4) throw new Error('index parts are missing');
  const text = Buffer.from(parts[1]!).toString('utf8');
  const terms = text ? text.split('\u0000') : [];
  /** Copied into a fresh, aligned buffer (a blob may sit at any offset). */
  const typed = <T>(part: Uint8Array, Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T => {
    if (part.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new Error('index part has a torn element');
    const buffer = new ArrayBuffer(part.byteLength);
    new Uint8Array(buffer).set(part);
    return new Type(buffer);
  };
  const packed: PackedField[] = header.fields.map((_, f) => {
    const [offsets, docs, freqs, lengths] = parts.slice(2 + f * 4, 6 + f * 4) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    return {
      offsets: typed(offsets, Int32Array),
      docs: typed(docs, Int32Array),
      freqs: typed(freqs, Uint8Array),
      lengths: typed(lengths, Uint32Array),
      totalLength: header.totals[f]!.totalLength,
      withField: header.totals[f]!.withField,
    };
  });
  if (packed.some((f) => f.offsets.length !== terms.length + 1 || f.lengths.length !== header.documentCount || !postingsInRange(f, header.documentCount))) {
    throw new Error('index file is inconsistent');
  }
  return new InvertedIndex(header.fields, header.documentCount, terms, packed);
}
