// `npm run eval [-- --json] [--seeds DIR]`: Hit@1, Hit@3 and MRR of `ask` on eval/questions.dev.json,
// then the speaker figures from the statements work's quotes eval when it is present.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openLibrary } from '../answer/openLibrary.js';
import { evaluateQuestions, formatQuestionsEval, type GoldQuestion } from '../eval/questionsEval.js';
import type { Statement } from '../types.js';

const QUESTIONS = 'eval/questions.dev.json';
const QUOTES = 'eval/quotes.dev.jsonl';
/** Ranks are read over this many answers; MRR gives 0 to anything below. */
const DEPTH = 10;

interface QuotesEvalModule {
  evaluateQuotes(statements: Statement[], goldPath: string): unknown;
  formatQuotesEval(result: unknown): string;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { json: { type: 'boolean', default: false }, seeds: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message.split(/\.\s|\n/u)[0]} — usage: npm run eval -- [--json] [--seeds DIR]\n`);
    return 2;
  }
  const library = await openLibrary({ seedsDir: values.seeds ?? process.env.SEEDS_DIR ?? 'seeds' });
  for (const warning of library.warnings) process.stderr.write(`warning: ${warning}\n`);

  const gold = JSON.parse(await readFile(QUESTIONS, 'utf8')) as GoldQuestion[];
  const texts = new Map(library.coverage.passages.map((p) => [`${p.doc} ¶${p.paragraph}`, p.text]));
  const questions = evaluateQuestions(
    gold,
    (question) => library.ask(question, { limit: DEPTH }).passages,
    (doc, paragraph) => texts.get(`${doc} ¶${paragraph}`),
  );

  // QUOTES EVAL: src/eval/quotesEval.ts belongs to the statements work; used as soon as it exists.
  // TODO(lead): once it has landed, replace this dynamic import with a static one.
  const quotesModule = await import('../eval/quotesEval.js' as string).catch(() => null) as QuotesEvalModule | null;
  const quotes = quotesModule ? await quotesModule.evaluateQuotes(library.coverage.statements, QUOTES) : null;

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ questions, quotes }, null, 2)}\n`);
  } else {
    process.stdout.write(`Questions (${QUESTIONS}, rank of first relevant passage in the top ${DEPTH}):\n`);
    process.stdout.write(`${formatQuestionsEval(questions)}\n`);
    process.stdout.write(
      quotesModule && quotes
        ? `\nSpeakers (${QUOTES}):\n${quotesModule.formatQuotesEval(quotes)}\n`
        : '\nSpeakers: src/eval/quotesEval.ts not available yet (statements work).\n',
    );
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`eval failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
