// One person, one name across the coverage (issue 16, Build 2): each identity rule on sentences
// from the BBC archive (../shared/corpora/bbc-news-2005), short enough to read in the test.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parseArticle.js';
import { analyseStatements } from '../../src/statements/analyseStatements.js';
import { whoSaid } from '../../src/statements/whoSaid.js';
import { sameGivenName } from '../../src/statements/givenNames.js';
import { analyse } from './helpers.js';

const D = ' date 2005-02-01\n';
const persons = (people: { name: string; kind: string }[]) => people.filter((p) => p.kind === 'person').map((p) => p.name);

function coverageOf(...texts: string[]) {
  const articles = texts.map((text, i) => parseArticle(`t${i}`, `t${i}.txt`, text).article);
  return { articles, ...analyseStatements(articles) };
}

describe('name variants fold only where the surname agrees', () => {
  it('Vince / Vincent Cable across articles are one person', () => {
    const { people } = analyse(
      D + "Liberal Democrat Treasury spokesman Vince Cable said the figures did not add up.",
      D + 'Vincent Cable, for the Liberal Democrats, accused Mr Brown of ducking tough choices.\nMr Cable said: "The books must be opened."',
    );
    const cable = people.filter((p) => /Cable/.test(p.name));
    expect(cable).toHaveLength(1);
    expect(cable[0]!.aliases).toEqual(expect.arrayContaining(['Vincent Cable']));
  });

  it('a short form with another surname, or of a name of the other sex, stays apart', () => {
    expect(sameGivenName('Bill', 'William')).toBe(true);
    expect(sameGivenName('Jim', 'James')).toBe(true);
    expect(sameGivenName('Bob', 'Robert')).toBe(true);
    expect(sameGivenName('Tony', 'Anthony')).toBe(true);
    expect(sameGivenName('Mike', 'Michael')).toBe(true);
    expect(sameGivenName('Bill', 'Robert')).toBe(false);
    const { people } = analyse(
      D + 'Home Secretary Bill Morgan said the law would change.',
      D + 'Shadow minister William Morton said it would not.\nMr Morton said: "No."',
      D + 'Campaigner Jon Baxter said: "Yes."\nCampaigner Joan Baxter said: "No."',
    );
    expect(persons(people)).toEqual(expect.arrayContaining(['Bill Morgan', 'William Morton', 'Jon Baxter', 'Joan Baxter']));
  });
});

describe('honorifics keep relatives apart', () => {
  it('"Mrs Howard" is not an alias of Michael Howard, and her words are not his', () => {
    const { people, statements } = analyse(
      D +
        'Tory leader Michael Howard said the party would cut taxes.\n' +
        'Mrs Howard will make solo visits to target seats as well as accompanying her husband on his helicopter campaign trail.\n' +
        'Mrs Howard said: "I am enjoying it."\n' +
        'Mr Howard said: "She is a great asset."',
    );
    const michael = people.find((p) => p.name === 'Michael Howard')!;
    expect(michael.aliases).not.toContain('Mrs Howard');
    expect(statements.find((s) => s.text.includes('enjoying'))?.speaker).not.toBe('Michael Howard');
    expect(statements.find((s) => s.text.includes('great asset'))?.speaker).toBe('Michael Howard');
  });
});

describe('job, section and sentence-opening words never begin a name', () => {
  it('"Chancellor of the Exchequer Gordon Brown" is Gordon Brown, the Chancellor of the Exchequer', () => {
    const { people } = analyse(D + "Accountancy firm Ernst & Young said that Chancellor of the Exchequer Gordon Brown's forecasts were too optimistic.\nMr Brown said: \"They are prudent.\"");
    const brown = people.find((p) => p.name === 'Gordon Brown');
    expect(brown?.roles.map((r) => r.role)).toContain('Chancellor of the Exchequer');
    expect(persons(people).some((n) => /Exchequer/.test(n))).toBe(false);
  });

  it('"Coach Andy Robinson", "Broadcaster Chris Evans" are the name without the word', () => {
    const { people } = analyse(
      D + "Coach Andy Robinson dropped Dawson for the autumn Tests after he missed training.\nRobinson said: \"It was his choice.\"",
      D + 'Broadcaster Chris Evans has begun selling thousands of his possessions from a stall in Camden Market, London.\nMr Evans said: "It is all going."',
    );
    expect(persons(people)).toEqual(expect.arrayContaining(['Andy Robinson', 'Chris Evans']));
    expect(persons(people).some((n) => /^(Coach|Broadcaster) /.test(n))).toBe(false);
  });

  it('"Perhaps Robinson", "Get Brown", "Making Michael Howard" are not people', () => {
    const { people } = analyse(
      D +
        'England coach Andy Robinson said the referee was wrong.\n' +
        'Perhaps Robinson was right to say the referee should have gone upstairs.',
      D + 'Chancellor Gordon Brown spoke.\n"I have a new slogan. Vote Blair, Get Brown," said Mr Howard.',
      D + 'Tory leader Michael Howard spoke in Bournemouth.\nMaking Michael Howard leader was a gamble, Mr Fox said.',
    );
    const names = persons(people);
    expect(names.some((n) => /^(Perhaps|Get|Making) /.test(n))).toBe(false);
  });

  it('a possessive is never a person ("Brown\'s aides")', () => {
    const { people } = analyse(D + 'Chancellor Gordon Brown met ministers.\nBrown\'s aides said the meeting went well.');
    expect(persons(people).some((n) => /’s|'s/.test(n))).toBe(false);
  });
});

describe('an affiliation is not part of a name', () => {
  it('"Stuart Hensel of the Economist Intelligence Unit" is Stuart Hensel, and "Mr Hensel" folds into him', () => {
    const { people, statements } = analyse(
      D +
        "An open-ended list could further damage outside investors' fragile faith in Ukraine, said Stuart Hensel of the Economist Intelligence Unit.\n" +
        'But the government seemed keen not to make the review look like a wholesale renationalisation, Mr Hensel said.',
    );
    expect(persons(people)).toContain('Stuart Hensel');
    expect(statements.map((s) => s.speaker)).toEqual(['Stuart Hensel', 'Stuart Hensel']);
  });

  it('a peer keeps his "of": "Lord Falconer of Thoroton" is one chain', () => {
    const { people } = analyse(D + 'Lord Falconer of Thoroton said the courts would be reformed.');
    expect(people.map((p) => p.name).some((n) => /Thoroton/.test(n) || n === 'Lord Falconer')).toBe(true);
  });
});

describe('named but never quoted', () => {
  it('says "named in N articles, not quoted", not "couldn\'t find anyone"', () => {
    const coverage = coverageOf(
      D + 'The film tells the story of Howard Hughes, the aviator.\nMr Hughes was not available.',
      D + 'A biography of Howard Hughes was published on Monday.',
      D + 'A new edition of Agatha Christie novels went on sale.',
    );
    const hughes = whoSaid(coverage, 'Howard Hughes');
    expect(hughes.statements).toEqual([]);
    expect(hughes.notice).toBe('Howard Hughes is named in 2 articles, not quoted.');
    const christie = whoSaid(coverage, 'agatha christie');
    expect(christie.notice).toBe('agatha christie is named in 1 article, not quoted.');
    expect(whoSaid(coverage, 'Nobody Atall').notice ?? null).toBeNull();
  });
});
