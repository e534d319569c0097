// The people register: every person named in the coverage and every body that speaks in it, with
// aliases, roles per article, and counts of statements and mentions.
import type { Article, Person, Statement } from '../types.js';
import type { PeopleIndex } from './aliases.js';
import type { BodyRegistry } from './speakers.js';

export function buildRegister(people: PeopleIndex, bodies: BodyRegistry, statements: Statement[], articles: Article[]): Person[] {
  const said = new Map<string, number>();
  for (const s of statements) said.set(s.speaker, (said.get(s.speaker) ?? 0) + 1);

  const persons: Person[] = people.persons.map((p) => ({
    name: p.name,
    aliases: [...p.aliases].filter((a) => a !== p.name).sort(),
    kind: 'person' as const,
    roles: p.roles.map((r) => ({ ...r })),
    statements: said.get(p.name) ?? 0,
    mentions: p.mentions,
  }));

  // Bodies enter the register by speaking; their mentions are counted in the text.
  const texts = articles.flatMap((a) => a.paragraphs.map((p) => p.text));
  const speaking = bodies.bodies.filter((b) => said.has(b.name));
  const register = speaking.map((b) => ({
    name: b.name,
    aliases: [...b.aliases].filter((a) => a !== b.name).sort(),
    kind: 'body' as const,
    roles: b.roles.map((r) => ({ ...r })),
    statements: said.get(b.name) ?? 0,
    mentions: countMentions(texts, [b.name, ...b.aliases]),
  }));
  return [...persons, ...register].sort((a, b) => b.statements - a.statements || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function countMentions(texts: string[], names: string[]): number {
  const patterns = [...new Set(names)]
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[’']/g, "[’']"));
  if (patterns.length === 0) return 0;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return texts.reduce((sum, text) => sum + (text.match(pattern)?.length ?? 0), 0);
}
