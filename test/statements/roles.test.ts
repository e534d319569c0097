// Asking by role, one person one name, and narrowing a person's statements (issue 8, points 2–4).
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../../src/statements/whoSaid.js';
import { parseArticle } from '../../src/corpus/parseArticle.js';
import { analyseStatements } from '../../src/statements/analyseStatements.js';
import { analyse, seedCoverage } from './helpers.js';

function coverageOf(...texts: string[]) {
  const articles = texts.map((text, i) => parseArticle(`t${i}`, `t${i}.txt`, text).article);
  return { articles, ...analyseStatements(articles) };
}

describe('ask by role', () => {
  it('"the Foreign Secretary" and "Defence Secretary" on the seeds', async () => {
    const seeds = await seedCoverage();
    const lammy = whoSaid(seeds, 'the Foreign Secretary');
    expect(lammy.person?.name).toBe('David Lammy');
    expect(lammy.statements.length).toBeGreaterThan(0);
    expect(lammy.roleNote).toMatch(/^David Lammy, Foreign Secretary in \d+ articles/);
    expect(whoSaid(seeds, 'Defence Secretary').person?.name).toBe('John Healey');
  });

  it('lists each holder with dates when the role changes hands', () => {
    const coverage = coverageOf(
      ' date 2024-03-01\nForeign Secretary David Cameron said: “We stand firm.”',
      ' date 2024-09-01\nForeign Secretary David Lammy said: “We stand ready.”',
      ' date 2024-10-01\nForeign Secretary David Lammy said: “We stand together.”',
    );
    const answer = whoSaid(coverage, 'foreign secretary');
    expect(answer.roleNote).toContain('David Lammy, Foreign Secretary in 2 articles (2024-09-01 to 2024-10-01)');
    expect(answer.roleNote).toContain('David Cameron, Foreign Secretary in 1 article (2024-03-01)');
    expect(answer.statements.map((s) => s.speaker)).toEqual(['David Cameron', 'David Lammy', 'David Lammy']);
  });
});

describe('one person, one name', () => {
  it('honorifics and titles fold into the full name; the name is never the honorific form', () => {
    const { people } = analyse(' date 2016-09-20\nSen. Elizabeth Warren spoke.\nWarren said: “It is gutless leadership.”\nMs. Warren added: “Resign.”');
    const warren = people.filter((p) => /Warren/.test(p.name));
    expect(warren.map((p) => p.name)).toEqual(['Elizabeth Warren']);
    expect(warren[0]!.statements).toBe(2);
  });

  it('a word run that is not a name never speaks ("New EU", "Moscow-based US")', () => {
    const { statements } = analyse(' date 2005-01-10\nNew EU members said the rules were unfair.\nThe Moscow-based US firm said it would appeal.');
    expect(statements.map((s) => s.speaker)).not.toContain('New EU');
    expect(statements.map((s) => s.speaker)).not.toContain('Moscow-based US');
  });

  it('a near-miss surname in the same article is someone else (Tester is not Hester)', () => {
    const { statements } = analyse(' date 2016-09-20\nMegan Hester, a teacher, spoke.\nSen. Jon Tester questioned him.\n“You give ammunition to them,” Tester said.');
    expect(statements.find((s) => s.text.includes('ammunition'))?.speaker).toBe('Jon Tester');
  });
});

describe('narrowing statements', () => {
  const coverage = coverageOf(
    ' date 2025-03-01\nForeign Secretary David Lammy said: “The ceasefire must hold.”',
    ' date 2025-04-01\nForeign Secretary David Lammy said: “Trade talks went well.”',
    ' date 2025-05-01\nForeign Secretary David Lammy said: “The ceasefire is fragile and the ceasefire talks continue.”',
  );

  it('about: only statements about the words, best first', () => {
    // Both words first, then one word, in date order; a statement with neither is left out.
    expect(whoSaid(coverage, 'Lammy', { about: 'ceasefire talks' }).statements.map((s) => s.publishedOn)).toEqual(['2025-05-01', '2025-03-01', '2025-04-01']);
    expect(whoSaid(coverage, 'Lammy', { about: 'the ceasefire' }).statements.map((s) => s.publishedOn)).toEqual(['2025-03-01', '2025-05-01']);
  });

  it('since and until: on the said-on date, else publication', () => {
    expect(whoSaid(coverage, 'Lammy', { since: '2025-03-15' }).statements.map((s) => s.publishedOn)).toEqual(['2025-04-01', '2025-05-01']);
    expect(whoSaid(coverage, 'Lammy', { until: '1 April 2025' }).statements.map((s) => s.publishedOn)).toEqual(['2025-03-01', '2025-04-01']);
  });

  it('a date that cannot be read gets a friendly notice', () => {
    const answer = whoSaid(coverage, 'Lammy', { since: 'whenever' });
    expect(answer.person).toBeNull();
    expect(answer.notice).toMatch(/couldn't read "whenever" as a date/);
  });
});
