// The live library on real files with the real watcher: snapshots are values, a file still being
// written is read once complete, a thousand files dropped at once are one update, sidecars count,
// and a restart after changes is a warm start answering as the running library did.
import { copyFileSync, mkdirSync, openSync, closeSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/corpus.js';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { LiveLibrary, type LiveEvent } from '../../src/live/liveLibrary.js';
import { Store } from '../../src/store/store.js';
import { DOC, SEEDS, tempDir } from '../helpers.js';

const opened: LiveLibrary[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

async function open(dir: string, cacheDir = tempDir(), watch = true) {
  const events: LiveEvent[] = [];
  const library = await LiveLibrary.open({ seedsDir: dir, cacheDir, onEvent: (e) => void events.push(e) });
  opened.push(library);
  if (watch) await library.watch();
  return { library, events, cacheDir };
}

function seedFolder(docs: string[]): string {
  const dir = tempDir('coverage-bot-live-');
  for (const doc of docs) copyFileSync(join(SEEDS, `${doc}.txt`), join(dir, `${doc}.txt`));
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`condition not met within ${ms} ms`);
    await sleep(50);
  }
}
const updates = (events: LiveEvent[]) => events.filter((e): e is Extract<LiveEvent, { type: 'updated' }> => e.type === 'updated');

describe('snapshots', () => {
  it('an update swaps in a new snapshot; the one an answer started on is unchanged and still answers', async () => {
    const dir = seedFolder([DOC.d000, DOC.d001]);
    const { library } = await open(dir, tempDir(), false);
    const before = library.current;
    const question = 'What did Healey tell the House of Commons?';
    const answered = JSON.stringify(before.ask(question));
    copyFileSync(join(SEEDS, `${DOC.d004}.txt`), join(dir, `${DOC.d004}.txt`));
    await library.update([join(dir, `${DOC.d004}.txt`)]);
    expect(library.current).not.toBe(before);
    expect(library.current.version).toBe(before.version + 1);
    expect(Object.isFrozen(before)).toBe(true);
    expect(before.coverage.articles.map((a) => a.doc)).toEqual([DOC.d000, DOC.d001]);
    expect(JSON.stringify(before.ask(question))).toBe(answered);
    expect(library.current.coverage.articles.map((a) => a.doc)).toEqual([DOC.d000, DOC.d001, DOC.d004]);
  });

  it('past mergeLaterFrom, an added article is searchable first and its statements follow once the register is merged', async () => {
    const dir = seedFolder([DOC.d000, DOC.d001]);
    const library = await LiveLibrary.open({ seedsDir: dir, cacheDir: tempDir(), mergeLaterFrom: 0 });
    opened.push(library);
    const fresh = await LiveLibrary.open({ seedsDir: seedFolder([DOC.d000, DOC.d001, DOC.d004]), cacheDir: tempDir() });
    opened.push(fresh);
    const added = join(dir, `${DOC.d004}.txt`);
    copyFileSync(join(SEEDS, `${DOC.d004}.txt`), added);
    const statementsOf = (l: LiveLibrary) => l.current.coverage.statements.filter((s) => s.doc === DOC.d004);
    expect(statementsOf(fresh).length).toBeGreaterThan(0);

    await library.update([added]);
    const question = fresh.current.coverage.passages.find((p) => p.doc === DOC.d004)!.text.split(' ').slice(0, 12).join(' ');
    expect(library.current.ask(question).passages[0]!.doc).toBe(DOC.d004);
    expect(statementsOf(library)).toEqual([]); // the register is merged after the swap

    await library.settled();
    expect(statementsOf(library)).toEqual(statementsOf(fresh));
    expect(library.current.coverage.people).toEqual(fresh.current.coverage.people);
  });

  it('a touch that changes nothing makes no new snapshot', async () => {
    const dir = seedFolder([DOC.d000]);
    const { library, events } = await open(dir, tempDir(), false);
    const before = library.current;
    await library.update([join(dir, `${DOC.d000}.txt`), join(dir, 'notes.docx')]);
    expect(library.current).toBe(before);
    expect(updates(events)).toEqual([]);
  });
});

