// The statements cache: reused per article on a warm start, re-run only for a changed article, and
// ignored when the analysis changes or the store is corrupt.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Store } from '../../src/store/store.js';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { analyseCached } from '../../src/statements/cache.js';
import { analyseStatements } from '../../src/statements/analyseStatements.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

describe('statements cache', () => {
  it('a warm start reuses every article and the merge; the result equals a fresh analysis', async () => {
    const cache = mkdtempSync(join(os.tmpdir(), 'stmt-cache-'));
    const { articles } = await loadArticles(SEEDS);
    const cold = await analyseCached(articles, { dir: cache, coverage: SEEDS });
    expect(cold).toMatchObject({ analysed: articles.length, reused: 0, mergedFromCache: false });
    const warm = await analyseCached(articles, { dir: cache, coverage: SEEDS });
    expect(warm).toMatchObject({ analysed: 0, reused: articles.length, mergedFromCache: true });
    expect(warm.statements).toEqual(analyseStatements(articles).statements);
    expect(warm.people).toEqual(cold.people);
  });

  it('a changed article is re-analysed alone; changed analysis code or a corrupt file rebuilds all', async () => {
    const cache = mkdtempSync(join(os.tmpdir(), 'stmt-cache-'));
    const folder = mkdtempSync(join(os.tmpdir(), 'stmt-seeds-'));
    cpSync(SEEDS, folder, { recursive: true });
    const first = await loadArticles(folder);
    await analyseCached(first.articles, { dir: cache, coverage: folder });

    const file = first.articles[0]!.path;
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n“We have more to say,” Mr Lammy added.\n`);
    const { articles } = await loadArticles(folder);
    const changed = await analyseCached(articles, { dir: cache, coverage: folder });
    expect(changed).toMatchObject({ analysed: 1, reused: articles.length - 1, mergedFromCache: false });
    expect(changed.statements.some((s) => s.text === 'We have more to say')).toBe(true);

    const otherCode = await analyseCached(articles, { dir: cache, coverage: folder, fingerprint: 'other' });
    expect(otherCode.analysed).toBe(articles.length);
    // Garbage where the store was (as a new process finds it): set aside and rebuilt with a warning.
    Store.closeAll();
    writeFileSync(otherCode.file, '{not a database'.repeat(200));
    const corrupt = await analyseCached(articles, { dir: cache, coverage: folder, fingerprint: 'other' });
    expect(corrupt).toMatchObject({ analysed: articles.length, reused: 0 });
    expect(corrupt.cacheWarning).toMatch(/was damaged .*rebuilt/u);
    expect(corrupt.statements).toEqual(changed.statements);
  });
});
