// The sandbox as scripted use sees it: piped lines in, Discord-like text out, exit at end of input.
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/bot/config.js';
import { createLogger } from '../../src/bot/log.js';
import { parseCommandLine, runSandbox, SANDBOX_BANNER } from '../../src/bot/sandbox.js';
import { realLibrary } from './harness.js';

const run = promisify(execFile);

describe('parseCommandLine', () => {
  it('reads the main option, hide, and explicit option names', () => {
    expect(parseCommandLine('/ask hide:true How many?')).toEqual({ name: 'ask', options: { hide: true, question: 'How many?' } });
    expect(parseCommandLine('/ask question: Why?')).toEqual({ name: 'ask', options: { question: 'Why?' } });
    expect(parseCommandLine('/who person:Lammy hide:false')).toEqual({ name: 'who', options: { person: 'Lammy', hide: false } });
    expect(parseCommandLine('hello')).toBeNull();
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
    expect(text).toMatch(/│ 1\. \S+ ¶\d+/u);
    expect(text).toMatch(/│ 4\. \S+ ¶\d+/u); // after `next`
    expect(text).toContain('**Coalition**');
    expect(text).toContain('only you can see this');
    expect(text).toContain('/who <name>');
  });
});

describe('npm start', () => {
  it('exits 1 with one line naming the setting to fix', async () => {
    const result = await run('node_modules/.bin/tsx', ['src/bot/main.ts'], { env: { ...process.env, LOG_LEVEL: 'loud', DISCORD_TOKEN: '' } }).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^LOG_LEVEL must be one of/mu);
  });

  it('runs the sandbox from piped stdin when no token is set', async () => {
    const child = execFile('node_modules/.bin/tsx', ['src/bot/main.ts'], { env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: '' } });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (err += String(d)));
    child.stdin!.end('/ask What did the Coalition of the Willing agree?\n');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('Local sandbox');
    expect(out).toMatch(/passages?\*\* for “What did the Coalition of the Willing agree\?”/u);
  }, 60_000);
});
