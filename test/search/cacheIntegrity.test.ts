// Derived data is verified before use: each cache file written by a real load of seeds/ gets one byte
// changed (the file still parses), and the next load rebuilds it with one warning and answers as
// before; a cache folder that cannot be written leaves the bot answering from memory, with one
// warning per cache, and long questions still page (never "Sorry, something went wrong").
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../src/answer/openLibrary.js';
import { SORRY } from '../../src/bot/safety.js';
import { buttonLabelled, startHarness, type Harness } from '../bot/harness.js';
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

/** Changes the byte at `at` to `to` (same length, so the file still parses). */
function changeByte(file: string, at: number, to: string): void {
  const bytes = readFileSync(file);
  expect(bytes[at]).not.toBe(to.charCodeAt(0));
  bytes[at] = to.charCodeAt(0);
  writeFileSync(file, bytes);
}

/** Swaps the case of a quote's first letter where the file holds it: one byte, still valid JSON. */
function editQuote(file: string, quote: string): { at: number; edited: string } {
  const text = readFileSync(file, 'utf8');
  const where = text.indexOf(JSON.stringify(quote).slice(1, 30));
  expect(where).toBeGreaterThan(0);
  const first = quote[0]!;
  const swapped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
  const at = Buffer.byteLength(text.slice(0, where));
  changeByte(file, at, swapped);
  return { at, edited: swapped + quote.slice(1) };
}

/** The checksum line, then the payload, as the loaders read them. */
const payloadOf = (file: string) => {
  const text = readFileSync(file, 'utf8');
  return text.slice(text.indexOf('\n') + 1);
};

describe('cache files with one changed byte', () => {
  let cacheDir: string;
  let baseline: ReturnType<typeof answers>;
  let files: { index: string; merged: string; articles: string };

  beforeAll(async () => {
    cacheDir = tempDir();
    const cold = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(cold.fromCache).toBe(false);
    baseline = answers(cold);
    const names = readdirSync(cacheDir);
    const find = (re: RegExp) => join(cacheDir, names.find((n) => re.test(n))!);
    files = { index: find(/^index-\w+\.json$/u), merged: find(/^statements-\w+\.json$/u), articles: find(/^statements-\w+\.articles\.json$/u) };
    expect(baseline.who.statements.length).toBeGreaterThan(0);
  });

  it('the index: rebuilt with one warning, not used; the rebuilt file is trusted again', async () => {
    const text = readFileSync(files.index, 'latin1');
    // A base64 digit inside a posting list: decodes to other passage ids, and the JSON still parses.
    const at = text.indexOf('"docs":"') + 8 + 40;
    changeByte(files.index, at, text[at] === 'A' ? 'B' : 'A');
    const [header, index] = payloadOf(files.index).split('\n');
    expect(() => [JSON.parse(header!), JSON.parse(index!)]).not.toThrow();

    const reopened = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(reopened.fromCache).toBe(false);
    expect(checksumWarnings(reopened)).toEqual([expect.stringContaining(files.index)]);
    expect(answers(reopened)).toEqual(baseline);

    const again = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(again.fromCache).toBe(true);
    expect(checksumWarnings(again)).toEqual([]);
  });

  it("the statements register: an edited quote is never put in the speaker's mouth", async () => {
    const { at, edited } = editQuote(files.merged, baseline.who.statements[0]!.text);
    expect(() => JSON.parse(payloadOf(files.merged))).not.toThrow();

    const reopened = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(at).toBeGreaterThan(0);
    expect(checksumWarnings(reopened)).toEqual([expect.stringContaining(files.merged)]);
    expect(answers(reopened)).toEqual(baseline);
    expect(JSON.stringify(reopened.who(PERSON))).not.toContain(edited);
    expect(checksumWarnings(await openLibrary({ seedsDir: SEEDS, cacheDir }))).toEqual([]);
  });

  it('the per-article analyses: rebuilt with one warning when they are needed', async () => {
    editQuote(files.articles, baseline.who.statements[0]!.text);
    // Read only when the merged register does not match (an article changed); as if one had.
    rmSync(files.merged);

    const reopened = await openLibrary({ seedsDir: SEEDS, cacheDir });
    expect(checksumWarnings(reopened)).toEqual([expect.stringContaining(files.articles)]);
    expect(answers(reopened)).toEqual(baseline);
    rmSync(files.merged);
    expect(checksumWarnings(await openLibrary({ seedsDir: SEEDS, cacheDir }))).toEqual([]);
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

  it(`loads from memory with one warning per cache (${how})`, async () => {
    const warnings = library.warnings.filter((w) => w.includes(dir));
    expect(warnings).toEqual([expect.stringMatching(/^could not write statements cache .*kept in memory/u), expect.stringMatching(/^could not write index cache .*kept in memory/u)]);
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
    const warned = h.logs.filter((l) => l.level === 40 && String(l.msg).startsWith('could not write page-button queries'));
    expect(warned).toHaveLength(1);
    expect(h.logs.filter((l) => l.level === 50)).toEqual([]);
  });
});
