// A guard for MiniSearch upgrades. Our ranking uses one part of MiniSearch, its public radix tree
// (`minisearch/SearchableMap`: the vocabulary, prefix and fuzzy look-ups), and MiniSearch's own
// index is the reference the design names. These snapshots (committed) pin what both give on the
// fixed questions over the seeds: a new MiniSearch that changes any of it fails here, and the change
// is then looked at, not shipped by accident. (Update with `npx vitest run -u` after reading the diff.)
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCoverage } from '../../src/corpus/loadCoverage.js';
import { buildIndex, indexDocuments } from '../../src/search/buildIndex.js';
import { INDEX_FIELDS, RANK_OPTIONS, processTerm, tokenize, type IndexedDocument } from '../../src/search/indexOptions.js';
import type { InvertedIndex } from '../../src/search/invertedIndex.js';
import { planQuery } from '../../src/search/queryPlan.js';
import { searchPassages } from '../../src/search/searchIndex.js';
import type { Passage } from '../../src/types.js';
import { devQuestions, ROOT, SEEDS } from '../helpers.js';

/** MiniSearch configured as our index: same fields, tokenizer and terms. */
const MINISEARCH_OPTIONS: Options<IndexedDocument> = { fields: [...INDEX_FIELDS], storeFields: [], tokenize, processTerm, autoVacuum: false };
/** Terms arrive planned: identity tokenising; the same boosts, BM25 parameters and variant weights. */
const MINISEARCH_SEARCH: SearchOptions = {
  boost: { ...RANK_OPTIONS.boost },
  combineWith: 'OR',
  bm25: RANK_OPTIONS.bm25,
  weights: { fuzzy: RANK_OPTIONS.weights.fuzzy, prefix: RANK_OPTIONS.weights.prefix },
  maxFuzzy: RANK_OPTIONS.maxFuzzy,
  tokenize: (text) => [text],
  processTerm: (term) => term,
};

const questions = [
  ...devQuestions().map((q) => q.question),
  ...(JSON.parse(readFileSync(join(ROOT, 'eval/questions.paraphrase.json'), 'utf8')) as { question: string }[]).map((q) => q.question),
];
let passages: Passage[];
let index: InvertedIndex;
let miniSearch: MiniSearch<IndexedDocument>;
const cite = (id: number) => `${passages[id]!.doc.slice(0, 3)} ¶${passages[id]!.paragraph}`;

beforeAll(async () => {
  const coverage = await loadCoverage(SEEDS);
  passages = coverage.passages;
  const titles = new Map<string, string>();
  for (const article of coverage.articles) if (article.title) titles.set(article.doc, article.title);
  const extras = { statements: coverage.statements, people: coverage.people, titles };
  index = buildIndex(passages, extras);
  miniSearch = new MiniSearch<IndexedDocument>(MINISEARCH_OPTIONS);
  miniSearch.addAll(indexDocuments(passages, extras));
});

describe('MiniSearch upgrade guard (fixed questions over the seeds)', () => {
  it('MiniSearch#search, through its public API with our terms and plan, gives the same top 10 as recorded', () => {
    const results = questions.map((question) => {
      const plan = planQuery(question, index);
      const query = { queries: plan.terms.map((t) => ({ queries: [t.term], fuzzy: t.fuzzy, prefix: t.prefix })) };
      return `${question} → ${miniSearch.search(query, MINISEARCH_SEARCH).slice(0, 10).map((r) => cite(r.id as number)).join(', ')}`;
    });
    expect(results).toMatchSnapshot();
  });

  it('our ranking (vocabulary in SearchableMap) gives the same top 10 as recorded', () => {
    const results = questions.map((question) => `${question} → ${searchPassages(index, question, { limit: 10 }).map((r) => cite(r.id)).join(', ')}`);
    expect(results).toMatchSnapshot();
  });

  it('SearchableMap prefix and fuzzy look-ups over our vocabulary are as recorded', () => {
    const lookups = ['zelenski', 'rubio', 'lukhansk', 'ceasefir', 'witkof', 'talk'].map((term) => ({
      term,
      prefix: [...index.vocabulary.atPrefix(term).keys()].sort(),
      fuzzy: [...index.vocabulary.fuzzyGet(term, 2)].map(([key, [, distance]]) => `${key}:${distance}`).sort(),
    }));
    expect(lookups).toMatchSnapshot();
  });
});
