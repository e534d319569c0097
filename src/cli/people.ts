// `npm run people -- [--json] [--seeds DIR]`: the people register — every person and speaking body,
// with aliases, roles per article, and counts of statements and mentions.
import { loadCoverageCached } from '../statements/cache.js';
import { parseStatementArgs } from './statementArgs.js';
import { runMain } from './runMain.js';
import { summariseWarnings } from '../corpus/summariseWarnings.js';

async function main(): Promise<number> {
  const args = parseStatementArgs(process.argv.slice(2), process.env);
  if ('error' in args) {
    process.stderr.write(`${args.error} — usage: npm run people -- [--json] [--seeds DIR]\n`);
    return 2;
  }
  const coverage = await loadCoverageCached(args.seedsDir);
  for (const warning of summariseWarnings(coverage.warnings)) process.stderr.write(`warning: ${warning}\n`);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(coverage.people, null, 2)}\n`);
    return 0;
  }
  for (const p of coverage.people) {
    const aka = p.aliases.length ? `; also ${p.aliases.join(', ')}` : '';
    const roles = [...new Set(p.roles.map((r) => r.role))];
    const role = roles.length ? `; ${roles.join(', ')}` : '';
    process.stdout.write(`${p.name} (${p.kind}; ${p.statements} statements, ${p.mentions} mentions${role}${aka})\n`);
  }
  return 0;
}

runMain('people', main);
