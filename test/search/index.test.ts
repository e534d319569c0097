// Our index and ranker against plain, obviously-right versions: postings and lengths against a Map
// built word by word, scores against BM25 written out per document, the persisted form against the
// built index, collection statistics as an input (an index over part of the passages scored with the
// whole collection's statistics gives the whole index's scores), the filter predicate; and the
// numeric-shingle duplicate grouping against the string-shingle original.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus, makeQuestions } from '../../bench/corpus.js';
import { loadCoverage } from '../../src/statements/loadCoverage.js';
import { buildIndex, indexDocuments, loadIndex, serializeIndex, type IndexExtras } from '../../src/search/buildIndex.js';
import { statsOf } from '../../src/search/collectionStats.js';
import { INDEX_FIELDS, RANK_OPTIONS, processTerm, tokenize } from '../../src/search/indexOptions.js';
import { duplicateGroups, MIN_CONTAINED_SHINGLES, RESEMBLANCE, resemblance, shingles } from '../../src/search/nearDuplicates.js';
import { planQuery, type QueryPlan } from '../../src/search/queryPlan.js';
import { expandPlan } from '../../src/search/rank.js';
import { searchPassages } from '../../src/search/searchIndex.js';
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

/** term → field → passage id → frequency, and lengths, word by word from the documents. */
function naiveIndex(passages: Passage[], x: IndexExtras = {}) {
  const postings = new Map<string, Map<number, Map<number, number>>>();
  const lengths = INDEX_FIELDS.map(() => new Map<number, number>());
  for (const document of indexDocuments(passages, x)) {
    INDEX_FIELDS.forEach((field, f) => {
      const value = document[field];
      if (value == null) return;
      let length = 0;
      for (const word of tokenize(value)) {
        const term = processTerm(word);
        if (!term) continue;
        length++;
        if (!postings.has(term)) postings.set(term, new Map());
        const byField = postings.get(term)!;
        if (!byField.has(f)) byField.set(f, new Map());
        byField.get(f)!.set(document.id, (byField.get(f)!.get(document.id) ?? 0) + 1);
      }
      lengths[f]!.set(document.id, length);
    });
  }
  return { postings, lengths };
}

/** BM25 per document, written out: the sum over weighted terms and fields, nothing skipped. */
function naiveScorer(passages: Passage[], x: IndexExtras = {}) {
  const { postings, lengths } = naiveIndex(passages, x);
  const n = passages.length;
  const average = lengths.map((l) => (l.size ? [...l.values()].reduce((a, b) => a + b, 0) / l.size : 0));
  const { k1: k, b, d } = RANK_OPTIONS.bm25;
  const index = buildIndex(passages, x);
  return (plan: QueryPlan) => {
    const scores = new Map<number, number>();
    for (const { term, weight } of expandPlan(plan, [index.vocabulary], RANK_OPTIONS)) {
      INDEX_FIELDS.forEach((field, f) => {
        const list = postings.get(term)?.get(f);
        if (!list) return;
        const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
        for (const [id, tf] of list) {
          const len = lengths[f]!.get(id)!;
          const s = weight * (RANK_OPTIONS.boost[field] ?? 1) * idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / (average[f] || 1))));
          scores.set(id, (scores.get(id) ?? 0) + s);
        }
      });
    }
    return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id);
  };
}

describe('buildIndex', () => {
  it('holds every posting and length a word-by-word build gives (seeds with speakers and titles, bench paragraphs)', () => {
    for (const [passages, x] of [[seeds, extras], [bench, {}]] as const) {
      const index = buildIndex(passages, x);
      const naive = naiveIndex(passages, x);
      expect(index.termCount).toBe(naive.postings.size);
      for (const [term, byField] of naive.postings) {
        INDEX_FIELDS.forEach((_, f) => {
          const list = index.postings(term, f);
          const got = list ? Array.from(list.docs.subarray(list.from, list.to), (doc, i) => [doc, list.freqs[list.from + i]]) : [];
          expect(got).toEqual([...(byField.get(f) ?? new Map())].sort((a, b) => a[0] - b[0]));
        });
      }
      INDEX_FIELDS.forEach((_, f) => {
        for (const [id, length] of naive.lengths[f]!) expect(index.fieldLength(f, id)).toBe(length);
      });
    }
  });
});

describe('searchPassages', () => {
  it('ranks as BM25 written out per document: ids, scores, order, top 10 and full lists', () => {
    const index = buildIndex(bench);
    const naive = naiveScorer(bench);
    for (const question of questions.slice(0, 120)) {
      const plan = planQuery(question, index);
      const expected = naive(plan);
      const all = searchPassages(index, plan);
      expect(all.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      all.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 9));
      expect(searchPassages(index, plan, { limit: 10 })).toEqual(all.slice(0, 10));
    }
  });

  it('ranks the dev questions over the seeds (with speakers and titles) as BM25 written out', () => {
    const index = buildIndex(seeds, extras);
    const naive = naiveScorer(seeds, extras);
    for (const { question } of devQuestions()) {
      const plan = planQuery(question, index);
      expect(searchPassages(index, plan).map((r) => r.id)).toEqual(naive(plan).map((r) => r.id));
    }
  });

  it('leaves out what the filter rejects, and still returns the best `limit` of the rest', () => {
    const index = buildIndex(bench);
    const odd = (id: number) => id % 2 === 1;
    for (const question of questions.slice(0, 60)) {
      const all = searchPassages(index, question).filter((r) => odd(r.id));
      expect(searchPassages(index, question, { limit: 10, accept: odd })).toEqual(all.slice(0, 10));
    }
  });

  it('scores with the statistics it is given: part of the passages with the whole collection’s statistics scores as the whole index', () => {
    const whole = buildIndex(bench);
    const part = buildIndex(bench.slice(0, 2000));
    const stats = statsOf(whole);
    const inPart = (id: number) => id < 2000;
    for (const question of questions.slice(0, 60)) {
      const plan = planQuery(question, whole);
      const expected = searchPassages(whole, plan, { accept: inPart, limit: 10 });
      const got = searchPassages(part, plan, { stats, vocabularies: [whole.vocabulary], limit: 10 });
      expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      got.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 9));
    }
  });
});

describe('serializeIndex / loadIndex', () => {
  it('loads the same arrays and answers as the built index', () => {
    for (const index of [buildIndex(seeds, extras), buildIndex(bench)]) {
      const loaded = loadIndex(serializeIndex(index));
      expect(loaded.terms).toEqual(index.terms);
      expect(loaded.packed).toEqual(index.packed);
      for (const question of questions.slice(0, 50)) {
        expect(searchPassages(loaded, question, { limit: 10 })).toEqual(searchPassages(index, question, { limit: 10 }));
      }
    }
  });

  it('refuses another format (the cache then rebuilds)', () => {
    expect(() => loadIndex(JSON.stringify({ format: 'minisearch', index: [] }))).toThrow(/format/);
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
