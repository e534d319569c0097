// Speakers as statements name them: a person from the people index, or a speaking body (institution,
// spokesperson, source, officials). Bodies are folded by a key so "the Prime Minister's official
// spokesman" and "the Prime Minister's spokesman" are one speaker; acronyms ("(FT)") become aliases.
import type { PersonRecord } from './aliases.js';
import { nameKey } from './nameMentions.js';

export interface Speaker {
  /** Canonical name, the `speaker` of statements. */
  name: string;
  kind: 'person' | 'body';
  /** A person, or a single spokesperson/source: "he" or "she" may refer back to them. */
  human: boolean;
  /** Officials, sources: "they". */
  plural: boolean;
  person?: PersonRecord;
  body?: BodyRecord;
}

export interface BodyRecord {
  key: string;
  name: string;
  aliases: Set<string>;
  /** Looks like a publication ("…Times", "…Post"): what "the newspaper" refers back to. */
  publication: boolean;
  roles: { doc: string; role: string }[];
}

/** Words a speaking body's key ignores: "official spokesman" = "spokesman" = "spokesperson". */
export function bodyKey(name: string): string {
  return nameKey(name)
    .replace(/^(the|a|an)\s+/, '')
    .replace(/\bofficial (spokes\w+)/, '$1')
    .replace(/\bspokes(man|woman|person)\b/, 'spokesperson')
    .replace(/\bspokes(men|women|people)\b/, 'spokespeople');
}

export class BodyRegistry {
  readonly bodies: BodyRecord[] = [];
  private byKey = new Map<string, BodyRecord>();
  /** Acronym → full name ("ft" → "Financial Times"), from "the Financial Times (FT)". */
  readonly acronyms = new Map<string, string>();
  /** Body key of each acronym's full name → the acronyms: found by key, not by scanning every acronym. */
  private acronymsByKey = new Map<string, Set<string>>();

  get(name: string, publication = false): BodyRecord {
    const key = bodyKey(this.acronyms.get(nameKey(name)) ?? name);
    let body = this.byKey.get(key);
    if (!body) {
      body = { key, name: this.acronyms.get(nameKey(name)) ?? name, aliases: new Set(), publication, roles: [] };
      this.bodies.push(body);
      this.byKey.set(key, body);
      for (const acronym of this.acronymsByKey.get(key) ?? []) body.aliases.add(acronym.toUpperCase());
    }
    if (name !== body.name) body.aliases.add(name);
    body.publication ||= publication;
    return body;
  }

  find(name: string): BodyRecord | undefined {
    return this.byKey.get(bodyKey(this.acronyms.get(nameKey(name)) ?? name));
  }

  addAcronym(acronym: string, full: string): void {
    const previous = this.acronyms.get(nameKey(acronym));
    if (previous !== undefined) this.acronymsByKey.get(bodyKey(previous))?.delete(nameKey(acronym));
    this.acronyms.set(nameKey(acronym), full);
    const key = bodyKey(full);
    if (!this.acronymsByKey.has(key)) this.acronymsByKey.set(key, new Set());
    this.acronymsByKey.get(key)!.add(nameKey(acronym));
  }
}

export const personSpeaker = (person: PersonRecord): Speaker => ({
  name: person.name,
  kind: 'person',
  human: true,
  plural: false,
  person,
});

export const bodySpeaker = (body: BodyRecord, human: boolean, plural: boolean): Speaker => ({
  name: body.name,
  kind: 'body',
  human,
  plural,
  body,
});

/** A name the article alone cannot settle; never a pronoun's antecedent (not `human`). */
export const provisionalSpeaker = (name: string): Speaker => ({ name, kind: 'person', human: false, plural: false });
