// What one person or body said across the coverage, ordered by when it was said (else when
// published; undated last). The bot, `openLibrary().who` and `npm run who` all call this.
import type { Coverage, Statement, WhoAnswer } from '../types.js';
import { findPerson } from './findPerson.js';

export function whoSaid(coverage: Pick<Coverage, 'people' | 'statements'>, name: string): WhoAnswer {
  const { person, suggestions } = findPerson(coverage.people, name);
  if (!person) return { query: name, person: null, statements: [], suggestions };
  const statements = coverage.statements.filter((s) => s.speaker === person.name).sort(byWhenSaid);
  return { query: name, person: { name: person.name, aliases: [...person.aliases] }, statements, suggestions: [] };
}

/** When said, else when published; undated last; then by article and paragraph. */
export function byWhenSaid(a: Statement, b: Statement): number {
  const when = (s: Statement) => s.saidOn ?? s.publishedOn ?? '9999-99-99';
  return when(a).localeCompare(when(b)) || a.doc.localeCompare(b.doc) || a.paragraph - b.paragraph;
}
