// The fast paths in src/search must give exactly what the plain MiniSearch / string versions give:
// build (fillIndex) vs addAll, top-k scoring vs MiniSearch#search, the compact persisted form vs
// MiniSearch's JSON, and numeric-shingle duplicate grouping vs the string-shingle original.
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus, makeQuestions } from '../../bench/corpus.js';
import { loadCoverage } from '../../src/corpus/loadCoverage.js';
import { buildIndex, buildIndexWithMiniSearch, loadIndex, serializeIndex, type IndexExtras } from '../../src/search/buildIndex.js';
import { INDEX_OPTIONS } from '../../src/search/indexOptions.js';
import { duplicateGroups, MIN_CONTAINED_SHINGLES, RESEMBLANCE, resemblance, shingles } from '../../src/search/nearDuplicates.js';
import { planQuery } from '../../src/search/queryPlan.js';
import { searchPassages, searchWithMiniSearch } from '../../src/search/searchIndex.js';
import type { Passage } from '../../src/types.js';
import { devQuestions, SEEDS } from '../helpers.js';

let seeds: Passage[];
let extras: IndexExtras;
const bench = makeCorpus(3000).passages;
const questions = makeQuestions(300).map((q) => q.text);

beforeAll(async () => {
  const coverage = await loadCoverage(SEEDS);
  seeds = coverage.passages;
  const titles = new Map<string, string>();
  for (const article of coverage.articles) if (article.title) titles.set(article.doc, article.title);
  extras = { statements: coverage.statements, people: coverage.people, titles };
});

describe('buildIndex', () => {
  it('builds what MiniSearch addAll builds (seeds with speakers and titles, and bench paragraphs)', () => {
    expect(JSON.stringify(buildIndex(seeds, extras))).toBe(JSON.stringify(buildIndexWithMiniSearch(seeds, extras)));
    expect(JSON.stringify(buildIndex(bench))).toBe(JSON.stringify(buildIndexWithMiniSearch(bench)));
  });
});

describe('searchPassages (top-k scorer)', () => {
  // The reference is plain MiniSearch all the way: addAll (Map postings) and MiniSearch#search.
  it('ranks exactly as MiniSearch#search: ids, scores, order, top 10 and full lists', () => {
    const index = buildIndex(bench);
    const plain = buildIndexWithMiniSearch(bench);
    for (const question of questions) {
      const plan = planQuery(question, index);
      expect(planQuery(question, plain)).toEqual(plan);
      expect(searchPassages(index, plan, { limit: 10 })).toEqual(searchWithMiniSearch(plain, plan, { limit: 10 }));
      expect(searchPassages(index, plan)).toEqual(searchWithMiniSearch(plain, plan));
      // MiniSearch's own search also runs on the packed postings (the fallback path).
      expect(searchWithMiniSearch(index, plan, { limit: 10 })).toEqual(searchWithMiniSearch(plain, plan, { limit: 10 }));
    }
  });

  it('ranks exactly as MiniSearch#search on the dev questions over the seeds', () => {
    const index = buildIndex(seeds, extras);
    const plain = buildIndexWithMiniSearch(seeds, extras);
    for (const { question } of devQuestions()) {
      const plan = planQuery(question, index);
      expect(searchPassages(index, plan)).toEqual(searchWithMiniSearch(plain, plan));
    }
  });

  it('the packed index is read-only', () => {
    expect(() => buildIndex(seeds).add({ id: 10_000, text: 'Zelensky said' })).toThrow(/read-only/);
  });
});

describe('serializeIndex / loadIndex', () => {
  it('loads what MiniSearch.loadJSON loads, and still reads MiniSearch JSON', () => {
    for (const index of [buildIndex(seeds, extras), buildIndex(bench)]) {
      const viaMiniSearch = JSON.stringify(MiniSearch.loadJSON(JSON.stringify(index), INDEX_OPTIONS));
      expect(JSON.stringify(loadIndex(serializeIndex(index)))).toBe(viaMiniSearch);
      expect(JSON.stringify(loadIndex(JSON.stringify(index)))).toBe(viaMiniSearch);
    }
  });

  it('a loaded index answers as the built one', () => {
    const index = buildIndex(bench);
    const loaded = loadIndex(serializeIndex(index));
    for (const question of questions.slice(0, 50)) {
      expect(searchPassages(loaded, question, { limit: 10 })).toEqual(searchPassages(index, question, { limit: 10 }));
    }
  });
});

/** The original string-shingle grouping, kept here as the reference. */
function referenceGroups(passages: Passage[]): number[][] {
  const sets = passages.map((p) => shingles(p.text));
  const postings = new Map<string, number[]>();
  sets.forEach((set, id) => {
    for (const shingle of set) postings.set(shingle, [...(postings.get(shingle) ?? []), id]);
  });
  const parent = passages.map((_, id) => id);
  const find = (id: number): number => (parent[id] === id ? id : (parent[id] = find(parent[id]!)));
  sets.forEach((set, id) => {
    const shared = new Map<number, number>();
    for (const shingle of set) {
      const list = postings.get(shingle)!;
      if (list.length > 50) continue;
      for (const other of list) if (other > id) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      if (resemblance(count, set.size, sets[other]!.size) >= RESEMBLANCE) parent[find(other)] = find(id);
    }
  });
  const groups = new Map<number, number[]>();
  passages.forEach((_, id) => groups.set(find(id), [...(groups.get(find(id)) ?? []), id]));
  return [...groups.values()].filter((group) => group.length > 1);
}

describe('duplicateGroups', () => {
  it('groups exactly as the string-shingle version, with copies, rewordings, one-word and empty lines', () => {
    const base = makeCorpus(1500).passages;
    const passages: Passage[] = [...base, { ...base[0]!, text: 'Yes.' }, { ...base[0]!, text: 'yes' }, { ...base[0]!, text: '' }];
    base.slice(0, 300).forEach((p, i) => {
      const words = p.text.split(' ');
      if (i % 3 === 0) passages.push({ ...p, doc: `${p.doc}-copy` });
      if (i % 3 === 1) passages.push({ ...p, text: words.filter((_, j) => j % 7 !== 3).join(' ') });
      if (i % 3 === 2 && words.length > MIN_CONTAINED_SHINGLES + 2) passages.push({ ...p, text: words.slice(0, words.length - 4).join(' ') });
    });
    const groups = duplicateGroups(passages);
    expect(groups.length).toBeGreaterThan(150);
    expect(groups).toEqual(referenceGroups(passages));
  });
});
