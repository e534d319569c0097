// Who said what, and when, across the coverage: the entry point the pipeline calls. Two steps:
// each article alone (analyseArticle, cacheable per article), then one merge across articles that
// folds the names each article gives into the people of the register, by map lookups (linear).
import type { Article, Person, Statement } from '../types.js';
import { buildPeopleIndex, type Mention, type PeopleIndex, type PersonRecord } from './aliases.js';
import { analyseArticle, type ArticleAnalysis, type LocalSpeaker } from './analyseArticle.js';
import { buildRegister } from './peopleRegister.js';
import { HONORIFICS, isNationality } from './lexicon.js';
import { BodyRegistry } from './speakers.js';

export interface AnalysedCoverage {
  statements: Statement[];
  people: Person[];
  /** Articles cut to the analysis limits, one line each. */
  warnings: string[];
}

export function analyseStatements(articles: Article[]): AnalysedCoverage {
  return mergeAnalyses(articles, articles.map((a) => analyseArticle(a)));
}

/** The cross-article step: one register of people and bodies, every statement's speaker in it. */
export function mergeAnalyses(articles: Article[], analyses: ArticleAnalysis[]): AnalysedCoverage {
  const mentions: Mention[] = analyses.flatMap((a) => a.mentions.map(({ inQuote, ...chain }) => ({ doc: a.doc, chain, inQuote })));
  const people = buildPeopleIndex(mentions);
  const bodies = new BodyRegistry();
  for (const a of analyses) for (const [acronym, full] of a.acronyms) bodies.addAcronym(acronym, full);

  const byDoc = new Map(articles.map((a) => [a.doc, a]));
  const statements: Statement[] = [];
  for (const a of analyses) {
    const names = new Map<string, string | null>();
    const speakerOf = (s: LocalSpeaker) => {
      const key = `${s.kind}\u0000${s.name}`;
      if (!names.has(key)) names.set(key, globalSpeaker(s, a.doc, people, bodies));
      return names.get(key)!;
    };
    for (const r of a.roles) {
      const person = people.lookupFull(r.person.split(' ')) ?? people.lookupWord(r.person, a.doc, null);
      if (person && !person.roles.some((x) => x.doc === a.doc && x.role === r.role)) person.roles.push({ doc: a.doc, role: r.role });
    }
    const drafts = a.statements.flatMap((s) => {
      const speaker = speakerOf(s.speaker);
      return speaker === null ? [] : [{ ...s, speaker }];
    });
    for (const d of mergeDrafts(drafts)) {
      statements.push({
        doc: a.doc,
        paragraph: d.paragraph,
        speaker: d.speaker,
        text: d.text,
        kind: d.kind,
        saidOn: d.saidOn,
        publishedOn: byDoc.get(a.doc)?.publishedOn ?? null,
        cue: d.cue,
      });
    }
  }
  statements.sort((x, y) => x.doc.localeCompare(y.doc) || x.paragraph - y.paragraph);
  const warnings = analyses.flatMap((a) => (a.warning ? [a.warning] : []));
  return { statements, people: buildRegister(people, bodies, statements, articles), warnings };
}

/** The register's name for a speaker as one article names them. */
function globalSpeaker(s: LocalSpeaker, doc: string, people: PeopleIndex, bodies: BodyRegistry): string | null {
  // "Stuart Hensel of the Economist Intelligence Unit": a known person and where they are from.
  const affiliated = /^(\p{Lu}\S*(?: \p{Lu}\S*){1,2}) of /u.exec(s.name);
  const member = affiliated && s.kind !== 'person' ? people.lookupFull(affiliated[1]!.split(' ')) : null;
  if (member) return member.name;
  if (s.kind === 'body') return bodies.get(s.name, s.publication).name;
  if (s.kind === 'name') {
    const words = s.name.split(' ');
    const person = words.length >= 2 ? people.lookupFull(words) : people.lookupWord(words[0]!, doc, null);
    if (person) return person.name;
    // Nobody in the coverage by that name: it speaks as written ("Peabody said", "Melanie said")
    // when it reads as a proper name, never as a fragment ("New EU", "Moscow-based US").
    return isProperName(words) ? bodies.get(s.name).name : null;
  }
  const forms = [s.name, ...s.aliases].map((f) => f.split(' ')).sort((x, y) => y.length - x.length);
  let person: PersonRecord | null = null;
  for (const words of forms) {
    // "Mrs Howard": the honorific goes with the surname, so she is never read as a Mr Howard.
    if (words.length === 2 && HONORIFICS.has(words[0]!)) person = people.lookupWord(words[1]!, doc, words[0]!);
    else person = words.length >= 2 ? people.lookupFull(words) : people.lookupWord(words[0]!, doc, null);
    if (person) break;
  }
  if (person && s.gender && !person.gender) person.gender = s.gender;
  return person?.name ?? s.name;
}

/** One to three capitalised words, none of them a nationality or a qualifier, not all initials. */
function isProperName(words: string[]): boolean {
  if (words.length === 0 || words.length > 3) return false;
  if (!words.every((w) => /^\p{Lu}[\p{L}’'.-]*$/u.test(w) && !/-(based|born|led|backed)$/i.test(w))) return false;
  if (words.length > 1 && words.some((w) => isNationality(w) || QUALIFIERS.has(w))) return false;
  if (words.length === 1 && (QUALIFIERS.has(words[0]!) || /^[A-Z]{1,2}$/.test(words[0]!))) return false;
  return true;
}

const QUALIFIERS = new Set(['New', 'Old', 'Former', 'Top', 'Senior', 'Chief', 'Big', 'Local', 'National', 'Federal', 'State', 'Western', 'Eastern', 'Northern', 'Southern']);

interface Piece {
  paragraph: number;
  speaker: string;
  kind: Statement['kind'];
  text: string;
  saidOn: string | null;
  cue: string;
  at: number;
}

/** One statement per paragraph, speaker and kind: several quoted pieces are joined with " … ". */
function mergeDrafts(drafts: Piece[]): Piece[] {
  const merged: Piece[] = [];
  const byKey = new Map<string, Piece>();
  const ordered = [...drafts].sort((a, b) => a.paragraph - b.paragraph || a.at - b.at);
  for (const d of ordered) {
    const key = `${d.paragraph}\u0000${d.speaker}\u0000${d.kind}`;
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
