// Who speaks in each paragraph, as searchable text: every name and alias the people register has
// for each speaker, each word once (so that repeating "Healey" in aliases does not inflate BM25).
import type { Person, Statement } from '../types.js';
import { foldCase } from './terms.js';

/** `doc \0 paragraph` → "John Healey Mr …" for every paragraph with at least one statement. */
export function speakerNames(statements: Statement[], people: Person[]): Map<string, string> {
  const personByName = new Map<string, Person>();
  for (const person of people) {
    for (const name of [person.name, ...person.aliases]) personByName.set(foldCase(name), person);
  }
  const words = new Map<string, Set<string>>();
  for (const statement of statements) {
    const key = `${statement.doc}\u0000${statement.paragraph}`;
    const person = personByName.get(foldCase(statement.speaker));
    const names = person ? [person.name, ...person.aliases] : [statement.speaker];
    let set = words.get(key);
    if (!set) words.set(key, (set = new Set()));
    for (const name of names) for (const word of name.split(/\s+/u)) if (word) set.add(word);
  }
  return new Map([...words].map(([key, set]) => [key, [...set].join(' ')]));
}
