// Builds the MiniSearch index over plain passages (the benchmark calls this on its own passages).
import MiniSearch from 'minisearch';
import type { Passage, Person, Statement } from '../types.js';
import { INDEX_OPTIONS, type IndexedDocument } from './indexOptions.js';
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

export function buildIndex(passages: Passage[], extras: IndexExtras = {}): MiniSearch<IndexedDocument> {
  const index = new MiniSearch<IndexedDocument>(INDEX_OPTIONS);
  index.addAll(indexDocuments(passages, extras));
  return index;
}

/** Restores an index serialised with `JSON.stringify(index)`, with the same options it was built with. */
export function loadIndex(json: string): MiniSearch<IndexedDocument> {
  return MiniSearch.loadJSON<IndexedDocument>(json, INDEX_OPTIONS);
}
