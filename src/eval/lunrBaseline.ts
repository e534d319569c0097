// lunr 2 with its default English pipeline over the same passages, for the answer-set eval: the
// baseline each set is read beside. Same configuration as bench/engines/lunr.ts (query.term(), so
// that question text is never parsed as lunr query syntax).
import lunr from 'lunr';
import type { Passage } from '../types.js';

/** Passage positions best first, at most `limit`. */
export type LunrSearch = (question: string, limit: number) => number[];

export function lunrOver(passages: readonly Passage[]): LunrSearch {
  const idx = lunr(function () {
    this.ref('id');
    this.field('text');
    passages.forEach((p, id) => this.add({ id: String(id), text: p.text }));
  });
  return (question, limit) => {
    const tokens = lunr.tokenizer(question) as unknown as lunr.Token;
    return idx.query((q) => q.term(tokens, {})).slice(0, limit).map((r) => Number(r.ref));
  };
}
