// Paragraphs that say the same thing in different articles ("Mr Lammy and his US counterpart spoke on
// Tuesday night…" / "Mr Lammy and Mr Rubio spoke on Tuesday night…"). Computed once at build time:
// word-shingle resemblance over normalised words, with candidates found through an inverted index of
// shingles so that the cost grows with the number of shared shingles, not with passages squared.
import type { Passage } from '../types.js';
import { foldCase, tokenize } from './terms.js';
import { tokenizePassages, type TokenizedPassages } from './tokens.js';

/** Words per shingle: pairs keep short rewordings close while word order still matters. */
export const SHINGLE_SIZE = 2;
/**
 * Same thing said twice when Jaccard ≥ this, or when the smaller paragraph's shingles are this
 * much contained in the larger (a quote reported with or without its lead-in). On the seeds the
 * two 000 ¶9 / 002 ¶8 paragraphs score ~0.75 and unrelated paragraphs stay under ~0.2.
 */
export const RESEMBLANCE = 0.7;
/** Containment only counts for paragraphs with at least this many shingles: short lines are too easy to contain. */
export const MIN_CONTAINED_SHINGLES = 8;
/** Shingles in more paragraphs than this ("of the", "he said") are too common to suggest a copy. */
const MAX_POSTINGS = 50;

export function shingles(text: string): Set<string> {
  const words = tokenize(text).map(foldCase);
  const set = new Set<string>();
  if (words.length < SHINGLE_SIZE) {
    if (words.length) set.add(words.join(' '));
    return set;
  }
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) set.add(words.slice(i, i + SHINGLE_SIZE).join(' '));
  return set;
}

/** How alike two shingle sets are, given their overlap: the larger of Jaccard and guarded containment. */
export function resemblance(shared: number, a: number, b: number): number {
  const jaccard = shared / (a + b - shared);
  const smaller = Math.min(a, b);
  const containment = smaller >= MIN_CONTAINED_SHINGLES ? shared / smaller : 0;
  return Math.max(jaccard, containment);
}

/**
 * Groups of passage ids (positions in `passages`) that say the same thing, each sorted, each of
 * two or more; a passage is in at most one group (resemblance is closed transitively).
 *
 * Same shingles and rules as `shingles()` + `resemblance()`, but words and word pairs are numbered
 * instead of joined into strings, postings are flat arrays, and shared-shingle counts go into a
 * reused counter array instead of a Map per passage: at 100k paragraphs the string version spent
 * ~30 s building and hashing ~6M pair strings, this one a few seconds.
 */
