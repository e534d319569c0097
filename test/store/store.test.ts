// The cache store: what a warm start reads, what it refuses, and what concurrent processes see.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import type { ReadCache, ReadRow } from '../../src/corpus/readCache.js';
import { STORE_FILE, Store } from '../../src/store/store.js';
import { storedReadCache } from '../../src/store/storedReadCache.js';
import { ROOT, SEEDS, tempDir } from '../helpers.js';

/** The stored read cache, counting the rows it is asked to write. */
function countingCache(dir: string, scope: string): { cache: ReadCache; written: string[] } {
  const inner = storedReadCache(Store.forDir(dir), scope);
  const written: string[] = [];
  return { written, cache: { get: (p) => inner.get(p), set: (p: string, row: ReadRow) => (written.push(p), inner.set(p, row)), save: (paths) => inner.save(paths) } };
}

describe('a warm start reads only what changed', () => {
  it('unchanged files come from the store; a touched file is confirmed by its hash; a changed one is read; a removed one dropped', async () => {
    const folder = tempDir();
    cpSync(SEEDS, folder, { recursive: true });
    const cacheDir = tempDir();
    const cold = countingCache(cacheDir, 'seeds');
    const first = await loadArticles(folder, { readCache: cold.cache });
    expect(cold.written.length).toBe(first.articles.length);

    const warm = countingCache(cacheDir, 'seeds');
    const second = await loadArticles(folder, { readCache: warm.cache });
    expect(warm.written).toEqual([]);
    expect(second).toEqual(first);

    const [a, b, c] = first.articles.map((x) => x.path) as [string, string, string];
    utimesSync(a, new Date(), new Date(Date.now() + 5000)); // touched: same bytes
    writeFileSync(b, `${readFileSync(b, 'utf8')}\nA new paragraph about zeppelins.\n`);
    rmSync(c);
    const after = countingCache(cacheDir, 'seeds');
    const third = await loadArticles(folder, { readCache: after.cache });
    expect(after.written.sort()).toEqual([a, b].sort());
    expect(third.articles.find((x) => x.path === a)).toEqual(first.articles.find((x) => x.path === a));
    expect(third.articles.find((x) => x.path === b)!.paragraphs.at(-1)!.text).toBe('A new paragraph about zeppelins.');
    expect(Store.forDir(cacheDir).filesFrom('seeds', c, 1).filter((row) => row.path === c)).toEqual([]);
  });

  it('a row written by another reader version is not used', async () => {
    const folder = tempDir();
    cpSync(SEEDS, folder, { recursive: true });
    const cacheDir = tempDir();
    const { articles } = await loadArticles(folder);
    const file = articles[0]!.path;
    // What an older reader might have left: this file's row with another fingerprint and other text.
    const forged = JSON.stringify({ read: { ok: true, warnings: [], articles: [{ ...articles[0], paragraphs: [] }] }, noted: { articles: [], skipped: [], warnings: [] } });
    // Its digest is the file's bytes alone, as a reader that did not bind its own version wrote: the same
    // bytes read by another reader must be parsed again, not confirmed by their hash.
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    Store.forDir(cacheDir).putFiles('seeds', new Map([[file, { stamp: 'other-reader', digest, body: Buffer.from(forged) }]]), new Set([file]));
    const loaded = await loadArticles(folder, { readCache: storedReadCache(Store.forDir(cacheDir), 'seeds') });
    expect(loaded.articles).toEqual(articles);
  });

  it('a sidecar written or changed beside an unchanged file is read: the file is parsed again with it', async () => {
    const folder = tempDir();
    cpSync(SEEDS, folder, { recursive: true });
    const cacheDir = tempDir();
    const first = await loadArticles(folder, { readCache: storedReadCache(Store.forDir(cacheDir), 'seeds') });
    const file = first.articles[0]!.path;
    writeFileSync(file.replace(/\.txt$/u, '.json'), JSON.stringify({ title: 'A title from the sidecar' }));
    const second = await loadArticles(folder, { readCache: storedReadCache(Store.forDir(cacheDir), 'seeds') });
    expect(second.articles.find((a) => a.path === file)!.title).toBe('A title from the sidecar');
  });

  it('a store of another schema version is emptied, not read', async () => {
    const cacheDir = tempDir();
    await openLibrary({ seedsDir: SEEDS, cacheDir });
    Store.closeAll();
    const db = new Database(join(cacheDir, STORE_FILE));
    db.pragma('user_version = 1');
    db.close();
    expect((await openLibrary({ seedsDir: SEEDS, cacheDir })).fromCache).toBe(false);
    expect((await openLibrary({ seedsDir: SEEDS, cacheDir })).fromCache).toBe(true);
  });
});

describe('the read cache in windows', () => {
  it('finds every stored row in listing order with a few range scans, and new files between them without a second look', () => {
    const dir = tempDir();
    const store = Store.forDir(dir);
    const rows = new Map<string, { stamp: string; digest: string; body: Buffer }>();
    const name = (i: number) => `/coverage/${String(i).padStart(5, '0')}.txt`;
    for (let i = 0; i < 2500; i += 1) rows.set(name(i * 2), { stamp: `s${i}`, digest: `d${i}`, body: Buffer.from(`article ${i * 2}`) });
    store.putFiles('scope', rows, new Set(rows.keys()));
    const scans = vi.spyOn(store, 'filesFrom');
    const cache = storedReadCache(store, 'scope');
    // Stored files (even numbers) with new ones (odd) between them, as the loader lists them.
    for (let i = 0; i < 5000; i += 1) {
      const row = cache.get(name(i));
      if (i % 2) expect(row).toBeUndefined();
      else expect(Buffer.from(row!.body).toString()).toBe(`article ${i}`);
    }
    expect(cache.get('/coverage/99999.txt')).toBeUndefined();
    expect(scans.mock.calls.length).toBeLessThanOrEqual(4); // 2,500 rows in windows of 1,000
    scans.mockRestore();
  });
});

describe('processes sharing a store', () => {
  const run = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/concurrentStore.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited ${code}`))));
    });

  it('two readers see whole states only while a third process writes', async () => {
    const dir = tempDir();
    await run(['write', dir, '1']);
    const [, ...reads] = await Promise.all([run(['write', dir, '150']), run(['read', dir, '3000']), run(['read', dir, '3000'])]);
    for (const out of reads) {
      const { whole, torn, warnings } = JSON.parse(out) as { whole: number; torn: number; warnings: string[] };
      expect(torn).toBe(0);
      expect(whole).toBeGreaterThan(10);
      expect(warnings).toEqual([]);
    }
  }, 60_000);
});
