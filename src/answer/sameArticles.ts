// Articles whose text is the same under two files (a feed saved twice, a story filed under two names)
// are one article in citations: each doc maps to the first doc with the same paragraphs, in order.
// Titles are not compared ("DS aims to touch gamers" and "Nintendo DS aims to touch gamers" are one
// story). Pure; ~20 ms over 10k paragraphs, computed on first use.
import { createHash } from 'node:crypto';
import type { Passage } from '../types.js';

/** doc → the doc that stands for its text (itself when no earlier doc has the same text). */
export function sameArticles(passages: readonly (Pick<Passage, 'doc' | 'text'> | null)[]): Map<string, string> {
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  for (const passage of passages) {
    if (!passage) continue;
    let hash = hashes.get(passage.doc);
    if (!hash) hashes.set(passage.doc, (hash = createHash('sha1')));
    hash.update(passage.text).update('\u0000');
  }
  const byText = new Map<string, string>();
  const canonical = new Map<string, string>();
  for (const [doc, hash] of hashes) {
    const digest = hash.digest('hex');
    const first = byText.get(digest);
    if (first === undefined) byText.set(digest, doc);
    canonical.set(doc, first ?? doc);
  }
  return canonical;
}
