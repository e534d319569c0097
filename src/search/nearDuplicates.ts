// Paragraphs that say the same thing in different articles ("Mr Lammy and his US counterpart spoke on
// Tuesday night…" / "Mr Lammy and Mr Rubio spoke on Tuesday night…"). Computed once at build time:
// word-shingle resemblance over normalised words, with candidates found through an inverted index of
// shingles so that the cost grows with the number of shared shingles, not with passages squared.
import type { Passage } from '../types.js';
import { foldCase, tokenize } from './terms.js';

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
 */
export function duplicateGroups(passages: Passage[]): number[][] {
  const sets = passages.map((p) => shingles(p.text));
  const postings = new Map<string, number[]>();
  sets.forEach((set, id) => {
    for (const shingle of set) {
      const list = postings.get(shingle);
      if (list) list.push(id);
      else postings.set(shingle, [id]);
    }
  });

  const parent = passages.map((_, id) => id);
  const find = (id: number): number => {
    while (parent[id] !== id) id = parent[id] = parent[parent[id]!]!;
    return id;
  };

  sets.forEach((set, id) => {
    const shared = new Map<number, number>();
    for (const shingle of set) {
      const list = postings.get(shingle)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const other of list) if (other > id) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      if (resemblance(count, set.size, sets[other]!.size) >= RESEMBLANCE) parent[find(other)] = find(id);
    }
  });

  const groups = new Map<number, number[]>();
  passages.forEach((_, id) => {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}
