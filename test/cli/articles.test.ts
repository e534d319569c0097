// `npm run articles -- --json DIR`: what the bot read from each file, as pure JSON on stdout.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS, WITH_TSX } from '../helpers.js';

const articles = (...args: string[]) => spawnSync(process.execPath, [...WITH_TSX, join(ROOT, 'src/cli/articles.ts'), ...args], { encoding: 'utf8' });

describe('articles --json', () => {
  it('prints title, date, source, url, paragraphs and captions of each article read', () => {
    const result = articles('--json', SEEDS, join(ROOT, 'test/fixtures/formats'));
    expect(result.status).toBe(0);
    const read = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(read.length).toBeGreaterThan(5);
    for (const a of read) expect(Object.keys(a)).toEqual(['doc', 'path', 'title', 'publishedOn', 'source', 'url', 'paragraphs', 'captions']);
    const seed = read.find((a) => a.doc === '001_adce4d69149a0ea2')!;
    expect(seed).toMatchObject({ publishedOn: '2025-04-23', title: null });
    expect((seed.paragraphs as string[]).join(' ')).toContain('Healey');
    expect(read.some((a) => a.title)).toBe(true);
  });

  it('refuses an unknown option with usage, exit 2', () => {
    const result = articles('--jsno');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option --jsno — usage: npm run articles/u);
  });
});
