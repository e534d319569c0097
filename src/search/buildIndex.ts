// Builds the MiniSearch index over plain passages (the benchmark calls this on its own passages).
import MiniSearch from 'minisearch';
import type { Passage, Person, Statement } from '../types.js';
import { INDEX_OPTIONS, tokenize, type IndexedDocument } from './indexOptions.js';
import { processTermUncached } from './terms.js';
import { PackedPostings } from './packedPostings.js';
import { sharedLengths } from './persist.js';
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

/** The documents MiniSearch indexes: one per passage, `id` = position in `passages`. */
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
 * The index over these passages. Same result as `new MiniSearch(INDEX_OPTIONS).addAll(indexDocuments(…))`
 * (same internal state, byte-identical `JSON.stringify`; test/search/fastPaths.test.ts checks), built
 * from words tokenised once: see `fillIndex`. `tokens` lets the caller share them with other passes.
 */
export function buildIndex(
  passages: Passage[],
  extras: IndexExtras = {},
  tokens: TokenizedPassages = tokenizePassages(passages),
): MiniSearch<IndexedDocument> {
  const documents = indexDocuments(passages, extras);
  const index = new MiniSearch<IndexedDocument>(INDEX_OPTIONS);
  if (!fillIndex(index, passages, documents, tokens)) index.addAll(documents);
  return index;
}

/** MiniSearch's own `addAll`: the reference `buildIndex` must equal. */
export function buildIndexWithMiniSearch(passages: Passage[], extras: IndexExtras = {}): MiniSearch<IndexedDocument> {
  const index = new MiniSearch<IndexedDocument>(INDEX_OPTIONS);
  index.addAll(indexDocuments(passages, extras));
  return index;
}

interface Writable {
  _index: { set(term: string, data: Map<number, ReadonlyMap<number, number>>): unknown; size: number };
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _storedFields: Map<number, unknown>;
}

/**
 * Does what `addAll(documents)` does to a new MiniSearch (v7 internals), in the same order, so that
 * its radix tree, posting Maps, field lengths and averages come out identical: documents in order,
 * fields in `INDEX_OPTIONS.fields` order, terms in first-occurrence order. What it saves: MiniSearch
 * walks its radix tree and re-processes the term for every word occurrence (~5M at 100k paragraphs);
 * here each distinct word is processed once and each distinct term enters the tree once, and the
 * `context` field (the previous paragraph's text) reuses that paragraph's tokens. Posting lists are
 * stored packed (packedPostings.ts: ~5 instead of ~37 bytes a posting), read-only. Returns false,
 * leaving the index untouched, when MiniSearch's internals are not what this expects.
 */
function fillIndex(index: MiniSearch<IndexedDocument>, passages: Passage[], documents: IndexedDocument[], tokens: TokenizedPassages): boolean {
  const ms = index as unknown as Writable;
  const fields = INDEX_OPTIONS.fields;
  const ok =
    ms._index && typeof ms._index.set === 'function' && ms._index.size === 0 && ms._documentIds instanceof Map &&
    ms._idToShortId instanceof Map && ms._fieldLength instanceof Map && Array.isArray(ms._avgFieldLength) &&
    ms._documentCount === 0 && ms._nextId === 0 && ms._storedFields instanceof Map &&
    fields.every((field, i) => ms._fieldIds?.[field] === i) && (INDEX_OPTIONS.storeFields ?? []).length === 0 &&
    !INDEX_OPTIONS.extractField && !INDEX_OPTIONS.stringifyField;
  if (!ok) return false;

  // Word id → term id (-1: no term, e.g. a stop word), and term id → its posting Maps by field.
  const termOfWord: number[] = [];
  const terms: string[] = [];
  const termIds = new Map<string, number>();
  // Postings are collected in document order (ascending short ids), then packed (packedPostings.ts).
  const data: Map<number, { docs: number[]; freqs: number[] }>[] = [];
  const termFor = (word: number): number => {
    let term = termOfWord[word];
    if (term === undefined) {
      // Once per distinct word already: the memo in processTerm would only hold the vocabulary in memory.
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
  // Per field of a document: distinct words (MiniSearch's field length) and term frequencies.
  let stamp = 0;
  const wordStamp: number[] = [];
  const termStamp: number[] = [];
  const termFreq: number[] = [];
  const inField: number[] = [];

  const addField = (doc: number, fieldId: number, ids: ArrayLike<number>, from: number, to: number) => {
    stamp++;
    let distinctWords = 0;
    let distinctTerms = 0;
    for (let i = from; i < to; i++) {
      const word = ids[i]!;
      if (wordStamp[word] !== stamp) (wordStamp[word] = stamp), distinctWords++;
      const term = termFor(word);
      if (term < 0) continue;
      if (data[term] === undefined) data[term] = new Map();
      if (termStamp[term] !== stamp) {
        termStamp[term] = stamp;
        termFreq[term] = 1;
        inField[distinctTerms++] = term;
      } else termFreq[term]!++;
    }
    // MiniSearch's addFieldLength: count is the number of documents before this one.
    docLengths[fieldId] = distinctWords;
    const average = ms._avgFieldLength[fieldId] || 0;
    ms._avgFieldLength[fieldId] = (average * doc + distinctWords) / (doc + 1);
    for (let i = 0; i < distinctTerms; i++) {
      const term = inField[i]!;
      const byField = data[term]!;
      let postings = byField.get(fieldId);
      if (postings == null) byField.set(fieldId, (postings = { docs: [], freqs: [] }));
      postings.docs.push(doc);
      postings.freqs.push(termFreq[term]!);
    }
  };

  // Field lengths per document, as MiniSearch keeps them (an array by field id, holes for absent fields),
  // but sized exactly and shared between documents with the same lengths: MiniSearch never changes a
  // document's array after adding it, and a fresh [] per document costs ~130 B more (capacity 17).
  const lengthArrays = new Map<string, number[]>();
  let docLengths: number[] = [];

  documents.forEach((document, doc) => {
    ms._idToShortId.set(document.id, doc);
    ms._documentIds.set(doc, document.id);
    ms._documentCount++;
    ms._nextId++;
    docLengths = [];
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
    ms._fieldLength.set(doc, sharedLengths(lengthArrays, docLengths));
  });
  terms.forEach((term, id) => {
    const byField = new Map<number, ReadonlyMap<number, number>>();
    for (const [fieldId, { docs, freqs }] of data[id]!) byField.set(fieldId, PackedPostings.of(docs, freqs));
    ms._index.set(term, byField);
  });
  return true;
}

/** Persisting: `serializeIndex` writes the index, `loadIndex` restores it (see persist.ts). */
export { loadIndex, serializeIndex } from './persist.js';

