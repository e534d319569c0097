// Files that could stall or mislead the loader, made by the test: a FIFO, a link to /dev/zero, a
// link out of the coverage folder (each skipped with its reason, nothing hangs, the rest load), and
// `.jsonl` exports with damaged lines (each line skipped alone, with a warning naming file and line).
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadArticles, type LoadedArticles } from '../../src/corpus/loadArticles.js';
import { DOC, ROOT, SEEDS, tempDir } from '../helpers.js';

const run = promisify(execFile);

function mkfifo(path: string): void {
  // Node has no mkfifo of its own; the coreutils one is on every Linux and macOS.
  execFileSync('mkfifo', [path]);
}

/**
 * Loads `dir` in a child process with a time limit: a read that blocks (a FIFO) blocks the whole
 * thread, which no in-process test timeout could interrupt.
 */
async function loadInChild(dir: string, timeoutMs: number): Promise<LoadedArticles> {
  const script = `import { loadArticles } from ${JSON.stringify(join(ROOT, 'src/corpus/loadArticles.ts'))};
const r = await loadArticles(process.argv[1]);
process.stdout.write(JSON.stringify({ articles: r.articles.map((a) => ({ doc: a.doc })), skipped: r.skipped, warnings: r.warnings }));`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { cwd: ROOT, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout) as LoadedArticles;
}

describe('only regular files inside the folder are read', () => {
  it('skips a FIFO, a link to /dev/zero and a link out of the folder, each with one reason, without hanging', async () => {
    const dir = tempDir();
    const outside = tempDir();
    copyFileSync(join(SEEDS, `${DOC.d002}.txt`), join(dir, 'good.txt'));
    copyFileSync(join(SEEDS, `${DOC.d000}.txt`), join(dir, 'other.txt'));
    symlinkSync(join(dir, 'other.txt'), join(dir, 'alias.txt')); // a link inside the folder still reads
    copyFileSync(join(SEEDS, `${DOC.d001}.txt`), join(outside, 'private.txt'));
    mkfifo(join(dir, 'x.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync(join(outside, 'private.txt'), join(dir, 'escape.txt'));
    // A sidecar that is a FIFO must not hang the article beside it either.
    copyFileSync(join(SEEDS, `${DOC.d004}.txt`), join(dir, 'sided.txt'));
    mkfifo(join(dir, 'sided.json'));

    const started = Date.now();
    const loaded = await loadInChild(dir, 8_000);
    expect(Date.now() - started).toBeLessThan(8_000);

    expect(loaded.articles.map((a) => a.doc).sort()).toEqual(['alias', 'good', 'other', 'sided']);
    const reasons = Object.fromEntries(loaded.skipped.map((s) => [s.path.slice(dir.length + 1), s.reason]));
    expect(reasons).toEqual({
      'x.txt': 'a FIFO, not a regular file',
      'zero.txt': 'a link to a device, not a regular file',
      'escape.txt': 'a link to a file outside the coverage folder',
    });
    expect(loaded.warnings.filter((w) => w.includes('sided.json'))).toEqual([`${join(dir, 'sided.json')}: ignored (a FIFO, not a regular file)`]);
  }, 10_000);

  it('refuses the same files when they are named one by one (as the live update does)', async () => {
    const dir = tempDir();
    const outside = tempDir();
    copyFileSync(join(SEEDS, `${DOC.d001}.txt`), join(outside, 'private.txt'));
    symlinkSync(join(outside, 'private.txt'), join(dir, 'escape.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const { articles, skipped } = await loadArticles([join(dir, 'escape.txt'), join(dir, 'zero.txt')]);
    expect(articles).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual(['a link to a file outside the coverage folder', 'a link to a device, not a regular file']);
  }, 10_000);
});

describe('a .jsonl export with bad lines', () => {
  const record = (title: string, text: string) => JSON.stringify({ title, url: `https://gazette.example/${title.toLowerCase().replace(/\W+/gu, '-')}`, publishedOn: '2005-03-04', source: 'Riverton Gazette', text });

  it('skips each bad line alone, with one warning naming file and line, and keeps the others', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.jsonl');
    const good1 = record('School roof repaired', 'The roof of Riverton primary school has been repaired in time for the new term.');
    const good2 = record('Bus route returns', 'Bus route 12 will run again from Monday after the bridge works, the operator said.');
    const good3 = record('Library hours extended', 'Riverton library will open until eight in the evening on weekdays from April.');
    const lines = [
      Buffer.from(good1),
      Buffer.from(record('Control byte', 'A line with a raw CTRL control byte in it.').replace('CTRL', '\u0001')), // 2: a raw control byte
      Buffer.from('{"title": "Broken", "text": '), // 3: not JSON
      Buffer.from(good2),
      Buffer.concat([Buffer.from('{"title": "Latin-1 caf'), Buffer.from([0xe9]), Buffer.from('", "text": "Not UTF-8 at all."}')]), // 5: invalid UTF-8
      Buffer.from(record('Escaped NUL', 'A JSON escape \u0000 carries a NUL.')), // 6: control character by escape
      Buffer.from(good3),
    ];
    writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const { articles, skipped, warnings } = await loadArticles(dir);

    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual(['School roof repaired', 'Bus route returns', 'Library hours extended']);
    // Accented text on the good lines is still read as UTF-8, not as Windows-1252.
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe(`${file}:2: not readable text (control characters); line skipped`);
    expect(warnings[1]).toBe(`${file}:5: not readable text (not valid UTF-8); line skipped`);
    expect(warnings[2]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:3: not JSON`, 'u'));
    expect(warnings[3]).toBe(`${file}:6: "text" holds control characters; line skipped`);
  });

  it('keeps UTF-8 on the good lines when another line is not UTF-8', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cafe.jsonl'), Buffer.concat([Buffer.from(`${record('Café reopens', 'The café on the square reopened on Saturday after a long winter closure.')}\n`), Buffer.from([0xff, 0xfe, 0x0a])]));
    const { articles, warnings } = await loadArticles(dir);
    expect(articles.map((a) => a.title)).toEqual(['Café reopens']);
    expect(warnings).toEqual([`${join(dir, 'cafe.jsonl')}:2: not readable text (not valid UTF-8); line skipped`]);
  });
});
