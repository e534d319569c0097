// TEMPORARY: stands in for the statements work's `src/statements/whoSaid.ts` until it lands
// (openLibrary uses theirs as soon as the file exists). Filters statements by speaker name or alias.
import type { Coverage, WhoAnswer } from '../types.js';
import { foldCase } from '../search/terms.js';
import { makeSuggestPeople } from './suggestPeople.js';

export function whoSaidTemporary(coverage: Coverage, name: string): WhoAnswer {
  const query = foldCase(name.trim());
  const person =
    coverage.people.find((p) => [p.name, ...p.aliases].some((n) => foldCase(n) === query)) ?? null;
  const names = new Set(person ? [person.name, ...person.aliases].map(foldCase) : [query]);
  const statements = coverage.statements
    .filter((s) => names.has(foldCase(s.speaker)))
    .sort(
      (a, b) =>
        (a.saidOn ?? a.publishedOn ?? '9999').localeCompare(b.saidOn ?? b.publishedOn ?? '9999') ||
        a.doc.localeCompare(b.doc) ||
        a.paragraph - b.paragraph,
    );
  const found = person ?? (statements[0] ? { name: statements[0].speaker, aliases: [] } : null);
  return {
    query: name,
    person: found && { name: found.name, aliases: [...found.aliases] },
    statements,
    suggestions: found ? [] : makeSuggestPeople(coverage.people)(name, 5).map((p) => p.name),
  };
}
