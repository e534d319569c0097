// `npm run ask` and `npm run quotes` on coverage in every format the loader reads.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sharedFixture, tempDir, WITH_TSX } from '../helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures/formats');
const PAGES = sharedFixture('fixtures/html-articles');

function run(script: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [...WITH_TSX, join(ROOT, 'src/cli', script), ...args], { cwd: tempDir(), encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mixedFolder(): string {
  const dir = tempDir();
  for (const name of ['gazette.rss', 'valley.atom', 'export.jsonl', 'story.md']) copyFileSync(join(FIXTURES, name), join(dir, name));
  // A saved page in Windows-1252 beside them.
  const page = `<html><head><meta charset="windows-1252"><title>Caf\u00e9 reopens</title><meta property="og:site_name" content="Wendham Echo"></head><body><article>
    <p>The caf\u00e9 on Wendham\u2019s market square reopened on Saturday after a fire in January, its owner Lena Fischer said.</p>
    <p>\u201cWe never thought we would be back so soon,\u201d said Lena Fischer, who has run the caf\u00e9 since 1998. The insurers paid for a new kitchen.</p>
    <p>Regulars queued from seven in the morning for the first coffee, and the mayor cut a ribbon at noon before the lunchtime rush began.</p></article></body></html>`;
  writeFileSync(join(dir, 'cafe.html'), Buffer.from(page.replace(/[\u2019\u201c\u201d]/g, (c) => ({ '\u2019': '\x92', '\u201c': '\x93', '\u201d': '\x94' })[c]!), 'latin1'));
  return dir;
}

describe('npm run ask on every format', () => {
  it('answers from feeds, .jsonl, Markdown and a Windows-1252 page', () => {
    const questions = ['Who proposed the motion to keep the library open?', 'How much did the bridge repairs cost?', 'When will bus route 12 return?', 'When did the café reopen after the fire?'];
    const { code, stdout } = run('ask.ts', ['--seeds', mixedFolder(), '--json', '--batch', '--limit', '1'], `${questions.join('\n')}\n`);
    expect(code).toBe(0);
    const top = stdout.trim().split('\n').map((line) => (JSON.parse(line) as { passages: { doc: string; text: string }[] }).passages[0]!);
    expect(top[0]!.doc).toMatch(/^(gazette#library-stays-open|story)$/);
    expect(top[1]!.doc).toBe('valley#bridge-reopens');
    expect(top[2]!.doc).toBe('export#bus-route-12-to-return');
    expect(top[3]!.doc).toBe('cafe');
    expect(top[3]!.text).toContain('Wendham’s market square');
  }, 120_000);
});

describe('npm run quotes on every format', () => {
  it('lists statements from a feed file, a folder of formats, and a saved news page', () => {
    const feed = run('quotes.ts', ['--json', join(FIXTURES, 'gazette.rss')]);
    expect(feed.code).toBe(0);
    expect(JSON.parse(feed.stdout)).toContainEqual(expect.objectContaining({ doc: 'gazette#library-stays-open', speaker: 'Ann Weber' }));

    const folder = run('quotes.ts', ['--json', mixedFolder()]);
    const docs = new Set((JSON.parse(folder.stdout) as { doc: string; speaker: string }[]).map((s) => `${s.doc} ${s.speaker}`));
    expect(docs).toContain('cafe Lena Fischer');
    expect(docs).toContain('story Ann Weber');

    const dir = tempDir();
    copyFileSync(join(PAGES, 'telegraph', 'source.html'), join(dir, 'telegraph.html'));
    expect(readFileSync(join(dir, 'telegraph.html')).length).toBeGreaterThan(0);
    const page = run('quotes.ts', ['--json', dir]);
    expect((JSON.parse(page.stdout) as { doc: string }[]).some((s) => s.doc === 'telegraph')).toBe(true);
  }, 120_000);
});
