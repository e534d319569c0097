// Shared helpers for the statements tests: analyse a short article given as a string or a fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCoverage } from '../../src/statements/loadCoverage.js';
import { parseArticle } from '../../src/corpus/parseArticle.js';
import { analyseStatements } from '../../src/statements/analyseStatements.js';
import type { Coverage, Person, Statement } from '../../src/types.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'statements');

/** Statements and people of articles given as text (first line ` date YYYY-MM-DD` optional). */
export function analyse(...texts: string[]): { statements: Statement[]; people: Person[] } {
  const articles = texts.map((text, i) => parseArticle(`t${i}`, `t${i}.txt`, text).article);
  return analyseStatements(articles);
}

export function fixture(name: string): { statements: Statement[]; people: Person[] } {
  return analyse(readFileSync(join(FIXTURES, `${name}.txt`), 'utf8'));
}

/** The statement whose text contains `words`, or undefined. */
export const saying = (statements: Statement[], words: string) => statements.find((s) => s.text.includes(words));

let seeds: Promise<Coverage> | null = null;
export function seedCoverage(): Promise<Coverage> {
  seeds ??= loadCoverage(join(import.meta.dirname, '..', '..', 'seeds'));
  return seeds;
}
