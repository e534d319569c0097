// Roles that mean the office (issue 16, Build 3): qualifiers make another office, whose office it is
// finds its holder, and a reply with several holders names the speaker on every statement. The
// sentences are the BBC archive's (../shared/corpora/bbc-news-2005).
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parseArticle.js';
import { analyseStatements } from '../../src/statements/analyseStatements.js';
import { roleParts } from '../../src/statements/roles.js';
import { whoSaid } from '../../src/statements/whoSaid.js';
import { renderDiscordAsText, renderWho } from '../../src/render/discord.js';

function coverageOf(...texts: string[]) {
  const articles = texts.map((text, i) => parseArticle(`t${i}`, `t${i}.txt`, text).article);
  return { articles, ...analyseStatements(articles) };
}

const BROWN = ' date 2005-03-16\nChancellor Gordon Brown said: "The economy is stable."';
const holders = (coverage: ReturnType<typeof coverageOf>, query: string) => new Set(whoSaid(coverage, query).statements.map((s) => s.speaker));

describe('a qualifier is not the role', () => {
  it.each([
    ['shadow', 'Shadow chancellor Oliver Letwin said: "At best the timing of these changes is very convenient for the government."', 'Oliver Letwin'],
    ['shadow (after "his")', 'He and his shadow Chancellor Oliver Letwin said: "We will cut taxes."', 'Oliver Letwin'],
    ['former', 'Former Tory chancellor Ken Clarke said: "The rules were rigid."', 'Ken Clarke'],
    ['ex-', 'Earlier, ex-Conservative chancellor Ken Clarke said: "Give and take will replace rigid rules."', 'Ken Clarke'],
    ['deputy', 'Deputy chancellor Peter Hain said: "We are ready."', 'Peter Hain'],
    ['acting', 'Acting chancellor Ruth Kelly said: "We are ready."', 'Ruth Kelly'],
    ['junior', 'Junior Treasury minister Paul Boateng said: "We are ready."', 'Paul Boateng'],
  ])('%s', (_label, sentence, person) => {
    const coverage = coverageOf(BROWN, ` date 2005-03-17\n${sentence}`);
    expect(holders(coverage, 'the chancellor')).toEqual(new Set(['Gordon Brown']));
    expect(whoSaid(coverage, 'the chancellor').roleNote).toMatch(/^Gordon Brown, Chancellor in 1 article \(2005-03-16\)$/);
    expect(whoSaid(coverage, 'Treasury minister').statements.map((s) => s.speaker)).not.toContain(person);
  });

  it('the qualified role finds its own holder', () => {
    const coverage = coverageOf(BROWN, ' date 2005-03-17\nShadow chancellor Oliver Letwin said: "Taxes will rise."');
    expect(holders(coverage, 'the shadow chancellor')).toEqual(new Set(['Oliver Letwin']));
    expect(roleParts('Tory Shadow Chancellor')).toMatchObject({ office: ['chancellor'], whose: ['tory'], qualifiers: ['shadow'] });
    expect(roleParts('ex-Conservative chancellor')).toMatchObject({ office: ['chancellor'], qualifiers: ['ex'] });
  });

  it('a holder only ever named for another country is not "the chancellor"', () => {
    const coverage = coverageOf(
      BROWN,
      ' date 2005-03-18\nUK Chancellor Gordon Brown said: "Debt relief matters."',
      ' date 2005-03-19\nGerman Chancellor Gerhard Schroeder said: "The pact must change."',
    );
    expect(holders(coverage, 'the chancellor')).toEqual(new Set(['Gordon Brown']));
    expect(holders(coverage, 'the German chancellor')).toEqual(new Set(['Gerhard Schroeder']));
  });
});

describe('whose office: a nationality or body with the role finds its holder', () => {
  it('"the England coach" is Andy Robinson, not the Wales coach', () => {
    const coverage = coverageOf(
      ' date 2005-02-01\nEngland coach Andy Robinson said: "We were robbed."',
      ' date 2005-02-02\nWales coach Mike Ruddock said: "We deserved it."',
    );
    expect(holders(coverage, 'the England coach')).toEqual(new Set(['Andy Robinson']));
    expect(holders(coverage, 'Wales coach')).toEqual(new Set(['Mike Ruddock']));
  });

  it('"the Fed chairman" is the Federal Reserve chairman, not a Federation chairman', () => {
    const coverage = coverageOf(
      ' date 2005-02-01\nFederal Reserve chairman Alan Greenspan said: "Budget concerns cloud the outlook."',
      ' date 2005-02-02\nShares fell after stern words from Fed chief Alan Greenspan.',
      ' date 2005-02-03\nPolice Federation chairman Jan Berry said: "Officers are angry."',
    );
    expect(holders(coverage, 'the Fed chairman')).toEqual(new Set(['Alan Greenspan']));
  });
});

describe('several speakers: each statement names its speaker', () => {
  it('in Discord, as the terminal shows it', () => {
    const coverage = coverageOf(
      ' date 2024-03-01\nForeign Secretary David Cameron said: "We stand firm."',
      ' date 2024-09-01\nForeign Secretary David Lammy said: "We stand ready."',
    );
    const answer = whoSaid(coverage, 'the Foreign Secretary');
    const [page] = renderWho(answer);
    const fields = page!.embeds[0]!.fields!.map((f) => f.name);
    expect(fields).toEqual(['1 Mar 2024 — David Cameron', '1 Sept 2024 — David Lammy'].map((f) => expect.stringContaining(f.split(' — ')[1]!)));
    expect(page!.content).toContain('by 2 people');
    const text = renderDiscordAsText(page!);
    expect(text).toMatch(/— David Cameron\n.*We stand firm/);
    expect(text).toMatch(/— David Lammy\n.*We stand ready/);
  });

  it('one speaker: no name repeated on each statement', () => {
    const coverage = coverageOf(' date 2024-09-01\nForeign Secretary David Lammy said: "We stand ready."');
    const [page] = renderWho(whoSaid(coverage, 'Lammy'));
    expect(page!.embeds[0]!.fields!.every((f) => !f.name.includes('Lammy'))).toBe(true);
  });
});

describe('a role most of the coverage gives one person', () => {
  const blair = (day: number) => ` date 2005-03-${String(day).padStart(2, '0')}\nPrime Minister Tony Blair said: "We will win the argument on day ${day}."`;
  const kiev = ' date 2005-03-20\nPrime Minister Yulia Tymoshenko said: "We will review 3,000 sales."';

  it('answers with that person alone and names the others in the note', () => {
    const coverage = coverageOf(blair(1), blair(2), blair(3), kiev);
    const answer = whoSaid(coverage, 'the prime minister');
    expect(holders(coverage, 'the prime minister')).toEqual(new Set(['Tony Blair']));
    expect(answer.roleNote).toMatch(/^Tony Blair, Prime Minister in 3 articles.*also given this title: Yulia Tymoshenko \(1\)/);
  });

  it('shows every holder, each statement named, when none dominates', () => {
    const coverage = coverageOf(blair(1), kiev);
    expect(holders(coverage, 'the prime minister')).toEqual(new Set(['Tony Blair', 'Yulia Tymoshenko']));
  });
});
