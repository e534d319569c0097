// Builds our inverted index (invertedIndex.ts) over plain passages; the benchmark calls this too.
import type { Passage, Person, Statement } from '../types.js';
import { INDEX_FIELDS, tokenize, type IndexedDocument } from './indexOptions.js';
import { processTermUncached } from './terms.js';
import { InvertedIndex, type PackedField } from './invertedIndex.js';
import { tokenizePassages, type TokenizedPassages } from './tokens.js';
import { contextOf } from './context.js';
import { speakerNames } from './speakerNames.js';

/** What, besides the text, can be known about a paragraph; all optional. */
export interface IndexExtras {
  statements?: Statement[];
  people?: Person[];
  /** Article titles by doc. */
  titles?: Map<string, string>;
}

/** The documents indexed: one per passage, `id` = position in `passages`. */
export function indexDocuments(passages: Passage[], extras: IndexExtras = {}): IndexedDocument[] {
  const speakers = speakerNames(extras.statements ?? [], extras.people ?? []);
  return passages.map((passage, id) => {
    const document: IndexedDocument = { id, text: passage.text };
    const names = speakers.get(`${passage.doc}\u0000${passage.paragraph}`);
    if (names) document.speakers = names;
    const context = contextOf(passages, id);
    if (context) document.context = context;
    const title = extras.titles?.get(passage.doc);
    if (title) document.title = title;
    return document;
  });
}

/**
 * The index over these passages. Each distinct raw word is turned into its term once (stemming is
 * most of the cost of indexing), and the `context` field (the previous paragraph's text) reuses that
 * paragraph's tokens. `tokens` lets the caller share the tokenising with near-duplicate grouping.
 */
export function buildIndex(
  passages: Passage[],
  extras: IndexExtras = {},
  tokens: TokenizedPassages = tokenizePassages(passages),
): InvertedIndex {
  const documents = indexDocuments(passages, extras);
  const fields = INDEX_FIELDS;
  const termOfWord: number[] = [];
  const terms: string[] = [];
  const termIds = new Map<string, number>();
  const termFor = (word: number): number => {
    let term = termOfWord[word];
    if (term === undefined) {
      const processed = processTermUncached(tokens.words[word]!);
      if (!processed) term = -1;
      else {
        term = termIds.get(processed);
        if (term === undefined) termIds.set(processed, (term = terms.length)), terms.push(processed);
      }
      termOfWord[word] = term;
    }
    return term;
  };

  // Postings are gathered per field as (term, doc, freq) triples in document order, then laid out
  // by term with a counting sort: no per-term arrays, so the build allocates a few large arrays only.
  const n = documents.length;
  const gathered = fields.map(() => ({ terms: new Growing(), docs: new Growing(), freqs: new Growing() }));
  const lengths = fields.map(() => new Uint32Array(n));
  let stamp = 0;
  const termStamp: number[] = [];
  const termFreq: number[] = [];
  const inField: number[] = [];
  const addField = (doc: number, field: number, ids: ArrayLike<number>, from: number, to: number) => {
    stamp++;
    let distinct = 0;
    let length = 0;
    for (let i = from; i < to; i++) {
      const term = termFor(ids[i]!);
      if (term < 0) continue;
      length++; // Length in indexed terms (stop words not counted), as BM25 defines it.
      if (termStamp[term] !== stamp) {
        termStamp[term] = stamp;
        termFreq[term] = 1;
        inField[distinct++] = term;
      } else termFreq[term]!++;
    }
    lengths[field]![doc] = length;
    const g = gathered[field]!;
    for (let i = 0; i < distinct; i++) {
      const term = inField[i]!;
      g.terms.push(term);
      g.docs.push(doc);
      g.freqs.push(termFreq[term]!);
    }
  };

  documents.forEach((document, doc) => {
    fields.forEach((field, fieldId) => {
      const value = document[field as keyof IndexedDocument];
      if (value == null) return;
      if (field === 'text' && value === passages[doc]!.text) {
        addField(doc, fieldId, tokens.ids, tokens.starts[doc]!, tokens.starts[doc + 1]!);
      } else if (field === 'context' && doc > 0 && value === passages[doc - 1]!.text) {
        addField(doc, fieldId, tokens.ids, tokens.starts[doc - 1]!, tokens.starts[doc]!);
      } else {
        const ids = tokenize(String(value)).map(tokens.wordId);
        addField(doc, fieldId, ids, 0, ids.length);
      }
    });
  });

  const packed = gathered.map((g, field) => packField(g, terms.length, lengths[field]!, documents, fields[field]!));
  return new InvertedIndex(fields, n, terms, packed);
}

function packField(
  g: { terms: Growing; docs: Growing; freqs: Growing },
  termCount: number,
  lengths: Uint32Array,
  documents: IndexedDocument[],
  field: string,
): PackedField {
  const count = g.terms.length;
  const termOf = g.terms.view();
  const offsets = new Int32Array(termCount + 1);
  for (let i = 0; i < count; i++) offsets[termOf[i]! + 1]!++;
  for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, termCount);
  const docs = new Int32Array(count);
  const freqs = new Uint8Array(count);
  const docOf = g.docs.view();
  const freqOf = g.freqs.view();
  // Triples are in document order, so each term's postings come out in ascending passage id.
  for (let i = 0; i < count; i++) {
    const at = fill[termOf[i]!]!++;
    docs[at] = docOf[i]!;
    freqs[at] = Math.min(255, freqOf[i]!);
  }
  let totalLength = 0;
  let withField = 0;
  documents.forEach((document, doc) => {
    if (document[field as keyof IndexedDocument] == null) return;
    totalLength += lengths[doc]!;
    withField++;
  });
  return { offsets, docs, freqs, lengths, totalLength, withField };
}

/** An Int32 array that grows by doubling. */
class Growing {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Persisting: `serializeIndex` writes the index, `loadIndex` restores it (see persist.ts). */
export { loadIndex, serializeIndex } from './persist.js';
