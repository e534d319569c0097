// `npm run eval [-- --json] [--seeds DIR]`: Hit@1, Hit@3 and MRR of `ask` on eval/questions.dev.json,
// then speaker precision/recall/F1 and dates right on eval/quotes.dev.jsonl.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openLibrary } from '../answer/openLibrary.js';
import { evaluateQuestions, formatQuestionsEval, type GoldQuestion } from '../eval/questionsEval.js';
import { evaluateQuotes, formatQuotesEval } from '../eval/quotesEval.js';
import { runMain } from './runMain.js';
import { citationText } from '../answer/citation.js';

const QUESTIONS = 'eval/questions.dev.json';
const QUOTES = 'eval/quotes.dev.jsonl';
/** Ranks are read over this many answers; MRR gives 0 to anything below. */
const DEPTH = 10;

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
  const texts = new Map(library.coverage.passages.map((p) => [citationText(p.doc, p.paragraph), p.text]));
  const questions = evaluateQuestions(
    gold,
    (question) => library.ask(question, { limit: DEPTH }).passages,
    (doc, paragraph) => texts.get(citationText(doc, paragraph)),
  );

  const quotes = evaluateQuotes(library.coverage.statements, QUOTES, library.coverage.people);

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ questions, quotes }, null, 2)}\n`);
  } else {
    process.stdout.write(`Questions (${QUESTIONS}, rank of first relevant passage in the top ${DEPTH}):\n`);
    process.stdout.write(`${formatQuestionsEval(questions)}\n`);
    process.stdout.write(`
Speakers (${QUOTES}):
${formatQuotesEval(quotes)}
`);
  }
  return 0;
}

runMain('eval', main);