describe('watching', () => {
  it('reads a file still being written only once it is complete', async () => {
    const dir = seedFolder([DOC.d000]);
    const { library, events } = await open(dir);
    const text = `${'Quillwort growers in the valley said the harvest was late. '.repeat(3)}\n\n`;
    const path = join(dir, 'slow_article.txt');
    const fd = openSync(path, 'w');
    // Three pieces, 150 ms apart: shorter than the 500 ms the watcher waits for a file to settle.
    const seen: boolean[] = [];
    for (const piece of [' date 2025-04-24\n\n', text, 'The cooperative expects a record crop of quillwort next year.\n']) {
      writeSync(fd, piece);
      await sleep(150);
      seen.push(library.current.coverage.articles.some((a) => a.doc === 'slow_article'));
    }
    closeSync(fd);
    await until(() => library.current.coverage.articles.some((a) => a.doc === 'slow_article'));
    expect(seen).toEqual([false, false, false]);
    const loaded = (await loadArticles(path)).articles[0]!;
    const article = library.current.coverage.articles.find((a) => a.doc === 'slow_article')!;
    expect(article.paragraphs).toEqual(loaded.paragraphs);
    expect(article.publishedOn).toBe('2025-04-24');
    // One update for the file: it was never read half-written.
    const forFile = updates(events).filter((e) => [...e.added, ...e.changed].some((p) => p.endsWith('slow_article.txt')));
    expect(forFile).toHaveLength(1);
    expect(library.current.ask('record crop of quillwort').passages[0]?.doc).toBe('slow_article');
  });

  it('takes a thousand files dropped at once in one batch, one update', async () => {
    const dir = seedFolder([DOC.d000]);
    const { library, events } = await open(dir);
    // 1,000 one-paragraph articles (State of the Union paragraphs), written aside and moved in together.
    const staging = tempDir('coverage-bot-staging-');
    const passages = makeCorpus(1000).passages;
    const names: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const name = `batch_${String(i).padStart(4, '0')}.txt`;
      writeFileSync(join(staging, name), `${passages[i]!.text}\n`);
      names.push(name);
    }
    for (const name of names) renameSync(join(staging, name), join(dir, name));
    await until(() => library.current.coverage.articles.length === 1001, 40_000);
    const batches = updates(events);
    expect(batches.map((b) => b.added.length)).toEqual([1000]);
    expect(batches[0]!.added).toHaveLength(1000);
    // Searchable, ranked as a fresh start over the same folder ranks.
    const fresh = await open(dir, tempDir(), false);
    for (const p of [passages[0]!, passages[500]!, passages[999]!]) {
      const question = p.text.split(/\s+/u).slice(5, 15).join(' ');
      expect(library.current.ask(question).passages.map((h) => [h.doc, h.paragraph, h.score.toFixed(9)])).toEqual(
        fresh.library.current.ask(question).passages.map((h) => [h.doc, h.paragraph, h.score.toFixed(9)]),
      );
    }
  }, 60_000);

  it('a sidecar beside an article changes its metadata', async () => {
    const dir = seedFolder([DOC.d000, DOC.d001]);
    const { library } = await open(dir);
    writeFileSync(join(dir, `${DOC.d001}.json`), JSON.stringify({ title: 'Healey on the Easter truce', url: 'https://example.org/healey' }));
    await until(() => library.current.coverage.articles.find((a) => a.doc === DOC.d001)?.title === 'Healey on the Easter truce');
    expect(library.current.coverage.articles.find((a) => a.doc === DOC.d001)?.url).toBe('https://example.org/healey');
  });

  it('ignores editors’ scratch files and files that are not articles', async () => {
    const dir = seedFolder([DOC.d000]);
    const { library, events } = await open(dir);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, '.draft.txt'), 'Secret draft text about quillwort.\n');
    writeFileSync(join(dir, 'draft.txt.swp'), 'swap');
    writeFileSync(join(dir, 'notes.docx'), 'not an article');
    writeFileSync(join(dir, 'sub', 'deeper.txt'), 'One folder down is not coverage.\n');
    await sleep(1500);
    expect(updates(events)).toEqual([]);
    expect(library.current.coverage.articles.map((a) => a.doc)).toEqual([DOC.d000]);
  });
});

describe('the cache follows the coverage', () => {
  it('compaction writes a new base; a restart after changes is a warm start and answers the same', async () => {
    const dir = seedFolder([DOC.d000, DOC.d001, DOC.d003]);
    const cacheDir = tempDir();
    const { library } = await open(dir, cacheDir, false);
    copyFileSync(join(SEEDS, `${DOC.d004}.txt`), join(dir, `${DOC.d004}.txt`));
    copyFileSync(join(SEEDS, `${DOC.d002}.txt`), join(dir, `${DOC.d002}.txt`));
    await library.update([join(dir, `${DOC.d004}.txt`), join(dir, `${DOC.d002}.txt`)]);
    expect(library.pending.live).toBeGreaterThan(0);
    const question = 'Why did Marco Rubio pull out of the London talks?';
    const live = library.current.ask(question, { limit: 8 });
    await library.compact();
    expect(library.pending).toEqual({ live: 0, retired: 0 });
    expect(library.current.ask(question, { limit: 8 })).toEqual(live);

    const restarted = await open(dir, cacheDir, false);
    expect(restarted.library.fromCache).toBe(true);
    expect(restarted.library.current.ask(question, { limit: 8 })).toEqual(live);
  });

  it('keeps the merged register in the store: a restart on the same articles reads it instead of merging, and answers /who the same', async () => {
    const dir = seedFolder([DOC.d000, DOC.d001, DOC.d002]);
    const cacheDir = tempDir();
    const { library } = await open(dir, cacheDir, false);
    const registers = () => {
      const store = Store.openSeparately(cacheDir);
      try {
        return store.shared((db) => db.prepare("SELECT COUNT(*) AS n FROM records WHERE kind = 'statements'").get() as { n: number }).n;
      } finally {
        store.close();
      }
    };
    expect(registers()).toBe(1);
    const restarted = await open(dir, cacheDir, false);
    expect(registers()).toBe(1); // read, not written again
    expect(restarted.library.current.coverage.statements).toEqual(library.current.coverage.statements);
    expect(restarted.library.current.coverage.people).toEqual(library.current.coverage.people);
    expect(restarted.library.current.who('Lammy')).toEqual(library.current.who('Lammy'));
  });
});
