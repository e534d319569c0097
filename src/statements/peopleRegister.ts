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
    articles: p.namedIn.size,
  }));

  // Bodies enter the register by speaking; their mentions are counted in the text.
  const speaking = bodies.bodies.filter((b) => said.has(b.name));
  const mentions = countMentions(articles, speaking.map((b) => [b.name, ...b.aliases]));
  const register = speaking.map((b, i) => ({
    name: b.name,
    aliases: [...b.aliases].filter((a) => a !== b.name).sort(),
    kind: 'body' as const,
    roles: b.roles.map((r) => ({ ...r })),
    statements: said.get(b.name) ?? 0,
    mentions: mentions[i]!,
  }));
  return [...persons, ...register].sort((a, b) => b.statements - a.statements || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * How often each group of names occurs in the text, in one pass: at every word the run of words is
 * extended while it is still the start of some name (a set of name prefixes), and the longest whole
 * name found there counts. The cost is the length of the text, not text × names; a name inside a
 * longer one ("Bank" in "World Bank") does not count.
 */
function countMentions(articles: Article[], groups: string[][]): number[] {
  const counts = groups.map(() => 0);
  const byName = new Map<string, number[]>();
  const prefixes = new Set<string>();
  groups.forEach((names, i) => {
    for (const name of new Set(names)) {
      const words = mentionWords(name);
      if (words.join('').length < 2) continue;
      const key = words.join(' ');
      for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
      const list = byName.get(key) ?? [];
      if (!list.includes(i)) list.push(i);
      byName.set(key, list);
    }
  });
  if (byName.size === 0) return counts;
  for (const article of articles) {
    for (const passage of article.paragraphs) {
      const words = mentionWords(passage.text);
      for (let at = 0; at < words.length; ) {
        let run = words[at]!;
        let found: number[] | undefined = byName.get(run);
        let length = found ? 1 : 0;
        for (let n = 1; at + n < words.length && prefixes.has(run); n++) {
          run = `${run} ${words[at + n]!}`;
          const here = byName.get(run);
          if (here) [found, length] = [here, n + 1];
        }
        for (const g of found ?? []) counts[g]!++;
        at += length || 1;
      }
    }
  }
  return counts;
}

/** Words as written (case kept: "Post" the paper, not "post"); "EU's" holds the word "EU". */
const mentionWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
