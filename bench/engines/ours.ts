// "ours": the production search, through the project's own code in src/search — the index built by
// buildIndex, persisted by serializeIndex and restored by loadIndex as indexCache.ts does, and
// questions answered by searchPassages (query planning + our BM25 top-k ranker, RANK_OPTIONS).
// Keep this a thin adapter: anything tuned here would no longer measure what `ask` runs.
import { buildIndex, loadIndex, serializeIndex } from '../../src/search/buildIndex.js';
import type { InvertedIndex } from '../../src/search/invertedIndex.js';
import { searchPassages } from '../../src/search/searchIndex.js';
import type { Passage } from '../../src/types.js';
import type { Engine } from './types.js';

export default function ours(): Engine {
  let index: InvertedIndex | null = null;
  return {
    note: 'src/search: buildIndex / serializeIndex / loadIndex / searchPassages (planQuery + rankSegment, RANK_OPTIONS); no statements/people/titles extras',
    build(passages) {
      index = buildIndex(passages as Passage[]);
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
