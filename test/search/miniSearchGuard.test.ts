// A guard for MiniSearch upgrades. Production uses one part of MiniSearch, its public radix tree
// (`minisearch/SearchableMap`: the vocabulary, prefix and fuzzy look-ups); MiniSearch#search is not
// called, so it is not pinned here. These snapshots (committed) pin what our ranking over that tree
// gives on the fixed questions over the seeds, and the look-ups themselves: a new MiniSearch that
// changes either fails here, and the change is then looked at, not shipped by accident. (Update with
// `npx vitest run -u` after reading the diff.)
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCoverage } from '../../src/statements/loadCoverage.js';
import { buildIndex } from '../../src/search/buildIndex.js';
import type { InvertedIndex } from '../../src/search/invertedIndex.js';
import { searchPassages } from '../../src/search/searchIndex.js';
import type { Passage } from '../../src/types.js';
import { devQuestions, ROOT, SEEDS } from '../helpers.js';

const questions = [
  ...devQuestions().map((q) => q.question),
  ...(JSON.parse(readFileSync(join(ROOT, 'eval/questions.paraphrase.json'), 'utf8')) as { question: string }[]).map((q) => q.question),
];
let passages: Passage[];
let index: InvertedIndex;
const cite = (id: number) => `${passages[id]!.doc.slice(0, 3)} ¶${passages[id]!.paragraph}`;

beforeAll(async () => {
  const coverage = await loadCoverage(SEEDS);
  passages = coverage.passages;
  const titles = new Map<string, string>();
  for (const article of coverage.articles) if (article.title) titles.set(article.doc, article.title);
  const extras = { statements: coverage.statements, people: coverage.people, titles };
  index = buildIndex(passages, extras);
});

describe('MiniSearch upgrade guard (fixed questions over the seeds)', () => {
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
