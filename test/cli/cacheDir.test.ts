// The command line honours CACHE_DIR as the bot does, instead of writing .cache/ wherever it runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/store/store.js';
import { ROOT, tempDir, WITH_TSX } from '../helpers.js';

describe('CACHE_DIR on the command line', () => {
  it('puts the statements cache there and nothing in the working folder', () => {
    const cwd = tempDir();
    const cache = join(tempDir(), 'cache');
    const result = spawnSync(process.execPath, [...WITH_TSX, join(ROOT, 'src/cli/quotes.ts'), '--json', join(ROOT, 'seeds')], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CACHE_DIR: cache },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).length).toBeGreaterThan(10);
    expect(readdirSync(cache)).toContain(STORE_FILE);
    expect(existsSync(join(cwd, '.cache'))).toBe(false);
  });
});
