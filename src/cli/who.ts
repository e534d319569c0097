// `npm run who -- [--json] [--seeds DIR] "name"`: what a person or body said, ordered by when said.
// --json prints {person: {name, aliases}, statements: [...]}; an unknown name prints
// {person: null, statements: [], didYouMean: [...]} and still exits 0.
import { loadCoverage } from '../corpus/loadCoverage.js';
import { whoSaid } from '../statements/whoSaid.js';
import { formatStatement, parseStatementArgs, toJsonStatement } from './statementArgs.js';
import { runMain } from './runMain.js';

const USAGE = 'usage: npm run who -- [--json] [--seeds DIR] "name"';

async function main(): Promise<number> {
  const args = parseStatementArgs(process.argv.slice(2), process.env);
  if ('error' in args) return usage(args.error);
  const name = args.positionals.join(' ').trim();
  if (!name) return usage('no name given');
  const coverage = await loadCoverage(args.seedsDir, { defaultSource: process.env.COVERAGE_SOURCE });
  for (const warning of coverage.warnings) process.stderr.write(`warning: ${warning}\n`);
  const answer = whoSaid(coverage, name);
  const articles = new Map(coverage.articles.map((a) => [a.doc, a]));
  const statements = answer.statements.map((s) => toJsonStatement(s, articles.get(s.doc)));
  if (args.json) {
    const out = answer.person
      ? { person: answer.person, statements }
      : { person: null, statements, didYouMean: answer.suggestions };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (!answer.person) {
    const hint = answer.suggestions.length ? ` Did you mean: ${answer.suggestions.join(', ')}?` : '';
    process.stdout.write(`No statements from ${name}.${hint}\n`);
  } else {
    const aka = answer.person.aliases.length ? ` (also: ${answer.person.aliases.join(', ')})` : '';
    process.stdout.write(`${answer.person.name}${aka}: ${statements.length} statement${statements.length === 1 ? '' : 's'}\n`);
    for (const s of statements) process.stdout.write(`${formatStatement(s)}\n`);
  }
  return 0;
}

function usage(error: string): number {
  process.stderr.write(`${error} — ${USAGE}\n`);
  return 2;
}

runMain('who', main);
