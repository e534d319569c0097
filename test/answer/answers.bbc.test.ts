// Answer types, the excerpt rule, weak matches, short forms and duplicates, on the real BBC 2005
// coverage (../shared/corpora/bbc-news-2005) through the real pipeline (loader → statements → index →
// ask → render). Each kind is compared with the same ranking without kinds.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ask } from '../../src/answer/ask.js';
import { answerSpans } from '../../src/answer/answerSpans.js';
import { sameArticles } from '../../src/answer/sameArticles.js';
import { WEAK_NOTICE } from '../../src/answer/weakMatch.js';
import { askOver, loadBench, type Bench } from '../../src/eval/rankingHarness.js';
import { answeringText, renderAsk } from '../../src/render/discord.js';
import { renderAnswerText } from '../../src/render/answerText.js';
import { stemsOf } from '../../src/render/highlight.js';
import { learnShortForms, type ShortForms } from '../../src/search/shortForms.js';
import { processTerm } from '../../src/search/terms.js';
import type { Passage } from '../../src/types.js';
import { ROOT } from '../helpers.js';

const BBC = join(ROOT, '../shared/corpora/bbc-news-2005');

let bench: Bench;
let typed: Ask;
let plain: Ask;
let forms: ShortForms;
const paragraph = (doc: string, n: number): Passage => bench.coverage.passages.find((p) => p.doc === doc && p.paragraph === n)!;
/** 1-based rank of doc ¶n (or a passage folded into it) in the top 10, or 99. */
const rank = (ask: Ask, question: string, doc: string, n: number) => {
  const at = ask(question, { limit: 10 }).passages.findIndex(
    (h) => (h.doc === doc && h.paragraph === n) || h.alsoIn.some((c) => c.doc === doc && c.paragraph === n),
  );
  return at < 0 ? 99 : at + 1;
};

beforeAll(async () => {
  bench = await loadBench(BBC);
  typed = askOver(bench);
  plain = askOver(bench, { questionTypes: {} });
  forms = learnShortForms(bench.coverage.passages, bench.coverage.people);
}, 120_000);

describe('answer spans in real sentences', () => {
  const context = { questionTerms: new Set<string>(), termOf: (w: string) => processTerm(w) };
  const spans = (kind: Parameters<typeof answerSpans>[0], text: string, extra = {}) =>
    answerSpans(kind, text, { ...context, ...extra }).map((s) => text.slice(s.start, s.end));

  it('when: a date chrono reads, a quarter of a year', () => {
    expect(spans('when', paragraph('tech_084', 1).text)).toContain('on 11 March');
    const ds = paragraph('tech_185', 4).text;
    expect(spans('when', ds.slice(ds.indexOf('Japan and Europe')))).toContain('the first quarter of 2005');
  });

  it('how much: an amount keeps its conversion; "how many films" keeps the counted noun; a day of the month is no amount', () => {
    expect(spans('number', paragraph('sport_170', 2).text)).toContain('3000 euros (£2,060)');
    expect(spans('number', paragraph('entertainment_035', 1).text, { units: new Set(['film']) })).toContain('267 films');
    expect(spans('number', paragraph('politics_077', 1).text)).toEqual([]);
  });

  it('where: a place after a preposition, not one the question names', () => {
    expect(spans('where', paragraph('politics_406', 3).text)).toContain('Glasgow');
    expect(spans('where', paragraph('tech_084', 1).text, { questionTerms: new Set(['europ']) })).toEqual([]);
  });

  it('who: a full name opening with a given name, not a place', () => {
    const isPerson = (name: string) => /^(?:Charles|Alan|Richard)\b/u.test(name);
    expect(spans('who', paragraph('politics_049', 1).text, { isPerson })).toContain('Charles Clarke');
  });

  it('why: a reason clause, but not one restating the question', () => {
    expect(spans('why', paragraph('sport_202', 1).text)).toEqual(['for "personal reasons"']);
    const rubioLike = 'Mr Blunkett resigned as Home Secretary on Wednesday after Mr Blunkett resigned.';
    expect(spans('why', rubioLike, { questionTerms: new Set(['mr', 'blunkett', 'resign']) })).toEqual([]);
  });
});

describe('answer types decide', () => {
  it.each([
    ['When does the Nintendo DS come out in Europe?', 'tech_084', 1],
    ['when will gordon brown deliver the budget', 'politics_077', 1],
    ['why did blunkett resign', 'politics_112', 2],
    ['Where was Gordon Brown born?', 'politics_406', 3],
  ])('%s: the answering paragraph is in the top 3, and higher than without kinds', (question, doc, n) => {
    const withKinds = Math.min(rank(typed, question, doc, n), doc === 'politics_077' ? rank(typed, question, 'politics_354', 1) : 99);
    const without = Math.min(rank(plain, question, doc, n), doc === 'politics_077' ? rank(plain, question, 'politics_354', 1) : 99);
    expect(withKinds).toBeLessThanOrEqual(3);
    expect(withKinds).toBeLessThan(without);
  });

  it('a "how many" answer carries its span: the passage shows "267 films"', () => {
    const [first] = typed('How many films are eligible for the best film Oscar?').passages;
    expect(first!.text.slice(first!.answer!.start, first!.answer!.end)).toBe('267 films');
  });
});

