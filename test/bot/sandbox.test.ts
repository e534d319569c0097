// The sandbox as scripted use sees it: piped lines in, Discord-like text out, exit at end of input.
import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/bot/config.js';
import { createLogger } from '../../src/bot/log.js';
import { parseCommandLine, runSandbox, SANDBOX_BANNER } from '../../src/bot/sandbox.js';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { articlePage, startPageServer } from '../fetch/pageServer.js';
import { SEEDS, tempDir, WITH_TSX } from '../helpers.js';
import { realLibrary } from './harness.js';

const run = promisify(execFile);

describe('parseCommandLine', () => {
  it('reads the main option, hide, and explicit option names', () => {
    expect(parseCommandLine('/ask hide:true How many?')).toEqual({ name: 'ask', options: { hide: true, question: 'How many?' } });
    expect(parseCommandLine('/ask question: Why?')).toEqual({ name: 'ask', options: { question: 'Why?' } });
    expect(parseCommandLine('/who person:Lammy hide:false')).toEqual({ name: 'who', options: { person: 'Lammy', hide: false } });
    expect(parseCommandLine('hello')).toBeNull();
    expect(parseCommandLine('/coverage')).toEqual({ name: 'coverage', options: {} });
    expect(parseCommandLine('/coverage as:moderator hide:true')).toEqual({ name: 'coverage', options: { hide: true }, asModerator: true });
    expect(parseCommandLine('/add https://example.org/news/story')).toEqual({ name: 'add', options: { url: 'https://example.org/news/story' } });
  });
});

describe('runSandbox', () => {
  it('answers each piped line and finishes at end of input', async () => {
    const library = await realLibrary();
    const parsed = parseConfig({});
    if (!parsed.ok) throw new Error(parsed.error);
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += String(chunk)));
    const done = runSandbox({ config: parsed.config, library, logger: createLogger('silent'), input, output, tty: false });
    input.end('/ask What happened at the London talks on Ukraine?\nnext\nprev\n/ask hide:true Coalition\n/who Lammy\nhelp\n');
    await done;
    expect(text).toContain(SANDBOX_BANNER);
    expect(text).toContain('> /ask What happened at the London talks');
    expect(text).toMatch(/│ 1\. \S+\n/u);
    expect(text).toMatch(/│ 4\. \S+\n/u); // after `next`
    expect(text).toMatch(/│ (?:The Independent · )?(?:\d+ \w+ \d{4}|undated) · ¶\d+\n/u);
    expect(text).toContain('**Coalition**');
    expect(text).toContain('only you can see this');
    expect(text).toContain('/who <person>');
  });
});

describe('runSandbox /add', () => {
  it('lets the sandbox user (who runs the server) add a page, then finds it', async () => {
    const dir = tempDir();
    for (const name of readdirSync(SEEDS)) copyFileSync(join(SEEDS, name), join(dir, name));
    const server = await startPageServer({
      '/news/ferry': { body: articlePage({ title: 'Castlebay ferry to return', site: 'Wendham Echo', paragraphs: ['A passenger ferry between Wendham and Castlebay will run again from May, the harbour board announced on Thursday, after a two-year gap in the service.', 'The board said the new boat would carry 120 passengers and make four crossings a day in the summer months, weather permitting.'] }) },
    });
    const parsed = parseConfig({ SEEDS_DIR: dir, ADD_ALLOW_PRIVATE: 'true' });
    if (!parsed.ok) throw new Error(parsed.error);
    const library = await openLibrary({ seedsDir: dir, cacheDir: tempDir() });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += String(chunk)));
    const done = runSandbox({ config: parsed.config, library, logger: createLogger('silent'), input, output, tty: false });
    input.end(`help\n/add ${server.url('/news/ferry')}\n/ask When will the Castlebay ferry run again?\n`);
    await done;
    await server.close();
    expect(text).toContain('/add <url>');
    expect(text).toMatch(/Added “Castlebay ferry to return” — 127\.0\.0\.1/u);
    expect(text).toMatch(/│ 1\. Castlebay ferry to return/u);
  });
});

describe('npm start', () => {
  it('exits 1 with one line naming the setting to fix', async () => {
    const result = await run(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], { env: { ...process.env, LOG_LEVEL: 'loud', DISCORD_TOKEN: '' } }).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^LOG_LEVEL must be one of/mu);
  });

  it('runs the sandbox from piped stdin when no token is set', async () => {
    const child = execFile(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], { env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: '' } });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (err += String(d)));
    child.stdin!.end('/ask What did the Coalition of the Willing agree?\n');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    // stderr is not a terminal here, so the progress lines are JSON; the last one says it is ready.
    const lines = err.trim().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(lines[0]).toMatch(/^loading the coverage in .*seeds$/u);
    expect(lines).toContain('reading 5 files…');
    expect(lines.at(-1)).toMatch(/^ready in [\d.]+ s: 5 articles, \d+ paragraphs, \d+ statements, \d+ people from seeds$/u);
    expect(out).toContain('Local sandbox');
    expect(out).toMatch(/passages?\*\* for “What did the Coalition of the Willing agree\?”/u);
  }, 60_000);
});

describe('npm start on a coverage folder that is not there', () => {
  it.each([
    ['/nonexistent/coverage', /^SEEDS_DIR "\/nonexistent\/coverage" does not exist: set COVERAGE_DIR to the folder that holds the articles\.$/u],
    ['package.json', /^SEEDS_DIR "package\.json" is not a folder/u],
  ])('SEEDS_DIR=%s: one line saying so, exit 1', async (seeds, line) => {
    const result = await run(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], { env: { ...process.env, DISCORD_TOKEN: '', SEEDS_DIR: seeds } }).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(line);
  });

  it('an empty folder: the bot starts, the ready line says the coverage is empty, /ask says so', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'coverage-bot-empty-'));
    const child = execFile(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], { env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: '', SEEDS_DIR: dir } });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (err += String(d)));
    child.stdin!.end('/ask Where will Trump meet Putin?\n');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(err).toMatch(/"msg":"ready in [\d.]+ s, but the coverage in .* is empty: no readable articles/u);
    expect(out).toContain('The coverage is empty: no articles have been loaded');
  }, 60_000);
});
