// Derived data is verified before use: each kind of record a real load of seeds/ stores gets one byte
// changed (the store stays a valid database), and the next load rebuilds it with one warning and answers as
// before; a cache folder that cannot be written leaves the bot answering from memory, with one
// warning, and long questions still page (never "Sorry, something went wrong").
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../src/answer/openLibrary.js';
import { SORRY } from '../../src/bot/safety.js';
import { buttonLabelled, startHarness, type Harness } from '../bot/harness.js';
import { STORE_FILE, Store } from '../../src/store/store.js';
import { SEEDS, tempDir } from '../helpers.js';

const QUESTIONS = [
  'How many countries are in the Coalition of the Willing?',
  'Why did Marco Rubio pull out of the London talks?',
  'What did Healey say about Putin?',
  'ceasefire',
  'Easter truce',
];
const PERSON = 'Healey';

const answers = (library: OpenedLibrary) => ({ ask: QUESTIONS.map((q) => library.ask(q)), who: library.who(PERSON) });
const checksumWarnings = (library: OpenedLibrary) => library.warnings.filter((w) => w.includes('was changed after it was written'));

/**
 * Changes bytes of a stored blob behind the store's back, leaving its checksum as written: what a
 * disk error or a hand edit does. Through SQLite itself, so the file stays a valid database and only
 * the checksum can tell.
 */
function changeBlob(dbFile: string, table: 'records' | 'items', where: string, edit: (body: Buffer) => Buffer): void {
  Store.closeAll(); // as the next process finds the file
  const db = new Database(dbFile);
  const rows = db.prepare(`SELECT rowid, body FROM ${table} WHERE ${where}`).all() as { rowid: number; body: Buffer }[];
  expect(rows.length).toBeGreaterThan(0);
  let changed = 0;
  for (const row of rows) {
    const edited = edit(Buffer.from(row.body));
    if (edited.equals(row.body)) continue;
    db.prepare(`UPDATE ${table} SET body = ? WHERE rowid = ?`).run(edited, row.rowid);
    changed++;
  }
  db.close();
  expect(changed).toBeGreaterThan(0);
}

/** Swaps the case of a quote's first letter where a body holds it: one byte, still valid JSON. */
function editQuote(quote: string): { edit: (body: Buffer) => Buffer; edited: string } {
  const first = quote[0]!;
  const edited = (first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase()) + quote.slice(1);
  const needle = JSON.stringify(quote).slice(1, 30);
  return {
    edited,
    edit: (body) => {
      const text = body.toString('utf8');
      const at = text.indexOf(needle);
      return at < 0 ? body : Buffer.from(text.slice(0, at) + edited[0] + text.slice(at + 1));
    },
  };
}

describe('stored data with one changed byte', () => {
  let cacheDir: string;
  let store: string;
  let baseline: ReturnType<typeof answers>;

  beforeAll(async () => {
    cacheDir = tempDir();
    const cold = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(cold.fromCache).toBe(false);
    baseline = answers(cold);
    store = join(cacheDir, STORE_FILE);
    expect(baseline.who.statements.length).toBeGreaterThan(0);
  });

  it('the index: rebuilt with one warning, not used; the rebuilt record is trusted again', async () => {
    // A byte inside a posting list (part 4: the first field's docs): other passage ids, same length.
    changeBlob(store, 'records', "kind = 'index' AND part = 4", (body) => {
      body[40] = body[40]! ^ 1;
      return body;
    });
    const reopened = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(reopened.fromCache).toBe(false);
    expect(checksumWarnings(reopened)).toEqual([expect.stringContaining(store)]);
    expect(answers(reopened)).toEqual(baseline);

    const again = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(again.fromCache).toBe(true);
    expect(checksumWarnings(again)).toEqual([]);
  });

  it("the statements register: an edited quote is never put in the speaker's mouth", async () => {
    const { edit, edited } = editQuote(baseline.who.statements[0]!.text);
    changeBlob(store, 'records', "kind = 'statements'", edit);

    const reopened = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(checksumWarnings(reopened)).toEqual([expect.stringContaining(store)]);
    expect(answers(reopened)).toEqual(baseline);
    expect(JSON.stringify(reopened.who(PERSON))).not.toContain(edited);
    expect(checksumWarnings(await openLibrary({ seedsDir: SEEDS, cacheDir }))).toEqual([]);
  });

  it('the per-article analyses: analysed again with one warning when they are needed', async () => {
    const { edit } = editQuote(baseline.who.statements[0]!.text);
    changeBlob(store, 'items', "kind = 'analysis'", edit);
    // Read only when the merged register does not match (an article changed); as if one had.
    const db = new Database(store);
    db.prepare("DELETE FROM records WHERE kind = 'statements'").run();
    db.close();

    const reopened = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(reopened.warnings.filter((w) => w.includes('failed their checksum'))).toEqual([expect.stringContaining(store)]);
    expect(answers(reopened)).toEqual(baseline);
    expect((await openLibrary({ seedsDir: SEEDS, cacheDir })).warnings).toEqual([]);
  });
});

/**
 * A cache folder the bot cannot write. Tests run as root, for whom a chmod'ed folder is still
 * writable; then a path whose parent is a regular file stands in (mkdir fails with ENOTDIR, as a
 * read-only folder fails with EACCES/EROFS: the same write path fails).
 */
function unwritableCacheDir(): { dir: string; how: string } {
  const base = tempDir();
  const readOnly = join(base, 'read-only');
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o555);
  try {
    writeFileSync(join(readOnly, 'probe'), '');
  } catch {
    return { dir: readOnly, how: 'chmod 555' };
  }
  chmodSync(readOnly, 0o755);
  writeFileSync(join(base, 'a-file'), '');
  return { dir: join(base, 'a-file', 'cache'), how: 'parent is a regular file' };
}

describe('a cache folder that cannot be written', () => {
  const { dir, how } = unwritableCacheDir();
  let library: OpenedLibrary;
  let h: Harness;

  beforeAll(async () => {
    library = await openLibrary({ seedsDir: SEEDS, cacheDir: dir });
    h = await startHarness({ library, env: { CACHE_DIR: dir } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`loads from memory with one warning (${how})`, async () => {
    const warnings = library.warnings.filter((w) => w.includes(dir));
    expect(warnings).toEqual([expect.stringMatching(/^could not open the cache store .*kept in memory/u)]);
    const fresh = await openLibrary({ seedsDir: SEEDS, cacheDir: tempDir() });
    expect(answers(library)).toEqual(answers(fresh));
  });

  it('long questions still answer and page, from memory, with one warning', async () => {
    // Over Discord's 100 characters in a button, so the query would be stored in the cache folder.
    const long = 'What did the Defence Secretary John Healey tell the House of Commons about Putin and the Easter truce?';
    for (let i = 0; i < 2; i++) {
      const ask = h.standin.sendCommand('ask', { question: long });
      const first = await ask.reply();
      expect(first.content).not.toBe(SORRY);
      const next = buttonLabelled(first, 'Next');
      expect(next.custom_id).toMatch(/#/u);
      const second = await h.standin.clickButton(ask, next.custom_id).reply();
      expect(second.content ?? '').not.toBe(SORRY);
      expect(second.embeds.length).toBeGreaterThan(0);
      expect(second.id).toBe(first.id);
    }
    const warned = h.logs.filter((l) => l.level === 40 && String(l.msg).startsWith("shared state kept in this process's memory"));
    expect(warned).toHaveLength(1);
    expect(h.logs.filter((l) => l.level === 50)).toEqual([]);
  });
});