describe('the excerpt keeps the answer', () => {
  it('Aragones’ fine: the long paragraph’s excerpt holds the sentence with the amount, bolded whole', () => {
    const question = 'how much was aragones fined';
    const hit = typed(question, { limit: 5 }).passages.find((h) => h.doc === 'sport_170' && h.paragraph === 2)!;
    expect(hit.text.length).toBeGreaterThan(400);
    expect(answeringText(hit.text, stemsOf(question))).not.toContain('3000 euros'); // Words alone lose it.
    expect(answeringText(hit.text, stemsOf(question), hit.answer)).toContain('3000 euros (£2,060)');
    const page = renderAsk({ question, passages: [hit], notice: null })[0]!;
    expect(page.embeds[0]!.description).toMatch(/\*\*3000 euros \\?\(£2,060\\?\)\*\*/u);
  });
});

describe('honest weak matches', () => {
  const probes = JSON.parse(readFileSync(join(ROOT, 'eval/probes.weak.json'), 'utf8')) as { outOfCoverage: string[]; noise: string[] };
  // Random characters from a fixed seed (the "300 random characters").
  let seed = 7;
  const random = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 * 94))).join('');

  it('questions the coverage does not answer get the line in at least 9 of 10', () => {
    const flagged = probes.outOfCoverage.filter((q) => typed(q, { limit: 12 }).weak);
    expect(flagged.length).toBeGreaterThanOrEqual(9);
  });

  it('300 random characters and "@everyone" get the line, and the reply shows three passages', () => {
    for (const q of [random(300), '@everyone']) {
      const answer = typed(q, { limit: 12 });
      expect(answer.weak).toBe(true);
      expect(answer.notice).toBe(WEAK_NOTICE);
      expect(renderAsk(answer)[0]!.content).toContain(WEAK_NOTICE);
      expect(renderAsk(answer).flatMap((p) => p.embeds)).toHaveLength(3);
      expect(renderAnswerText(answer).split('\n\n')).toHaveLength(4);
    }
  });

  it('answerable questions and names typed alone do not', () => {
    for (const q of ['when will gordon brown deliver the budget', 'how much was aragones fined', 'Spurs', 'Lib Dems']) {
      expect(typed(q, { limit: 12 }).weak, q).toBeUndefined();
    }
  });
});

describe('short forms learned from the coverage', () => {
  it('learns bracketed acronyms, short forms used beside the name they clip, and back', () => {
    expect(forms.get('imf')).toContain('international monetary fund');
    expect(forms.get('lib dems')).toContain('liberal democrats');
    expect(forms.get('fed')).toContain('federal reserve');
    expect(forms.get('federal reserve')).toContain('fed');
  });

  it('learns no short form from a word written in lower case as often ("Man"), nor from a club in brackets', () => {
    expect(forms.get('man')).toBeUndefined();
    expect(forms.get('stade toulousain')).toBeUndefined();
  });

  it('"the Fed" finds a paragraph that only says "Federal Reserve"', () => {
    const hits = typed('How much did the Fed raise its key interest rate to?', { limit: 3 }).passages;
    expect(hits.some((h) => h.doc === 'business_121' && h.paragraph === 2)).toBe(true);
    expect(paragraph('business_121', 2).text).not.toMatch(/\bFed\b/u);
    const without = askOver(bench, { shortForms: false })('How much did the Fed raise its key interest rate to?', { limit: 3 }).passages;
    expect(without.some((h) => h.doc === 'business_121' && h.paragraph === 2)).toBe(false);
  });
});

describe('duplicates', () => {
  it('two files with the same text are one article', () => {
    const articleOf = sameArticles(bench.coverage.passages);
    expect(articleOf.get('tech_063')).toBe(articleOf.get('tech_004'));
    expect(articleOf.get('politics_354')).not.toBe(articleOf.get('politics_077'));
  });

  it('"Also in" never repeats the citation shown', () => {
    for (const q of ['when will gordon brown deliver the budget', 'When does the Nintendo DS come out in Europe?', 'Lib Dems', 'Spurs']) {
      for (const hit of typed(q, { limit: 12 }).passages) {
        const shown = `${hit.title} ¶${hit.paragraph}`;
        expect(hit.alsoIn.map((c) => `${c.title} ¶${c.paragraph}`), q).not.toContain(shown);
        expect(hit.alsoIn.map((c) => c.doc), q).not.toContain(hit.doc);
      }
    }
  });
});
