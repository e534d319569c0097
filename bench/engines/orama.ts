// @orama/orama 3 with defaults: schema { text: 'string' }, insertMultiple, search({ term }).
// Note: Orama keeps the inserted documents in its store, so its persisted form includes the text.
import { create, insertMultiple, load, save, search, type AnyOrama } from '@orama/orama';
import type { Engine } from './types.js';

const schema = { text: 'string' } as const;

export default function oramaEngine(): Engine {
  let db: AnyOrama = create({ schema });
  return {
    note: "create({ schema: { text: 'string' } }); insertMultiple; search(db, { term, limit }); save/load",
    async build(passages) {
      db = create({ schema });
      await insertMultiple(db, passages.map((p, id) => ({ id: String(id), text: p.text })), 1000);
    },
    serialize: () => JSON.stringify(save(db)),
    load(serialized) {
      db = create({ schema });
      load(db, JSON.parse(serialized));
    },
    search(query, limit) {
      // search() is synchronous unless hooks are async; avoid an extra await per query when it is.
      const res = search(db, { term: query, limit });
      const ids = (r: Awaited<typeof res>) => r.hits.map((h) => Number(h.id));
      return res instanceof Promise ? res.then(ids) : ids(res);
    },
  };
}
