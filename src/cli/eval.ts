// `npm run eval [-- --json] [--seeds DIR]`: Hit@1, Hit@3 and MRR of `ask` on eval/questions.dev.json
// and on eval/questions.paraphrase.json (questions worded unlike the articles); our BBC questions
// (eval/questions.bbc.json, beside lunr; skipped when ../shared/corpora/bbc-news-2005 is absent); Cranfield nDCG@10
// (ask with --limit 30 over one article per abstract, as `npm run ask -- --json --batch --limit 30`),
// skipped with a note when ../shared/eval/cranfield is absent; then speaker precision/recall/F1 and
// dates right on eval/quotes.dev.jsonl, then the same on PolNeAR
// (../shared/eval/polnear-dev and polnear-train; skipped with a note when absent), with its misses by
// pattern, and on the BBC dev gold (../shared/eval/bbc-quotes-dev).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openLibrary } from '../answer/openLibrary.js';
import { evaluateQuestions, formatQuestionsEval, type GoldQuestion } from '../eval/questionsEval.js';
import { evaluateQuotes, formatQuotesEval } from '../eval/quotesEval.js';
import { evaluatePolnear, formatPolnearEval, polnearAvailable, POLNEAR_DIR, POLNEAR_TRAIN_DIR } from '../eval/polnearEval.js';
import { loadCoverageCached } from '../statements/cache.js';
import { join } from 'node:path';
import { CRANFIELD_DIR, evaluateCranfield, readCranfield, writeCranfieldSeeds } from '../eval/cranfieldEval.js';
import { CRANFIELD_PASSAGES } from '../eval/rankingHarness.js';
import { runMain } from './runMain.js';
import { citationText } from '../answer/citation.js';
import { coverageDirSetting } from '../coverageSetting.js';
import { summariseWarnings } from '../corpus/summariseWarnings.js';
import { evaluateAnswerSet, formatAnswerSetEval, type AnswerGold } from '../eval/answerSetEval.js';
import { lunrOver } from '../eval/lunrBaseline.js';
import { answeringText } from '../render/discord.js';
import { stemsOf } from '../render/highlight.js';

