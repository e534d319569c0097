import { describe, expect, it } from 'vitest';
import { makeSuggestPeople } from '../../src/answer/suggestPeople.js';
import type { Person } from '../../src/types.js';

const person = (name: string, aliases: string[], statements: number): Person => ({ name, aliases, kind: 'person', roles: [], statements, mentions: statements });
const people = [
  person('Volodymyr Zelensky', ['Zelensky', 'Mr Zelensky'], 6),
  person('David Lammy', ['Lammy', 'Foreign Secretary'], 8),
  person('Keir Starmer', ['Sir Keir', 'Starmer', 'Prime Minister'], 3),
  person('Marco Rubio', ['Rubio'], 2),
  person('Downing Street', [], 2),
];

describe('suggestPeople', () => {
  const suggest = makeSuggestPeople(people);
  it('ranks prefix over word prefix over substring, then by statements', () => {
    expect(suggest('ke').map((p) => p.name)).toEqual(['Keir Starmer']);
    expect(suggest('marco rubio').map((p) => p.name)).toEqual(['Marco Rubio']); // exact
    expect(suggest('l').map((p) => p.name)).toEqual(['David Lammy', 'Volodymyr Zelensky']); // alias prefix, then substring
    expect(suggest('star').map((p) => p.name)).toEqual(['Keir Starmer']);
    expect(suggest('mi').map((p) => p.name)).toEqual(['Keir Starmer']); // "Prime Minister": word prefix
    expect(suggest('ing').map((p) => p.name)).toEqual(['Downing Street']); // substring
  });
  it('matches typos in longer input, and caps the list', () => {
    expect(suggest('zelenksy').map((p) => p.name)).toEqual(['Volodymyr Zelensky']);
    expect(suggest('', 2).map((p) => p.name)).toEqual(['David Lammy', 'Volodymyr Zelensky']);
    expect(suggest('qqqq')).toEqual([]);
  });
});
