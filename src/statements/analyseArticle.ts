// Step one of who-said-what: everything one article says on its own. Its statements carry speakers
// as that article names them (resolved with its own evidence only: "Mr Lammy" after "David Lammy",
// "he" after a cue), with the mentions and acronyms the cross-article merge needs. A pure function
// of the article, so it is cached per article (cache.ts) and a new article never re-reads the others.
import type { Article, IsoDate, StatementKind } from '../types.js';
import { buildPeopleIndex, type Mention } from './aliases.js';
import { findStatements } from './findStatements.js';
import { ANALYSIS_LIMITS, boundArticle } from './limits.js';
import { nameKey } from './nameMentions.js';
import { prepareArticle, type PreparedArticle } from './prepare.js';
import { BodyRegistry } from './speakers.js';

/** A name mention, as much of it as the people register needs. */
export interface MentionRecord {
  name: string[];
  words: string[];
  honorific: string | null;
  title: string | null;
  strong: boolean;
  speaks: boolean;
  afterLocative: boolean;
  definite: boolean;
  initial: boolean;
  described?: boolean;
  inQuote: boolean;
}

/** Who speaks, as the article names them. */
export type LocalSpeaker =
  | { kind: 'person'; name: string; aliases: string[]; gender: 'm' | 'f' | null }
  | { kind: 'body'; name: string; publication: boolean }
  /** A name this article gives no evidence for ("Lammy said"): a person only if the coverage says so. */
  | { kind: 'name'; name: string };

export interface LocalStatement {
  paragraph: number;
  speaker: LocalSpeaker;
  kind: StatementKind;
  text: string;
  saidOn: IsoDate | null;
  cue: string;
  at: number;
  /** How the speaker was chosen; only when asked for (never cached). */
  why?: string;
}

export interface ArticleAnalysis {
  doc: string;
  mentions: MentionRecord[];
  /** [acronym, full name] from "the Financial Times (FT)". */
  acronyms: [string, string][];
  statements: LocalStatement[];
  /** Roles the article gives a person by reference ("the Prime Minister" after naming them). */
  roles: { person: string; role: string }[];
  /** Set when the article was cut to the analysis limits (pathological input). */
  warning: string | null;
}

/** `explain`: each statement says how its speaker was chosen (`quotes --explain`); off for the caches. */
export function analyseArticle(article: Article, options: { explain?: boolean } = {}): ArticleAnalysis {
  const explain = options.explain === true;
  const { article: bounded, warning } = boundArticle(article, ANALYSIS_LIMITS);
  const prepared = prepareArticle(bounded);
  const mentions = collectMentions(prepared);
  const people = buildPeopleIndex(mentions);
  const bodies = new BodyRegistry();
  const acronyms = findAcronyms(prepared);
  for (const [acronym, full] of acronyms) bodies.addAcronym(acronym, full);
  const drafts = findStatements(prepared, people, bodies, explain);
  const statements = drafts.map((d): LocalStatement => ({
    paragraph: d.paragraph,
    speaker: d.speaker.kind === 'person'
      ? d.speaker.person
        ? { kind: 'person', name: d.speaker.person.name, aliases: [...d.speaker.person.aliases], gender: d.speaker.person.gender }
        : { kind: 'name', name: d.speaker.name }
      : { kind: 'body', name: d.speaker.name, publication: d.speaker.body?.publication ?? false },
    kind: d.kind,
    text: d.text,
    saidOn: d.saidOn,
    cue: d.cue,
    at: d.at,
    ...(d.why ? { why: d.why } : {}),
  }));
  // Roles given while reading (titleHolder), beyond those the mentions carry.
  const fromMentions = new Set<string>();
  for (const m of mentions) {
    const person = m.chain.title && !m.inQuote ? people.resolve(m.chain, article.doc) : null;
    if (person) fromMentions.add(`${person.id}\u0000${m.chain.title}`);
  }
  const roles = people.persons.flatMap((p) =>
    p.roles.filter((r) => !fromMentions.has(`${p.id}\u0000${r.role}`)).map((r) => ({ person: p.name, role: r.role })),
  );
  return { doc: article.doc, mentions: mentions.map(toRecord), acronyms, statements, roles, warning };
}

function collectMentions(prepared: PreparedArticle): Mention[] {
  const doc = prepared.article.doc;
  return prepared.paragraphs.flatMap((p) => [
    ...p.sentences.flatMap((s) => s.chains.map((chain) => ({ doc, chain, inQuote: false }))),
    ...p.quotedChains.map((chain) => ({ doc, chain, inQuote: true })),
  ]);
}

function toRecord(m: Mention): MentionRecord {
  const c = m.chain;
  return {
    name: c.name,
    words: c.words,
    honorific: c.honorific,
    title: c.title,
    strong: c.strong,
    speaks: !!c.speaks,
    afterLocative: c.afterLocative,
    definite: c.definite,
    initial: c.initial,
    ...(c.described ? { described: true } : {}),
    inQuote: m.inQuote,
  };
}

/** "the Financial Times (FT)": the bracketed initials become an alias of the name before them. */
function findAcronyms(prepared: PreparedArticle): [string, string][] {
  const found: [string, string][] = [];
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
      if (letters === acronym && nameKey(picked.join(' '))) found.push([acronym, picked.join(' ').replace(/^The\s+/, '')]);
    }
  }
  return found;
}
