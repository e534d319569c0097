// Every passage's words, tokenised once and numbered, for the two build-time passes that need them:
// the index (terms per word) and near-duplicate grouping (folded words per word). Tokenising is the
// regex-heavy part of both; numbering the distinct raw words means that stemming, stop words and
// case folding run once per distinct word instead of once per occurrence, and that both passes
// work on integers instead of hashing millions of short strings.
import type { Passage } from '../types.js';
import { tokenize } from './terms.js';

export interface TokenizedPassages {
  /** Raw word (as `tokenize` gives it) by word id. */
  words: string[];
  /** Word ids of every passage, concatenated: passage i is `ids[starts[i] .. starts[i + 1])`. */
  ids: Int32Array;
  starts: Int32Array;
  /** The id of a raw word, numbering it if new (for text outside the passages: speakers, titles). */
  wordId(word: string): number;
}

export function tokenizePassages(passages: readonly Pick<Passage, 'text'>[]): TokenizedPassages {
  const byWord = new Map<string, number>();
  const words: string[] = [];
  const wordId = (word: string): number => {
    let id = byWord.get(word);
    if (id === undefined) {
      byWord.set(word, (id = words.length));
      words.push(word);
    }
    return id;
  };
  const starts = new Int32Array(passages.length + 1);
  let ids = new Int32Array(Math.max(1024, passages.length * 64));
  let used = 0;
  for (let p = 0; p < passages.length; p++) {
    starts[p] = used;
    const raw = tokenize(passages[p]!.text);
    if (used + raw.length > ids.length) {
      const grown = new Int32Array(Math.max(ids.length * 2, used + raw.length));
      grown.set(ids);
      ids = grown;
    }
    for (const word of raw) ids[used++] = wordId(word);
  }
  starts[passages.length] = used;
  return { words, ids: ids.subarray(0, used), starts, wordId };
}
