// lunr 2 with its default English pipeline (trimmer, stop word filter, stemmer).
// Queries go through query.term() rather than idx.search() so that text like "Act: 1890" or
// "-" is never parsed as lunr query syntax (which would throw); the search pipeline still applies.
import lunr from 'lunr';
import type { Engine } from './types.js';

export default function lunrEngine(): Engine {
  let idx: lunr.Index | null = null;
  return {
    note: "lunr(function(){ ref('id'); field('text') }); idx.query(q => q.term(lunr.tokenizer(question)))",
    build(passages) {
      idx = lunr(function () {
        this.ref('id');
        this.field('text');
        passages.forEach((p, id) => this.add({ id: String(id), text: p.text }));
      });
    },
    serialize: () => JSON.stringify(idx),
    load(serialized) {
      idx = lunr.Index.load(JSON.parse(serialized));
    },
    search(query, limit) {
      const tokens = lunr.tokenizer(query) as unknown as lunr.Token;
      return idx!.query((q) => q.term(tokens, {})).slice(0, limit).map((r) => Number(r.ref));
    },
  };
}
