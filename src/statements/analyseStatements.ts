// Who said what, and when, across the coverage: the entry point the pipeline calls.
// Reads every article first (names and acronyms are evidence across articles), then walks each.
import type { Article, Person, Statement } from '../types.js';
import { buildPeopleIndex, type Mention } from './aliases.js';
import { findStatements, type Draft } from './findStatements.js';
import { nameKey } from './nameMentions.js';
import { buildRegister } from './peopleRegister.js';
import { prepareArticle, type PreparedArticle } from './prepare.js';
import { BodyRegistry } from './speakers.js';

export function analyseStatements(articles: Article[]): { statements: Statement[]; people: Person[] } {
  const prepared = articles.map(prepareArticle);
  const people = buildPeopleIndex(collectMentions(prepared));
  const bodies = new BodyRegistry();
  for (const p of prepared) registerAcronyms(p, bodies);

  const drafts = prepared.flatMap((p) => findStatements(p, people, bodies));
  const byDoc = new Map(articles.map((a) => [a.doc, a]));
  const statements = mergeDrafts(drafts).map((d) => ({
    doc: d.doc,
    paragraph: d.paragraph,
    speaker: d.speaker.name,
    text: d.text,
    kind: d.kind,
    saidOn: d.saidOn,
    publishedOn: byDoc.get(d.doc)?.publishedOn ?? null,
    cue: d.cue,
  }));
  return { statements, people: buildRegister(people, bodies, statements, articles) };
}

function collectMentions(prepared: PreparedArticle[]): Mention[] {
  return prepared.flatMap(({ article, paragraphs }) =>
    paragraphs.flatMap((p) => [
      ...p.sentences.flatMap((s) => s.chains.map((chain) => ({ doc: article.doc, chain, inQuote: false }))),
      ...p.quotedChains.map((chain) => ({ doc: article.doc, chain, inQuote: true })),
    ]),
  );
}

/** "the Financial Times (FT)": the bracketed initials become an alias of the name before them. */
function registerAcronyms(prepared: PreparedArticle, bodies: BodyRegistry): void {
  for (const p of prepared.paragraphs) {
    for (const match of p.masked.matchAll(/((?:[A-Z][\p{L}’'-]*|of|the|and|for)(?:\s+(?:[A-Z][\p{L}’'-]*|of|the|and|for))*)\s+\(([A-Z]{2,6})\)/gu)) {
      const words = match[1]!.split(/\s+/);
      const acronym = match[2]!;
      // Take as many trailing words as the acronym's letters, skipping small words.
      const picked: string[] = [];
      let letters = '';
      for (let i = words.length - 1; i >= 0 && letters.length < acronym.length; i--) {
        picked.unshift(words[i]!);
        if (/^[A-Z]/.test(words[i]!)) letters = words[i]![0]! + letters;
      }
      if (letters === acronym && nameKey(picked.join(' '))) bodies.addAcronym(acronym, picked.join(' ').replace(/^The\s+/, ''));
    }
  }
}

/** One statement per paragraph, speaker and kind: several quoted pieces are joined with " … ". */
function mergeDrafts(drafts: Draft[]): Draft[] {
  const merged: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const ordered = [...drafts].sort((a, b) => a.doc.localeCompare(b.doc) || a.paragraph - b.paragraph || a.at - b.at);
  for (const d of ordered) {
    const key = `${d.doc}\u0000${d.paragraph}\u0000${d.speaker.name}\u0000${d.kind}`;
    const existing = byKey.get(key);
    if (!existing) {
      const copy = { ...d };
      byKey.set(key, copy);
      merged.push(copy);
    } else if (!existing.text.includes(d.text)) {
      existing.text = `${existing.text} … ${d.text}`;
      existing.saidOn ??= d.saidOn;
    }
  }
  return merged;
}
