// The reader's measure of issue 16, as a sheet to check by hand: for the N people with the most
// statements in a folder, and for the given roles, the first statements `/who` shows (same order,
// same code path), each with its cue and the whole paragraph it comes from. A reader marks each
// statement right (speaker and whole statement) or wrong against the paragraph.
// Run: `tsx src/eval/readerSheet.ts --seeds ../shared/corpora/bbc-news-2005 [--people 20] [--first 10]
//       [--role "the chancellor" --role "the England coach" …] > sheet.md`
import { parseArgs } from 'node:util';
import { loadCoverageCached } from '../statements/cache.js';
import { whoSaid } from '../statements/whoSaid.js';
import { citationText } from '../answer/citation.js';
import { coverageDirSetting } from '../coverageSetting.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: coverageDirSetting() },
      people: { type: 'string', default: '20' },
      first: { type: 'string', default: '10' },
      role: { type: 'string', multiple: true, default: [] },
    },
  });
  const coverage = await loadCoverageCached(values.seeds!);
  const paragraphs = new Map(coverage.passages.map((p) => [citationText(p.doc, p.paragraph), p.text]));
  const first = Number(values.first);
  const people = coverage.people
    .filter((p) => p.kind === 'person')
    .sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name))
    .slice(0, Number(values.people));
  const queries = [...people.map((p) => p.name), ...(values.role ?? [])];
  for (const query of queries) {
    const answer = whoSaid(coverage, query);
    process.stdout.write(`\n## ${query}\n\n${answer.roleNote ? `${answer.roleNote}\n\n` : ''}`);
    answer.statements.slice(0, first).forEach((s, i) => {
      const where = citationText(s.doc, s.paragraph);
      process.stdout.write(`${i + 1}. **${s.speaker}** [${s.kind}] “${s.text}” — ${s.cue} (${where})\n   > ${paragraphs.get(where) ?? '(paragraph not found)'}\n   - [ ] right\n\n`);
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reader sheet failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
