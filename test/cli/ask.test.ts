// The command-line contract other tools rely on. Spawning costs ~1 s of tsx start-up, so flags are
// unit-tested and only the JSON outputs are checked end to end.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAskArgs } from '../../src/cli/askArgs.js';
import { DOC, ROOT, SEEDS, tempDir, WITH_TSX } from '../helpers.js';


function ask(args: string[], input?: string) {
  // A temp working directory keeps the CLI's default .cache/ out of the repository.
  const cwd = tempDir();
  const result = spawnSync(process.execPath, [...WITH_TSX, join(ROOT, 'src/cli/ask.ts'), '--seeds', SEEDS, ...args], { cwd, input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ask -- --json', () => {
  it('prints a JSON array of exactly the contract keys, best first', () => {
    const { code, stdout } = ask(['--json', '--limit', '3', 'Lammy and his US counterpart spoke on Tuesday night']);
    expect(code).toBe(0);
    const passages = JSON.parse(stdout) as Record<string, unknown>[];
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.length).toBeLessThanOrEqual(3);
    for (const p of passages) {
      expect(Object.keys(p)).toEqual(['doc', 'paragraph', 'text', 'score', 'publishedOn', 'source', 'alsoIn', 'title', 'url', 'excerpt']);
    }
    const first = passages[0] as { doc: string; alsoIn: Record<string, unknown>[] };
    expect([first.doc, ...first.alsoIn.map((c) => c.doc)].sort()).toEqual([DOC.d000, DOC.d002]);
    expect(Object.keys(first.alsoIn[0]!)).toEqual(['doc', 'paragraph', 'citation', 'publishedOn', 'source', 'title', 'url']);
  });

  it('--batch answers each stdin line with one JSON line; notices go to stderr', () => {
    const { code, stdout, stderr } = ask(['--json', '--batch', '--limit', '1'], 'Where will Trump meet Putin?\n?!\nHow many people were killed in Marhanets?\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { question: string; passages: { text: string }[] });
    expect(lines.map((l) => l.question)).toEqual(['Where will Trump meet Putin?', '?!', 'How many people were killed in Marhanets?']);
    expect(lines[0]!.passages[0]!.text).toContain('Alaska');
    expect(lines[1]!.passages).toEqual([]);
    expect(lines[2]!.passages[0]!.text).toContain('nine people were killed');
    expect(stderr).toMatch(/\?!: That question has no words/);
  });
});

describe('npm run ask -- --since', () => {
  it('leaves undated articles out, prints only dated passages, and says so on stderr', () => {
    const { code, stdout, stderr } = ask(['--json', '--limit', '10', '--since', '2025-04-01', 'What did Zelensky say about Crimea?']);
    expect(code).toBe(0);
    const passages = JSON.parse(stdout) as { publishedOn: string | null }[];
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) expect(p.publishedOn! >= '2025-04-01').toBe(true);
    expect(stderr).toMatch(/undated matching passages? (was|were) left out/);
  });

  it('a bad date is a usage error (exit 2)', () => {
    const { code, stderr } = ask(['--until', 'yesterday', 'q']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--until must be a date/);
  });
});

describe('ask flags', () => {
  const env = {};
  it('defaults: limit 5, seeds from SEEDS_DIR or "seeds"', () => {
    expect(parseAskArgs(['a', 'question'], env)).toEqual({ json: false, batch: false, limit: 5, seedsDir: 'seeds', question: 'a question', filters: {} });
    expect(parseAskArgs(['q'], { SEEDS_DIR: '/x' })).toMatchObject({ seedsDir: '/x' });
    expect(parseAskArgs(['--json', '--limit', '2', '--seeds', 'd', ''], env)).toEqual({ json: true, batch: false, limit: 2, seedsDir: 'd', question: '', filters: {} });
  });
  it('takes --since, --until and --source', () => {
    expect(parseAskArgs(['--since', '2025-04-01', '--until', '2025-04-30', '--source', 'Independent', 'q'], env)).toMatchObject({
      filters: { since: '2025-04-01', until: '2025-04-30', source: 'Independent' },
    });
  });
  it.each([
    [['--bogus', 'q'], /Unknown option/],
    [['--limit', '0', 'q'], /--limit/],
    [['--limit', 'x', 'q'], /--limit/],
    [['--limit'], /argument missing|--limit/],
    [[], /no question/],
    [['--batch', 'q'], /stdin/],
    [['--since', '2025-13-01', 'q'], /--since must be a date as YYYY-MM-DD/],
    [['--since', '2025-05-01', '--until', '2025-04-01', 'q'], /since must not be after until/],
  ])('%j is a usage error', (argv, message) => {
    const parsed = parseAskArgs(argv, env);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toMatch(message);
    expect((parsed as { error: string }).error).not.toContain('\n');
  });
});

describe('through npm', () => {
  it('`npm run -s ask -- --json …` and `npx coverage-bot ask --json …` print pure JSON; npm keeps its own messages', () => {
    const cwd = ROOT;
    const env = { ...process.env, npm_config_cache: tempDir() };
    for (const [command, args] of [
      ['npm', ['run', '-s', 'ask', '--', '--json', '--limit', '1', '--seeds', SEEDS, 'Where will Trump meet Putin?']],
      ['npx', ['--no-install', 'coverage-bot', 'ask', '--json', '--limit', '1', '--seeds', SEEDS, 'Where will Trump meet Putin?']],
    ] as const) {
      const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const passages = JSON.parse(result.stdout) as { text: string }[];
      expect(passages[0]!.text).toContain('Alaska');
    }
    const missing = spawnSync('npm', ['run', 'no-such-script'], { cwd, env, encoding: 'utf8' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('Missing script: "no-such-script"');
    expect(missing.stderr).not.toContain('"error"'); // npm's own words, not a JSON block
  }, 60_000);
});
