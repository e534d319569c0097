import { describe, expect, it } from 'vitest';
import { findPerson } from '../../src/statements/findPerson.js';
import { whoSaid } from '../../src/statements/whoSaid.js';
import { analyse, seedCoverage } from './helpers.js';

describe('people register', () => {
  it('folds full names, honorific forms and surnames within and across articles', () => {
    const { people } = analyse(
      ' date 2024-03-06\nForeign Secretary David Lammy met officials.\nMr Lammy said: “Good talks.”',
      ' date 2024-03-07\nLammy said the talks went well.\nSir Keir Starmer was briefed. Sir Keir said: “Excellent.”',
    );
    const lammy = people.find((p) => p.name === 'David Lammy')!;
    expect(lammy.aliases).toEqual(expect.arrayContaining(['Mr Lammy', 'Lammy']));
    expect(lammy.statements).toBe(2);
    expect(lammy.roles).toEqual([{ doc: 't0', role: 'Foreign Secretary' }]);
    expect(people.find((p) => p.name === 'Keir Starmer')).toMatchObject({ kind: 'person', statements: 1 });
    expect(people.filter((p) => /Lammy|Keir/.test(p.name))).toHaveLength(2);
  });

  it('folds spelling variants of a name across articles', () => {
    const { people } = analyse(
      ' date 2024-03-06\nUkrainian President Volodymyr Zelensky spoke.',
      ' date 2024-03-06\nUkrainian President Volodymyr Zelenskyy spoke.',
    );
    expect(people.filter((p) => p.kind === 'person')).toHaveLength(1);
  });

  it('lists speaking bodies as bodies and leaves out places and institutions that only appear', () => {
    const { people } = analyse(' date 2024-03-06\nThe White House said the trip to Saudi Arabia was cancelled.');
    expect(people.map((p) => [p.name, p.kind])).toEqual([['White House', 'body']]);
  });

  it('on the seeds: no names from boilerplate or photo credits; roles per article', async () => {
    const { people } = await seedCoverage();
    const names = people.map((p) => p.name).join('|');
    expect(names).not.toMatch(/Musk|Jeff Moore/);
    const lammy = people.find((p) => p.name === 'David Lammy')!;
    expect(lammy.roles.map((r) => r.role)).toContain('Foreign Secretary');
    expect(people.find((p) => p.name === 'Financial Times')).toMatchObject({ kind: 'body', aliases: ['FT'] });
  });

  it('records a title the article gives by reference ("The Prime Minister" after Sir Keir Starmer)', () => {
    const { people } = analyse(
      ' date 2025-02-21\nSir Keir Starmer heads to Washington next week.\nThe Prime Minister said Ukraine must be involved.',
    );
    expect(people.find((p) => p.name === 'Keir Starmer')?.roles).toEqual([{ doc: 't0', role: 'Prime Minister' }]);
  });
});

describe('findPerson and whoSaid', () => {
  it('finds spelling variants and suggests near names for unknown ones', async () => {
    const coverage = await seedCoverage();
    expect(findPerson(coverage.people, 'Zelenskyy').person?.name).toBe('Volodymyr Zelensky');
    expect(findPerson(coverage.people, 'zelensky').person?.name).toBe('Volodymyr Zelensky');
    expect(findPerson(coverage.people, 'Sir Keir').person?.name).toBe('Keir Starmer');
    const unknown = whoSaid(coverage, 'Zelenksi');
    expect(unknown.person).toBeNull();
    expect(unknown.statements).toEqual([]);
    expect(unknown.suggestions).toContain('Volodymyr Zelensky');
  });

  it('suggests only plausible names: the near one for a typo, none for a stranger', async () => {
    const coverage = await seedCoverage();
    expect(findPerson(coverage.people, 'Kier Starmer').suggestions).toEqual(['Keir Starmer']);
    expect(findPerson(coverage.people, 'Nobodyx').suggestions).toEqual([]);
  });

  it('orders statements by when said, else when published, undated last', async () => {
    const answer = whoSaid(await seedCoverage(), 'Zelensky');
    const keys = answer.statements.map((s) => s.saidOn ?? s.publishedOn ?? '9999');
    expect(keys).toEqual([...keys].sort());
    expect(answer.statements.at(-1)?.publishedOn).toBeNull();
  });
});

describe('one person, one name: descriptors and appositions (issue 8, point 2)', () => {
  const D = ' date 2005-02-01\n';
  const speakers = (text: string) => analyse(D + text).statements.map((s) => s.speaker);

  it('descriptor words before a name are not part of it', () => {
    expect(speakers('US telecoms company Vantel has said it will raise its offer for the firm.')).toEqual(['Vantel']);
    expect(speakers('UK-based bank Harrow Lane said profits rose by a fifth.')).toEqual(['Harrow Lane']);
  });

  it('a word run that is not a name is never a speaker ("Moscow-based US")', () => {
    const said = speakers('"The assets will have to be paid for," said Moscow-based US lawyer Jamie Firestone, who is not involved.');
    expect(said).toEqual(['Jamie Firestone']);
    expect(speakers('"It is a great day," said the Leeds-based club.').some((s) => /based/.test(s))).toBe(false);
  });

  it('an apposition gives the person, not the title', () => {
    expect(speakers('The Bishop of Wells, the Rt Rev Dr Anne Hollis, described the plan as "a disgrace".')).toEqual(['Anne Hollis']);
  });

  it('a peer only ever called "Lord Falconer" is named so, and "Falconer" folds into him', () => {
    const { statements, people } = analyse(D + 'Lord Hartwell said the courts would be reformed.\nHartwell added that judges had been consulted.');
    expect(statements.map((s) => s.speaker)).toEqual(['Lord Hartwell', 'Lord Hartwell']);
    expect(people.filter((p) => /Hartwell/.test(p.name))).toHaveLength(1);
  });
});
