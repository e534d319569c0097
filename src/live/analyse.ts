// The statements step of a live update, behind one function so that a per-article cached analysis
// can replace it without touching the rest. Today it is the whole-coverage analyseStatements
// (names and acronyms are evidence across articles), so an update re-analyses every article: at the
// seeds' size that is milliseconds, at archive sizes it is the slow part of an update.
import { analyseStatements } from '../statements/analyseStatements.js';
import type { Article, Person, Statement } from '../types.js';

export type AnalyseCoverage = (
  articles: Article[],
  /** Docs of the articles added, changed or removed since the last call (for a per-article cache). */
  changed: ReadonlySet<string>,
) => { statements: Statement[]; people: Person[] };

export const analyseCoverage: AnalyseCoverage = (articles) => analyseStatements(articles);
