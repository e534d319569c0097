// Question types on the real seeds: each type kept moves the passage carrying that kind of answer up
// against the same ranking without question types (asked through the same pipeline).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ask } from '../../src/answer/ask.js';
import { passageFeatures, QUESTION_TYPE_BOOST, questionType } from '../../src/answer/questionTypes.js';
import { askOver, loadBench, type Bench } from '../../src/eval/rankingHarness.js';
import { SEEDS } from '../helpers.js';

let bench: Bench;
let typed: Ask;
let plain: Ask;
beforeAll(async () => {
  bench = await loadBench(SEEDS);
  typed = askOver(bench);
  plain = askOver(bench, { questionTypes: {} });
});

/** 1-based rank of the first passage containing `text` in the top 12, or 99. */
const rank = (ask: Ask, question: string, text: string) => {
  const at = ask(question, { limit: 12 }).passages.findIndex((p) => p.text.includes(text));
  return at < 0 ? 99 : at + 1;
};

describe('questionType', () => {
  it.each([
    ['When did the full-scale invasion start?', { type: 'when' }],
    ['what year did the war begin', { type: 'when' }],
    ['How many people were killed in Marhanets?', { type: 'number' }],
    ['how much aid was pledged?', { type: 'number' }],
    ['Where will Trump meet Putin?', { type: 'where' }],
    ['Who represented the US at the London talks?', { type: 'who' }],
    ['Why did Marco Rubio pull out of the London talks?', { type: 'why' }],
    ['What did JD Vance say about giving up territory?', { type: 'said', speaker: 'JD Vance' }],
    ['What does Nick Carter think about security guarantees?', { type: 'said', speaker: 'Nick Carter' }],
    ['What is the minerals deal?', null],
    ['Zelensky Crimea', null],
  ])('%j → %j', (question, expected) => {
    expect(questionType(question)).toEqual(expected);
  });

  it('re-ranks every kind the answer finder reads, and "said" (docs/ranking.md)', () => {
    expect(Object.keys(QUESTION_TYPE_BOOST).sort()).toEqual(['number', 'said', 'when', 'where', 'who', 'why']);
  });
});

describe('question types re-rank', () => {
  it('"Where" prefers a passage naming a place: Witkoff’s trip to Moscow comes first', () => {
    const q = 'Where is Witkoff going?';
    expect(rank(typed, q, 'Moscow')).toBe(1);
    expect(rank(plain, q, 'Moscow')).toBeGreaterThan(1);
  });

  it('"When" prefers a passage with a date: "invaded Ukraine on 24 February 2022" moves into the top 3', () => {
    const q = 'When did the full-scale invasion start?';
    expect(rank(typed, q, 'since Russia invaded Ukraine on 24 February 2022')).toBeLessThanOrEqual(3);
    expect(rank(plain, q, 'since Russia invaded Ukraine on 24 February 2022')).toBeGreaterThan(3);
  });

  it('"Why" prefers a passage giving a reason: the scheduling explanation comes first', () => {
    const q = 'Why did Marco Rubio pull out of the London talks?';
    const reason = (ask: Ask) => Math.min(rank(ask, q, 'scheduling'), rank(ask, q, 'cancelled the trip'));
    expect(reason(typed)).toBe(1);
    expect(reason(plain)).toBeGreaterThan(1);
  });

  it('"What did X say about Y" prefers X’s own statements', () => {
    const q = 'What did JD Vance say about giving up territory?';
    expect(rank(typed, q, 'issued a very explicit proposal')).toBeLessThan(rank(plain, q, 'issued a very explicit proposal'));
    const carries = passageFeatures(bench.coverage.passages, bench.coverage.statements, bench.coverage.people);
    const said = { type: 'said' as const, speaker: 'JD Vance' };
    const vance = bench.coverage.passages.findIndex((p) => p.text.includes('Vice-president JD Vance said'));
    const notVance = bench.coverage.passages.findIndex((p) => p.text.includes('made up of 31 countries'));
    expect(carries(said, vance)).toBe(true);
    expect(carries(said, notVance)).toBe(false);
  });
});
