// "proposed": ours (src/search as it stands) plus the change this report still recommends, as a bench
// engine measured by the same worker as the rest:
//   PROPOSED_CONTEXT=names npm run bench -- --size 100000 --engines ours,proposed
// With PROPOSED_CONTEXT=names (or none) the `context` field holds only the previous paragraph's
// capitalised words (or nothing) instead of its whole text. Built with MiniSearch addAll + memoised
// processTerm, since src/search's fast build always indexes the full context; persisted and loaded
// with src/search's serializeIndex/loadIndex, queried with its searchPassages, so the loaded index
// differs from ours only in the context field. (An earlier version used loadFormat.ts's compact form;
// src/search/persist.ts now does that better.)
import MiniSearch from 'minisearch';
import { buildIndex, indexDocuments, loadIndex, serializeIndex } from '../../src/search/buildIndex.js';
import { INDEX_OPTIONS, processTerm, type IndexedDocument } from '../../src/search/indexOptions.js';
import { searchPassages } from '../../src/search/searchIndex.js';
import type { Passage } from '../../src/types.js';
import type { Engine } from '../engines/types.js';

function memoised(fn: (w: string) => string | null): (w: string) => string | null {
  const cache = new Map<string, string | null>();
  return (w) => {
    let r = cache.get(w);
    if (r === undefined && !cache.has(w)) cache.set(w, (r = fn(w)));
    return r ?? null;
  };
}

const CONTEXT = process.env.PROPOSED_CONTEXT ?? 'full';
/** Capitalised words and acronyms: what an opening "It"/"They" usually points back to. */
export const namesOnly = (text: string) => (text.match(/\b\p{Lu}[\p{L}\p{N}’']*/gu) ?? []).join(' ');

export default function proposed(): Engine {
  let index: MiniSearch<IndexedDocument> | null = null;
  return {
    note: `bench/experiments/proposedEngine.ts: ours with context=${CONTEXT}`,
    build(passages) {
      if (CONTEXT === 'full') index = buildIndex(passages as Passage[]);
      else {
        const docs = indexDocuments(passages as Passage[]);
        for (const d of docs) if (d.context) d.context = CONTEXT === 'none' ? undefined : namesOnly(d.context) || undefined;
        index = new MiniSearch<IndexedDocument>({ ...INDEX_OPTIONS, processTerm: memoised(processTerm) });
        index.addAll(docs);
      }
    },
    serialize: () => serializeIndex(index!),
    load(serialized) {
      index = loadIndex(serialized);
    },
    search(query, limit) {
      return searchPassages(index!, query, { limit }).map((r) => r.id);
    },
  };
}
