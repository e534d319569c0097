// The live library's statements step: per-article analyses kept and merged give what the
// whole-coverage analysis gives, after an article is added, changed or removed; the per-article
// cache makes the next start warm. Real seeds, real analysis.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { perArticleAnalyser } from '../../src/live/analyse.js';
import { analyseStatements } from '../../src/statements/analyseStatements.js';
import { articleAnalysesCached } from '../../src/statements/cache.js';
import type { Article } from '../../src/types.js';
import { DOC, SEEDS, tempDir } from '../helpers.js';

let seeds: Article[];
beforeAll(async () => {
  seeds = (await loadArticles(SEEDS)).articles;
});

describe('perArticleAnalyser', () => {
  it('equals the whole-coverage analysis across an add, a change and a removal', () => {
    const analyse = perArticleAnalyser();
    const before = seeds.filter((a) => a.doc !== DOC.d004);
    expect(analyse(before)).toEqual(analyseStatements(before));
    expect(analyse(seeds)).toEqual(analyseStatements(seeds));
    const changed = seeds.map((a) =>
      a.doc === DOC.d001 ? { ...a, paragraphs: [...a.paragraphs, { ...a.paragraphs[0]!, paragraph: 999, text: '"We will not give up," Volodymyr Zelensky said on Friday.' }] } : a,
    );
    const result = analyse(changed);
    expect(result).toEqual(analyseStatements(changed));
    expect(result.statements.some((s) => s.doc === DOC.d001 && s.paragraph === 999)).toBe(true);
    const removed = changed.filter((a) => a.doc !== DOC.d000);
    expect(analyse(removed)).toEqual(analyseStatements(removed));
  });

  it('starts warm from the per-article statements cache', async () => {
    const dir = tempDir();
    const cold = await articleAnalysesCached(seeds, { dir, coverage: SEEDS });
    expect(cold.reused).toBe(0);
    const warm = await articleAnalysesCached(seeds, { dir, coverage: SEEDS });
    expect(warm.reused).toBe(seeds.length);
    const analyse = perArticleAnalyser();
    analyse.remember!(seeds, warm.analyses);
    expect(analyse(seeds)).toEqual(analyseStatements(seeds));
  });
});
