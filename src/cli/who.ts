// `npm run who -- [--json] [--seeds DIR] [--about WORDS] [--since DATE] [--until DATE] "name or role"`:
// what a person or body said, ordered by when said (with --about: best match first). A role ("the
// Foreign Secretary") finds whoever the coverage gives it.
// --json prints {person: {name, aliases}, statements: [...]}; an unknown name prints
// {person: null, statements: [], didYouMean: [...]} and still exits 0.
import { loadCoverageCached } from '../statements/cache.js';
import { whoSaid } from '../statements/whoSaid.js';
import { formatStatement, parseStatementArgs, toJsonStatement } from './statementArgs.js';
import { runMain } from './runMain.js';
import { summariseWarnings } from '../corpus/summariseWarnings.js';

const USAGE = 'usage: npm run who -- [--json] [--seeds DIR] [--about WORDS] [--since DATE] [--until DATE] "name or role"';

async function main(): Promise<number> {
  const args = parseStatementArgs(process.argv.slice(2), process.env);
  if ('error' in args) return usage(args.error);
  const name = args.positionals.join(' ').trim();
  if (!name) return usage('no name given');
  const coverage = await loadCoverageCached(args.seedsDir, undefined, { defaultSource: process.env.COVERAGE_SOURCE });
  for (const warning of summariseWarnings(coverage.warnings)) process.stderr.write(`warning: ${warning}\n`);
  const answer = whoSaid(coverage, name, { about: args.about, since: args.since, until: args.until });
  const articles = new Map(coverage.articles.map((a) => [a.doc, a]));
  const statements = answer.statements.map((s) => toJsonStatement(s, articles.get(s.doc)));
  if (args.json) {
    const out = answer.person
      ? { person: answer.person, ...(answer.roleNote ? { role: answer.roleNote } : {}), ...(answer.notice ? { notice: answer.notice } : {}), statements }
      : { person: null, statements, didYouMean: answer.suggestions };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (answer.notice && !answer.person) {
    process.stdout.write(`${answer.notice}\n`);
  } else if (!answer.person) {
    const hint = answer.suggestions.length ? ` Did you mean: ${answer.suggestions.join(', ')}?` : '';
    process.stdout.write(`No statements from ${name}.${hint}\n`);
  } else {
    if (answer.roleNote) process.stdout.write(`${answer.roleNote}\n`);
    if (answer.notice) process.stdout.write(`${answer.notice}\n`);
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
