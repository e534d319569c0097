// The persisted index: reused on restart, rebuilt when the coverage or the options change, and a
// corrupt store is rebuilt rather than fatal.
import { copyFileSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { Store } from '../../src/store/store.js';
import { openSearchState } from '../../src/search/indexCache.js';
import { loadCoverage } from '../../src/statements/loadCoverage.js';
import { DOC, SEEDS, tempDir } from '../helpers.js';

function seedCopy(): string {
  const dir = tempDir();
  for (const doc of Object.values(DOC)) copyFileSync(join(SEEDS, `${doc}.txt`), join(dir, `${doc}.txt`));
  return dir;
}

const QUESTION = 'How many countries are in the Coalition of the Willing?';

describe('index cache', () => {
  it('is written on first open and loaded, unchanged, on the next', async () => {
    const seedsDir = seedCopy();
    const cacheDir = tempDir();
    const first = await openLibrary({ seedsDir, cacheDir });
    expect(first.fromCache).toBe(false);

    const second = await openLibrary({ seedsDir, cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.ask(QUESTION)).toEqual(first.ask(QUESTION));
  });

  it('keeps the short forms the coverage defines with the index: a warm start has them without learning again', async () => {
    const seedsDir = tempDir();
    writeFileSync(join(seedsDir, 'imf.txt'), [
      'IMF warns on growth',
      'The International Monetary Fund (IMF) cut its forecast for world growth on Tuesday.',
      'Its chief economist said the outlook had darkened since the spring.',
    ].join('\n\n'));
    const cacheDir = tempDir();
    const cold = await openSearchState((await loadCoverage(seedsDir)).passages, {}, { dir: cacheDir, name: 'forms' });
    expect(cold.fromCache).toBe(false);
    expect(cold.shortForms?.get('imf')).toEqual(['international monetary fund']);
    const warm = await openSearchState((await loadCoverage(seedsDir)).passages, {}, { dir: cacheDir, name: 'forms' });
    expect(warm.fromCache).toBe(true);
    expect(warm.shortForms).toEqual(cold.shortForms);
  });

  it('is rebuilt when an article changes', async () => {
    const seedsDir = seedCopy();
    const cacheDir = tempDir();
    await openLibrary({ seedsDir, cacheDir });
    appendFileSync(join(seedsDir, `${DOC.d002}.txt`), '\nA new paragraph about zeppelins.\n');
    const reopened = await openLibrary({ seedsDir, cacheDir });
    expect(reopened.fromCache).toBe(false);
    expect(reopened.ask('zeppelins').passages[0]).toMatchObject({ doc: DOC.d002, paragraph: 12 });
    expect((await openLibrary({ seedsDir, cacheDir })).fromCache).toBe(true);
  });

  it('is rebuilt when the index options change', async () => {
    const seedsDir = seedCopy();
    const cacheDir = tempDir();
    await openLibrary({ seedsDir, cacheDir, indexFingerprint: 'options A' });
    expect((await openLibrary({ seedsDir, cacheDir, indexFingerprint: 'options A' })).fromCache).toBe(true);
    expect((await openLibrary({ seedsDir, cacheDir, indexFingerprint: 'options B' })).fromCache).toBe(false);
  });

  it.each([
    ['garbage', () => Buffer.from('not a database at all '.repeat(100)), true],
    ['truncated', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2)), true],
    ['empty', () => Buffer.alloc(0), false],
  ])('rebuilds a corrupt (%s) store instead of failing', async (_, damage, warned) => {
    const seedsDir = seedCopy();
    const cacheDir = tempDir();
    const { cacheFile } = await openLibrary({ seedsDir, cacheDir });
    Store.closeAll(); // as the next process finds the file
    writeFileSync(cacheFile, damage(readFileSync(cacheFile)));
    const reopened = await openLibrary({ seedsDir, cacheDir });
    expect(reopened.fromCache).toBe(false);
    expect(reopened.warnings.some((w) => /was damaged .*rebuilt/u.test(w))).toBe(warned);
    expect(reopened.ask(QUESTION).passages[0]!.text).toContain('31 countries');
    Store.closeAll();
    expect((await openLibrary({ seedsDir, cacheDir })).fromCache).toBe(true);
  });
});
