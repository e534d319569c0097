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