const QUESTIONS = 'eval/questions.dev.json';
const PARAPHRASES = 'eval/questions.paraphrase.json';
const QUOTES = 'eval/quotes.dev.jsonl';
/** Our own BBC questions (why/when/how much, short forms, questions the coverage does not answer). */
const BBC_QUESTIONS = 'eval/questions.bbc.json';
const BBC_DIR = '../shared/corpora/bbc-news-2005';
const BBC_QUOTES_DIR = '../shared/eval/bbc-quotes-dev';
const BBC_QUOTES_GOLD = join(BBC_QUOTES_DIR, 'quotes.jsonl');
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
  const library = await openLibrary({ seedsDir: values.seeds ?? coverageDirSetting() });
  for (const warning of summariseWarnings(library.warnings)) process.stderr.write(`warning: ${warning}\n`);

  const texts = new Map(library.coverage.passages.map((p) => [citationText(p.doc, p.paragraph), p.text]));
  const evaluate = async (file: string) =>
    evaluateQuestions(
      JSON.parse(await readFile(file, 'utf8')) as GoldQuestion[],
      (question) => library.ask(question, { limit: DEPTH }).passages,
      (doc, paragraph) => texts.get(citationText(doc, paragraph)),
    );
  const questions = await evaluate(QUESTIONS);
  const paraphrases = await evaluate(PARAPHRASES);

  // Cranfield through the same library as any coverage folder: one article per abstract.
  const collection = readCranfield(CRANFIELD_DIR);
  let cranfield: { queries: number; ndcg10: number } | { skipped: string };
  if (collection) {
    const cranfieldLibrary = await openLibrary({ seedsDir: writeCranfieldSeeds(collection, '.cache/cranfield-seeds') });
    cranfield = await evaluateCranfield(collection, (q) => cranfieldLibrary.ask(q, { limit: CRANFIELD_PASSAGES }).passages.map((p) => p.doc));
  } else cranfield = { skipped: `${CRANFIELD_DIR} not found` };

  let bbcAnswers = null;
  if (existsSync(BBC_DIR)) {
    const bbcLibrary = await openLibrary({ seedsDir: BBC_DIR });
    const passages = bbcLibrary.coverage.passages;
    const bbcTexts = new Map(passages.map((p) => [citationText(p.doc, p.paragraph), p.text]));
    bbcAnswers = evaluateAnswerSet(
      JSON.parse(await readFile(BBC_QUESTIONS, 'utf8')) as AnswerGold[],
      (question) => bbcLibrary.ask(question, { limit: DEPTH, minRelativeScore: 0.2 }),
      (hit, question) => answeringText(hit.text, stemsOf(question), hit.answer),
      lunrOver(passages),
      passages,
      (doc, paragraph) => bbcTexts.get(citationText(doc, paragraph)),
    );
  }

  const quotes = evaluateQuotes(library.coverage.statements, QUOTES, library.coverage.people);
  let polnear = null;
  if (polnearAvailable()) {
    const coverage = await loadCoverageCached(join(POLNEAR_DIR, 'text'));
    polnear = evaluatePolnear(coverage.statements, coverage.people);
  }
  let polnearTrain = null;
  if (polnearAvailable(POLNEAR_TRAIN_DIR)) {
    const coverage = await loadCoverageCached(join(POLNEAR_TRAIN_DIR, 'text'));
    polnearTrain = evaluatePolnear(coverage.statements, coverage.people, POLNEAR_TRAIN_DIR);
  }
  // BBC gold by others' conventions: pronouns, titles and descriptions resolved to names.
  let bbc = null;
  if (existsSync(BBC_QUOTES_GOLD)) {
    const coverage = await loadCoverageCached(join(BBC_QUOTES_DIR, 'text'));
    bbc = evaluateQuotes(coverage.statements, BBC_QUOTES_GOLD, coverage.people);
  }

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ questions, paraphrases, bbcAnswers, cranfield, quotes, bbc, polnear, polnearTrain }, null, 2)}\n`);
  } else {
    process.stdout.write(`Questions (${QUESTIONS}, rank of first relevant passage in the top ${DEPTH}):\n`);
    process.stdout.write(`${formatQuestionsEval(questions)}\n`);
    process.stdout.write(`\nParaphrased questions (${PARAPHRASES}):\n${formatQuestionsEval(paraphrases)}\n`);
    process.stdout.write(
      bbcAnswers
        ? `\nBBC questions (${BBC_QUESTIONS} over ${BBC_DIR}; ours beside lunr's defaults):\n${formatAnswerSetEval(bbcAnswers)}\n`
        : `\nBBC questions skipped: ${BBC_DIR} is absent.\n`,
    );
    process.stdout.write(
      'skipped' in cranfield
        ? `\nCranfield: skipped (${cranfield.skipped})\n`
        : `\nCranfield (${CRANFIELD_DIR}, ${cranfield.queries} queries, top ${CRANFIELD_PASSAGES} passages → 10 documents):\nnDCG@10 = ${cranfield.ndcg10.toFixed(3)}\n`,
    );
    process.stdout.write(`
Speakers (${QUOTES}):
${formatQuotesEval(quotes)}
`);
    process.stdout.write(bbc ? `\nSpeakers on BBC dev (${BBC_QUOTES_DIR}):\n${formatQuotesEval(bbc)}\n` : `\nBBC dev skipped: ${BBC_QUOTES_DIR} is absent.\n`);
    process.stdout.write(polnear ? `\nSpeakers on PolNeAR dev (${POLNEAR_DIR}):\n${formatPolnearEval(polnear, 25)}\n` : `\nPolNeAR skipped: ${POLNEAR_DIR} is absent.\n`);
    process.stdout.write(polnearTrain ? `\nSpeakers on PolNeAR train (${POLNEAR_TRAIN_DIR}):\n${formatPolnearEval(polnearTrain, 0)}\n` : `\nPolNeAR train skipped: ${POLNEAR_TRAIN_DIR} is absent.\n`);
  }
  return 0;
}

runMain('eval', main);
