// MiniSearch exactly as a newcomer would use it: fields ['text'], nothing stored, default search.
import MiniSearch from 'minisearch';
import type { Engine } from './types.js';

const OPTIONS = { fields: ['text'] };

export default function minisearchDefault(): Engine {
  let ms = new MiniSearch(OPTIONS);
  return {
    note: "new MiniSearch({ fields: ['text'] }); search(q) with default options (OR, BM25, no prefix/fuzzy)",
    build(passages) {
      ms = new MiniSearch(OPTIONS);
      ms.addAll(passages.map((p, id) => ({ id, text: p.text })));
    },
    serialize: () => JSON.stringify(ms),
    load(serialized) {
      ms = MiniSearch.loadJSON(serialized, OPTIONS);
    },
    search(query, limit) {
      return ms.search(query).slice(0, limit).map((r) => r.id as number);
    },
  };
}
