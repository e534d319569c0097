// flexsearch 0.8 Index with tokenize 'forward' (its usual "search as you type" setup) and the
// default encoder. Searches pass suggest: true, otherwise multi-word questions are ANDed and
// almost every natural question returns nothing.
import { Index } from 'flexsearch';
import type { Engine } from './types.js';

const OPTIONS = { tokenize: 'forward' as const };

export default function flexsearchEngine(): Engine {
  let index = new Index(OPTIONS);
  return {
    note: "new Index({ tokenize: 'forward' }); search(q, { limit, suggest: true })",
    build(passages) {
      index = new Index(OPTIONS);
      passages.forEach((p, id) => index.add(id, p.text));
    },
    serialize() {
      // export() calls the handler once per chunk (key, data); persist them all as one JSON object.
      const chunks: Record<string, string> = {};
      const done = index.export((key: string, data: string) => {
        chunks[key] = data;
      });
      return Promise.resolve(done).then(() => JSON.stringify(chunks));
    },
    load(serialized) {
      index = new Index(OPTIONS);
      const chunks = JSON.parse(serialized) as Record<string, string>;
      for (const [key, data] of Object.entries(chunks)) index.import(key, data);
    },
    search(query, limit) {
      return index.search(query, { limit, suggest: true }) as number[];
    },
  };
}
