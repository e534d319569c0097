// The loader on files made for the occasion: sidecars override, bad files are skipped with a reason
// while the rest still load.
import { copyFileSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { DOC, SEEDS, tempDir } from '../helpers.js';

describe('sidecar JSON', () => {
  it('overrides title, url, source and date', async () => {
    const dir = tempDir();
    copyFileSync(join(SEEDS, `${DOC.d002}.txt`), join(dir, `${DOC.d002}.txt`));
    writeFileSync(
      join(dir, `${DOC.d002}.json`),
      JSON.stringify({ title: 'Lammy warns', url: 'https://example.org/a', source: 'The Example', publishedOn: '2025-04-24' }),
    );
    const { articles, warnings } = await loadArticles(dir);
    expect(warnings).toEqual([]);
    expect(articles[0]).toMatchObject({ title: 'Lammy warns', url: 'https://example.org/a', source: 'The Example', publishedOn: '2025-04-24' });
    expect(articles[0]!.paragraphs[0]).toMatchObject({ source: 'The Example', publishedOn: '2025-04-24' });
  });

  it('ignores a sidecar date that is not a real date, with a warning', async () => {
    const dir = tempDir();
    copyFileSync(join(SEEDS, `${DOC.d000}.txt`), join(dir, `${DOC.d000}.txt`));
    writeFileSync(join(dir, `${DOC.d000}.json`), JSON.stringify({ publishedOn: '2025-02-30' }));
    const { articles, warnings } = await loadArticles(dir);
    expect(articles[0]!.publishedOn).toBe('2025-04-23');
    expect(warnings.join('\n')).toMatch(/2025-02-30/);
  });
});

describe('bad files', () => {
  it('are skipped, each with a reason, and the rest load', async () => {
    const dir = tempDir();
    copyFileSync(join(SEEDS, `${DOC.d002}.txt`), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), ' \n\n \t\n');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    // Not UTF-8 and, with control bytes, not Windows-1252 text either (Windows-1252 itself loads: formats.test.ts).
    writeFileSync(join(dir, 'garbled.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x01, 0x02, 0x81, 0x28]));
    mkdirSync(join(dir, 'x.txt'));
    const { articles, skipped } = await loadArticles(dir);

    expect(articles.map((a) => a.doc)).toEqual(['good']);
    expect(articles[0]!.paragraphs).toHaveLength(11);
    const reasons = Object.fromEntries(skipped.map((s) => [s.path.slice(dir.length + 1), s.reason]));
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['blank.txt']).toMatch(/empty/);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['garbled.txt']).toMatch(/not readable text/);
    expect(reasons['x.txt']).toBe('a folder, not a regular file');
  });

  // Root reads anything: there the same file is read, so the test checks that instead of skipping.
  it('skips an unreadable file (as root, reads it)', async () => {
    const dir = tempDir();
    copyFileSync(join(SEEDS, `${DOC.d002}.txt`), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'locked.txt'), 'date 2025-01-01 Some text.');
    chmodSync(join(dir, 'locked.txt'), 0o000);
    const { articles, skipped } = await loadArticles(dir);
    if (process.getuid?.() === 0) {
      expect(articles.map((a) => a.doc).sort()).toEqual(['good', 'locked']);
      expect(skipped).toEqual([]);
    } else {
      expect(articles.map((a) => a.doc)).toEqual(['good']);
      expect(skipped[0]!.reason).toMatch(/cannot read/);
    }
  });

  it('reports a missing folder instead of throwing', async () => {
    const { articles, skipped } = await loadArticles(join(tempDir(), 'nope'));
    expect(articles).toEqual([]);
    expect(skipped[0]!.reason).toMatch(/cannot read/);
  });
});
