// `npm run quotes -- [--json] [--explain] [--seeds DIR] [PATH...]`: every statement in the coverage, or
// in the given files and folders, in reading order (article, paragraph). With --explain, each article
// is read afresh (no cache) and every statement says how its speaker was chosen: the cue's subject,
// the candidates ranked for a pronoun or description and what each scored for.
import { loadArticles } from '../corpus/loadArticles.js';
import { analyseArticle } from '../statements/analyseArticle.js';
import { loadCoverageCached } from '../statements/cache.js';
import { formatStatement, parseStatementArgs, toJsonStatement } from './statementArgs.js';
import { runMain } from './runMain.js';
import { summariseWarnings } from '../corpus/summariseWarnings.js';

async function main(): Promise<number> {
  const args = parseStatementArgs(process.argv.slice(2), process.env);
  if ('error' in args) {
    process.stderr.write(`${args.error} — usage: npm run quotes -- [--json] [--explain] [--seeds DIR] [PATH...]\n`);
    return 2;
  }
  if (args.explain) {
    const { articles } = await loadArticles(args.positionals.length ? args.positionals : args.seedsDir);
    for (const article of articles) {
      for (const s of analyseArticle(article, { explain: true }).statements) {
        const speaker = s.speaker.kind === 'name' ? `${s.speaker.name} (name only: the coverage decides)` : s.speaker.name;
        process.stdout.write(`${article.doc} ¶${s.paragraph} ${speaker} [${s.kind}] “${s.text.length > 100 ? `${s.text.slice(0, 99)}…` : s.text}”\n    cue: ${s.cue}\n    why: ${s.why ?? 'named in the cue'}\n`);
      }
    }
    return 0;
  }
  const coverage = await loadCoverageCached(args.positionals.length ? args.positionals : args.seedsDir, undefined, { defaultSource: process.env.COVERAGE_SOURCE });
  for (const warning of summariseWarnings(coverage.warnings)) process.stderr.write(`warning: ${warning}\n`);
  for (const skipped of coverage.skipped) process.stderr.write(`skipped ${skipped.path}: ${skipped.reason}\n`);
  const articles = new Map(coverage.articles.map((a) => [a.doc, a]));
  const statements = coverage.statements.map((s) => toJsonStatement(s, articles.get(s.doc)));
  if (args.json) process.stdout.write(`${JSON.stringify(statements, null, 2)}\n`);
  else for (const s of statements) process.stdout.write(`${formatStatement(s)}\n`);
  return 0;
}

runMain('quotes', main);
