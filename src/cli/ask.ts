// `npm run ask -- [--json] [--batch] [--limit N] [--seeds DIR] [--since D] [--until D] [--source S] "question"`
// Text mode prints passages with citations; --json prints exactly the contract in askJson.ts; --batch answers
// one question per stdin line (one JSON line each) from one process. Warnings go to stderr only.
import { createInterface } from 'node:readline';
import { openLibrary } from '../answer/openLibrary.js';
import { renderAnswerText } from '../render/answerText.js';
import type { AskAnswer } from '../types.js';
import { toJsonPassages } from './askJson.js';
import { parseAskArgs, USAGE } from './askArgs.js';
import { runMain } from './runMain.js';
import { summariseWarnings } from '../corpus/summariseWarnings.js';

async function main(): Promise<number> {
  const args = parseAskArgs(process.argv.slice(2), process.env);
  if ('error' in args) {
    process.stderr.write(`${args.error} — ${USAGE}\n`);
    return 2;
  }
  const library = await openLibrary({ seedsDir: args.seedsDir, defaultSource: process.env.COVERAGE_SOURCE });
  for (const warning of summariseWarnings(library.warnings)) process.stderr.write(`warning: ${warning}\n`);
  if (library.coverage.passages.length === 0) process.stderr.write(`warning: no articles loaded from ${args.seedsDir}\n`);

  const answerOne = (question: string): AskAnswer => library.ask(question, { limit: args.limit, ...args.filters });

  if (!args.batch) {
    const answer = answerOne(args.question ?? '');
    if (args.json) {
      process.stdout.write(`${JSON.stringify(toJsonPassages(answer), null, 2)}\n`);
      if (answer.notice) process.stderr.write(`${answer.notice}\n`);
    } else process.stdout.write(`${renderAnswerText(answer)}\n`);
    return 0;
  }

  // Batch: every stdin line gets exactly one answer, blank lines included, so outputs line up with inputs.
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const question of lines) {
    const answer = answerOne(question);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ question, passages: toJsonPassages(answer) })}\n`);
      if (answer.notice) process.stderr.write(`${question || '(blank line)'}: ${answer.notice}\n`);
    } else process.stdout.write(`? ${question}\n${renderAnswerText(answer)}\n\n`);
  }
  return 0;
}

runMain('ask', main);
