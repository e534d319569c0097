// The persisted index: reused on restart, rebuilt when the coverage or the options change, and a
// corrupt file is rebuilt rather than fatal.
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
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
    const written = statSync(first.cacheFile).mtimeMs;
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await openLibrary({ seedsDir, cacheDir });
    expect(second.fromCache).toBe(true);
    expect(statSync(second.cacheFile).mtimeMs).toBe(written);
    expect(second.ask(QUESTION)).toEqual(first.ask(QUESTION));
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
    ['garbage', 'not json at all'],
    ['truncated', null],
    ['empty', ''],
  ])('rebuilds a corrupt (%s) cache file instead of failing', async (_, content) => {
    const seedsDir = seedCopy();
    const cacheDir = tempDir();
    const { cacheFile } = await openLibrary({ seedsDir, cacheDir });
    const good = readFileSync(cacheFile, 'utf8');
    writeFileSync(cacheFile, content ?? good.slice(0, Math.floor(good.length / 2)));
    const reopened = await openLibrary({ seedsDir, cacheDir });
    expect(reopened.fromCache).toBe(false);
    expect(reopened.ask(QUESTION).passages[0]!.text).toContain('31 countries');
    expect(readFileSync(cacheFile, 'utf8')).toBe(good);
  });
});
