// Every dev question answered in the top 3, straight from the gold file (a relevant passage is one of
// the listed doc whose text contains the snippet, or a passage folded into the hit).
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import type { Library } from '../../src/answer/library.js';
import { rankOfFirstRelevant } from '../../src/eval/questionsEval.js';
import { devQuestions, SEEDS, tempDir } from '../helpers.js';

let library: Library;
let textOf: (doc: string, paragraph: number) => string | undefined;

beforeAll(async () => {
  library = await openLibrary({ seedsDir: SEEDS, cacheDir: tempDir() });
  const texts = new Map(library.coverage.passages.map((p) => [`${p.doc} ${p.paragraph}`, p.text]));
  textOf = (doc, paragraph) => texts.get(`${doc} ${paragraph}`);
});

describe('dev questions', () => {
  it.each(devQuestions())('$question', (gold) => {
    const answer = library.ask(gold.question, { limit: 3 });
    expect(answer.notice).toBeNull();
    expect(rankOfFirstRelevant(gold, answer.passages, textOf), JSON.stringify(answer.passages.map((p) => `${p.doc} ¶${p.paragraph}`))).not.toBeNull();
  });

  it('answers the Coalition of the Willing question with the 31-countries paragraph first', () => {
    const [first] = library.ask('How many countries are in the Coalition of the Willing?').passages;
    expect(first!.text).toContain('made up of 31 countries');
  });
});
