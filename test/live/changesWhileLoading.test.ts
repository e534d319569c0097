// Files added, rewritten and deleted while the live library is still loading (a cold start over a
// few hundred BBC articles): once it is ready, it answers from the folder as it now is. The watcher
// starts before the folder is listed and its batches wait behind the load (src/live/liveLibrary.ts).
import { copyFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveLibrary, type LiveEvent } from '../../src/live/liveLibrary.js';
import type { ProgressEvent } from '../../src/corpus/progress.js';
import { sharedFixture, tempDir } from '../helpers.js';

const BBC = sharedFixture('corpora/bbc-news-2005');

const opened: LiveLibrary[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

const article = (title: string, body: string) => `${title}\n\n${body}\n`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean, ms: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`condition not met within ${ms} ms`);
    await sleep(50);
  }
}

describe('changes made while loading', () => {
  it('are answered from once the library is ready: an added, a rewritten (before and after it was read) and a deleted article', async () => {
    const dir = tempDir('coverage-bot-loading-');
    for (const name of readdirSync(BBC).filter((n) => n.endsWith('.txt')).sort().slice(0, 400)) copyFileSync(join(BBC, name), join(dir, name));
    // Read first (name order), rewritten while the rest are still being read.
    writeFileSync(join(dir, 'aaa_early.txt'), article('Ferry timetable', 'The Islay ferry timetable keeps its winter sailings, the operator said on Monday.'));
    writeFileSync(join(dir, 'zzz_rewritten.txt'), article('Quarry plan', 'The marble quarry near Kilbride will close next spring, the owners said.'));
    writeFileSync(join(dir, 'zzz_deleted.txt'), article('Lighthouse sale', 'The old Corsewall lighthouse has been sold to a hotel group for an undisclosed sum.'));

    const changed: string[] = [];
    const onProgress = (p: ProgressEvent) => {
      if (p.step === 'articles' && !p.finished && p.done === 200 && !changed.includes('early')) {
        changed.push('early');
        writeFileSync(join(dir, 'aaa_early.txt'), article('Ferry timetable', 'The Islay ferry timetable adds summer sailings to Colonsay from June, the operator said.'));
      }
      // Every file has been read: the load goes on with statements and the index.
      if (p.step === 'statements' && !p.finished && !changed.includes('late')) {
        changed.push('late');
        writeFileSync(join(dir, 'zzz_added.txt'), article('Orchard prize', 'A cider orchard in Herefordshire won the national heritage apple prize this week.'));
        writeFileSync(join(dir, 'zzz_rewritten.txt'), article('Quarry plan', 'The marble quarry near Kilbride will stay open after a buyer was found, the owners said.'));
        unlinkSync(join(dir, 'zzz_deleted.txt'));
      }
    };
    const started = Date.now();
    const events: LiveEvent[] = [];
    const library = await LiveLibrary.open({ seedsDir: dir, cacheDir: tempDir(), onProgress, onEvent: (e) => void events.push(e), watch: { writeStableMs: 200, quietMs: 100 } });
    opened.push(library);
    const loadMs = Date.now() - started;
    expect(changed).toEqual(['early', 'late']);

    const top = (question: string) => library.current.ask(question).passages[0];
    const cites = (doc: string) => library.current.coverage.articles.some((a) => a.doc === doc);
    // Ready means answering from the folder as it is now: no waiting for the watcher.
    expect(top('heritage apple prize orchard')?.doc).toBe('zzz_added');
    expect(cites('zzz_deleted')).toBe(false);
    expect(top('marble quarry Kilbride')?.text).toMatch(/buyer was found/u);
    expect(top('Islay ferry sailings')?.text).toMatch(/Colonsay/u);
    expect(events.filter((e) => e.type === 'updated').length).toBeGreaterThan(0);
    expect(top('Corsewall lighthouse sold hotel')?.doc).not.toBe('zzz_deleted');
    expect(library.current.ask('marble quarry Kilbride').passages.some((p) => /will close next spring/u.test(p.text))).toBe(false);
    expect(library.current.ask('Islay ferry sailings').passages.some((p) => /winter sailings/u.test(p.text))).toBe(false);

    // Later changes still come through the watcher, which was following the folder all along.
    writeFileSync(join(dir, 'zzz_later.txt'), article('Pier repairs', 'Repairs to the Victorian pier at Saltburn will begin in the autumn, the council said.'));
    await until(() => top('Saltburn pier repairs')?.doc === 'zzz_later', 5_000);
    console.info(`changes while loading: 403 files ready in ${loadMs} ms, answering from the changed folder`);
  }, 60_000);
});
