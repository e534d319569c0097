import type { Article, Person, Statement } from '../types.js';

// PROVISIONAL: replaced by the statements work (issue 3). Returns nothing so the pipeline runs end to end.
export function analyseStatements(articles: Article[]): { statements: Statement[]; people: Person[] } {
  void articles;
  return { statements: [], people: [] };
}