export function duplicateGroups(passages: Passage[], tokens: TokenizedPassages = tokenizePassages(passages)): number[][] {
  // Shingles are numbered as (word, word) pairs below; a different SHINGLE_SIZE needs a different key.
  if (SHINGLE_SIZE !== 2) throw new Error('duplicateGroups: numeric shingles are implemented for pairs only');
  const n = passages.length;
  // Folded form of each raw word, numbered: the fold (NFKD + regex) runs once per distinct raw word.
  const byFolded = new Map<string, number>();
  const folded = new Int32Array(tokens.words.length);
  tokens.words.forEach((word, id) => {
    const form = foldCase(word);
    let foldedId = byFolded.get(form);
    if (foldedId === undefined) byFolded.set(form, (foldedId = byFolded.size));
    folded[id] = foldedId;
  });

  // Each passage's distinct shingle ids, concatenated: shingle ids of passage i are ids[starts[i]..starts[i+1]).
  const shingleIds = new PairIds();
  const starts = new Int32Array(n + 1);
  const ids = new Int32Array(tokens.ids.length + n);
  let used = 0;
  let seen = new Int32Array(1024);
  for (let p = 0; p < n; p++) {
    starts[p] = used;
    const from = tokens.starts[p]!;
    const length = tokens.starts[p + 1]! - from;
    if (length > seen.length) seen = new Int32Array(length * 2);
    let count = 0;
    if (length < SHINGLE_SIZE) {
      // A lone word is its own shingle, kept apart from every pair (as "a" never equals "a b").
      if (length) seen[count++] = shingleIds.id(folded[tokens.ids[from]!]!, -1);
    } else {
      let previous = folded[tokens.ids[from]!]!;
      for (let i = 1; i < length; i++) {
        const current = folded[tokens.ids[from + i]!]!;
        seen[count++] = shingleIds.id(previous, current);
        previous = current;
      }
    }
    const sorted = seen.subarray(0, count).sort();
    for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) ids[used++] = sorted[i]!;
  }
  starts[n] = used;

  // Postings (passages per shingle), flat: passages of shingle s are postings[offsets[s]..offsets[s+1]), ascending.
  const shingleCount = shingleIds.size;
  const offsets = new Int32Array(shingleCount + 1);
  for (let i = 0; i < used; i++) offsets[ids[i]! + 1]!++;
  for (let s = 0; s < shingleCount; s++) offsets[s + 1]! += offsets[s]!;
  const fill = offsets.slice(0, shingleCount);
  const postings = new Int32Array(used);
  for (let p = 0; p < n; p++) for (let i = starts[p]!; i < starts[p + 1]!; i++) postings[fill[ids[i]!]!++] = p;

  const parent = new Int32Array(n);
  for (let id = 0; id < n; id++) parent[id] = id;
  const find = (id: number): number => {
    while (parent[id] !== id) id = parent[id] = parent[parent[id]!]!;
    return id;
  };

  const shared = new Int32Array(n);
  const others = new Int32Array(n);
  for (let id = 0; id < n; id++) {
    let count = 0;
    for (let i = starts[id]!; i < starts[id + 1]!; i++) {
      const s = ids[i]!;
      const from = offsets[s]!;
      const to = offsets[s + 1]!;
      if (to - from > MAX_POSTINGS) continue;
      for (let j = from; j < to; j++) {
        const other = postings[j]!;
        if (other <= id) continue;
        if (shared[other] === 0) others[count++] = other;
        shared[other]!++;
      }
    }
    const size = starts[id + 1]! - starts[id]!;
    for (let i = 0; i < count; i++) {
      const other = others[i]!;
      if (resemblance(shared[other]!, size, starts[other + 1]! - starts[other]!) >= RESEMBLANCE) parent[find(other)] = find(id);
      shared[other] = 0;
    }
  }

  const groups = new Map<number, number[]>();
  for (let id = 0; id < n; id++) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * (word id, word id) → dense shingle id, in an open-addressing table over typed arrays: a Map keyed
 * by a combined 52-bit number stores every key as a boxed double and was the single largest cost.
 */
class PairIds {
  size = 0;
  private mask = (1 << 16) - 1;
  private first = new Int32Array(1 << 16).fill(EMPTY);
  private second = new Int32Array(1 << 16);
  private value = new Int32Array(1 << 16);
  id(a: number, b: number): number {
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) & this.mask;
    for (;;) {
      const f = this.first[slot]!;
      if (f === EMPTY) break;
      if (f === a && this.second[slot] === b) return this.value[slot]!;
      slot = (slot + 1) & this.mask;
    }
    this.first[slot] = a;
    this.second[slot] = b;
    this.value[slot] = this.size;
    if (++this.size * 2 > this.mask) this.grow();
    return this.size - 1;
  }
  private grow(): void {
    const { first, second, value } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity).fill(EMPTY);
    this.second = new Int32Array(capacity);
    this.value = new Int32Array(capacity);
    for (let i = 0; i < first.length; i++) {
      const a = first[i]!;
      if (a === EMPTY) continue;
      const b = second[i]!;
      let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) & this.mask;
      while (this.first[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.first[slot] = a;
      this.second[slot] = b;
      this.value[slot] = value[i]!;
    }
  }
}
const EMPTY = -1;
