// `npm run quotes -- [--json] [--seeds DIR] [PATH...]`: every statement in the coverage, or in the
// given files and folders, in reading order (article, paragraph).
import { loadCoverageCached } from '../statements/cache.js';
import { formatStatement, parseStatementArgs, toJsonStatement } from './statementArgs.js';
import { runMain } from './runMain.js';

async function main(): Promise<number> {
  const args = parseStatementArgs(process.argv.slice(2), process.env);
  if ('error' in args) {
    process.stderr.write(`${args.error} — usage: npm run quotes -- [--json] [--seeds DIR] [PATH...]\n`);
    return 2;
  }
  const coverage = await loadCoverageCached(args.positionals.length ? args.positionals : args.seedsDir, undefined, { defaultSource: process.env.COVERAGE_SOURCE });
  for (const warning of coverage.warnings) process.stderr.write(`warning: ${warning}\n`);
  for (const skipped of coverage.skipped) process.stderr.write(`skipped ${skipped.path}: ${skipped.reason}\n`);
  const articles = new Map(coverage.articles.map((a) => [a.doc, a]));
  const statements = coverage.statements.map((s) => toJsonStatement(s, articles.get(s.doc)));
  if (args.json) process.stdout.write(`${JSON.stringify(statements, null, 2)}\n`);
  else for (const s of statements) process.stdout.write(`${formatStatement(s)}\n`);
  return 0;
}

runMain('quotes', main);
