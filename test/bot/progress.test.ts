// What the operator sees while the coverage loads: readable progress lines at intervals, a ready
// line with counts, a skipped file as one line with its reason, pretty on a terminal, JSON otherwise.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { createLogger, resolveLogFormat } from '../../src/bot/log.js';
import { loadLibrary } from '../../src/bot/loadLibrary.js';
import { progressReporter } from '../../src/bot/progressLog.js';
import { SEEDS, tempDir } from '../helpers.js';

function jsonLogger() {
  const lines: { level: number; msg: string }[] = [];
  return { lines, logger: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) }) };
}

describe('progress while loading', () => {
  it('says what each step is doing, how far it has got at intervals, and what it came to', async () => {
    const { lines, logger } = jsonLogger();
    let clock = 0;
    // Each reading of the clock moves it on 700 ms, so some progress events fall past the interval.
    const progress = progressReporter(logger, { intervalMs: 2000, now: () => (clock += 700) });
    const library = await openLibrary({ seedsDir: SEEDS, cacheDir: tempDir(), onProgress: progress.onProgress });
    progress.ready(library, 'seeds');
    const msgs = lines.map((l) => l.msg);
    expect(msgs[0]).toBe('reading 5 files…');
    expect(msgs.some((m) => /^read \d of 5 files \(\d+%\)$/u.test(m))).toBe(true);
    expect(msgs).toContain('analysing statements in 5 articles…');
    expect(msgs.some((m) => /^analysed statements in 5 articles in [\d.]+ s \(\d+ statements, \d+ people\)$/u.test(m))).toBe(true);
    expect(msgs.some((m) => /^search index (built|loaded from cache) in [\d.]+ s \(\d+ paragraphs\)$/u.test(m))).toBe(true);
    expect(msgs.at(-1)).toMatch(/^ready in [\d.]+ s: 5 articles, \d+ paragraphs, \d+ statements, \d+ people from seeds$/u);
  });

  it('logs a skipped file as one line with its reason, and an empty coverage as a warning', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    const { lines, logger } = jsonLogger();
    const progress = progressReporter(logger);
    const library = await loadLibrary({ seedsDir: dir, cacheDir: tempDir(), onProgress: progress.onProgress }, (line) => logger.warn(line));
    progress.ready(library, dir);
    const warnings = lines.filter((l) => l.level === 40).map((l) => l.msg);
    expect(warnings[0]).toBe(`skipped ${join(dir, 'empty.txt')}: empty file`);
    expect(warnings[1]).toMatch(/^ready in [\d.]+ s, but the coverage in .* is empty: no readable articles; 1 file skipped\. \/ask will say so\.$/u);
    expect(warnings).toHaveLength(2);
  });
});

describe('log format', () => {
  it('is pretty on a terminal, JSON otherwise or when LOG_FORMAT says so', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });

  it('pretty lines are readable: time, level, message; and still never carry a token', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d) => (text += String(d)));
    const logger = createLogger('info', out, 'pretty');
    logger.warn('skipped coverage/a.txt: binary file (contains NUL bytes)');
    logger.info({ token: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz01234' }, 'logged in');
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).toMatch(/^\[\d{2}:\d{2}:\d{2}\] WARN: skipped coverage\/a\.txt: binary file \(contains NUL bytes\)$/mu);
    expect(text).toMatch(/INFO: logged in/u);
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz01234');
  });
});
