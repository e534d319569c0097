// Smoke test of the benchmark's input generator (bench/corpus.ts): deterministic, the right mix,
// and unique ids past the natural size. The benchmark itself runs with `npm run bench`, not here.
import { describe, expect, it } from 'vitest';
import { makeCorpus, makeQuestions, prng } from '../bench/corpus.js';

describe('bench corpus and questions', () => {
  it('the PRNG is seeded', () => {
    const a = prng(42);
    const b = prng(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('makes the same >= 500 questions every time, of every kind, with ~10-word ones', () => {
    const questions = makeQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(500);
    expect(makeQuestions()).toEqual(questions);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['keywords', 'stopwords', 'names', 'question10']));
    const long = questions.filter((q) => q.kind === 'question10');
    expect(long.every((q) => q.text.split(' ').length === 10)).toBe(true);
  });

  it('repeats the text past its natural size under new ids', () => {
    const { passages, naturalSize, repeats } = makeCorpus(2 * makeCorpus(1).naturalSize + 10);
    expect(repeats).toBe(3);
    expect(passages).toHaveLength(2 * naturalSize + 10);
    expect(passages[naturalSize]!.text).toBe(passages[0]!.text);
    const ids = new Set(passages.map((p) => `${p.doc} ${p.paragraph}`));
    expect(ids.size).toBe(passages.length);
  });
});
