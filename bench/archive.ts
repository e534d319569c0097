// `npm run bench -- --archive 1,10,100 [--json]`: the product on newsroom-sized archives.
// Synthetic archives made from ../shared/corpora/bbc-news-2005: copy k of article i keeps i's headline
// and first half and takes the second half of article i+k, so every copy is a distinct text (no cache
// or duplicate folding shortcut) in the BBC's own style. Each archive is written once under the
// system's temp folder and reused. At each scale: one `ask` call from the command line (the compiled
// CLI, as a user runs it) with an empty cache (cold) and again with the cache it wrote (warm), each
// timed from outside with its CPU and peak memory; then the time one added article takes to become
// searchable in a live library opened warm.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BBC = join(ROOT, '..', 'shared', 'corpora', 'bbc-news-2005');
const PROBE = fileURLToPath(new URL('./usageProbe.mjs', import.meta.url));
/** Bump when the way copies are made changes, so stale archives are rebuilt. */
const ARCHIVE_VERSION = 'archive@1';
const QUESTION = 'why did the chancellor raise taxes';

export interface ArchiveRun {
  scale: number;
  articles: number;
  mode: 'cold' | 'warm';
  wallSeconds: number;
  cpuSeconds: number;
  peakMB: number;
}

export interface AddRun {
  scale: number;
  /** From writing the file to `ask` finding it, through LiveLibrary.update (the watcher's settle time not included). */
  seconds: number;
}

/** Headline, then paragraphs (blank-line separated), as the BBC files are laid out. */
function splitArticle(text: string): { headline: string; paragraphs: string[] } {
  const [headline = '', ...paragraphs] = text.split(/\n\s*\n/u).map((p) => p.trim()).filter(Boolean);
  return { headline, paragraphs };
}

/** The archive at `scale` (written on first use), as a folder of `.txt` files. */
export function archiveDir(scale: number): string {
  const dir = join(os.tmpdir(), 'coverage-bot-archive', String(scale));
  const marker = join(dir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === ARCHIVE_VERSION) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(BBC).filter((f) => f.endsWith('.txt')).sort();
  const articles = names.map((name) => splitArticle(readFileSync(join(BBC, name), 'utf8')));
  for (let k = 0; k < scale; k++) {
    for (const [i, name] of names.entries()) {
      const own = articles[i]!;
      const other = articles[(i + k) % articles.length]!;
      const half = (p: string[]) => Math.ceil(p.length / 2);
      const body = k === 0 ? own.paragraphs : [...own.paragraphs.slice(0, half(own.paragraphs)), ...other.paragraphs.slice(half(other.paragraphs))];
      writeFileSync(join(dir, k === 0 ? name : name.replace(/\.txt$/u, `_x${k}.txt`)), `${own.headline}\n\n${body.join('\n\n')}\n`);
    }
  }
  writeFileSync(marker, ARCHIVE_VERSION);
  return dir;
}

/** One CLI call, timed from outside; CPU and peak RSS from the probe the child loads. */
function timedAsk(dir: string, cache: string): Promise<Omit<ArchiveRun, 'scale' | 'mode'>> {
  const usageFile = join(cache, `usage-${Date.now()}.json`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', PROBE, join(ROOT, 'bin', 'coverage-bot.mjs'), 'ask', '--json', '--seeds', dir, QUESTION], {
      env: { ...process.env, CACHE_DIR: cache, BENCH_USAGE_FILE: usageFile, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`ask exited ${code}: ${err.slice(-500)}`));
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuSeconds: number; peakMB: number };
      if (!Array.isArray(JSON.parse(out))) return reject(new Error('ask --json did not print a list'));
      resolve({ articles: readdirSync(dir).filter((f) => f.endsWith('.txt')).length, wallSeconds, ...usage });
    });
  });
}

/** Opens a live library warm on `dir`, adds one article and times until `ask` finds it. */
async function timeAdd(dir: string, cache: string, scale: number): Promise<AddRun> {
  const { LiveLibrary } = await import('../src/live/liveLibrary.js');
  const library = await LiveLibrary.open({ seedsDir: dir, cacheDir: cache, compactAfterMs: 3_600_000 });
  const file = join(dir, `zz_added_${Date.now()}.txt`);
  const word = `Quillfeather${Date.now().toString(36)}`;
  try {
    const started = performance.now();
    writeFileSync(file, `${word} opens new office\n\nThe company ${word} said on Monday it would open an office in Leeds.\n`);
    await library.update([file]);
    const found = library.current.ask(word).passages.some((p) => p.text.includes(word));
    if (!found) throw new Error('the added article was not found');
    return { scale, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(file, { force: true });
    await library.close();
  }
}

export async function runArchiveBench(scales: number[]): Promise<{ runs: ArchiveRun[]; adds: AddRun[]; note: string | null }> {
  if (!existsSync(BBC)) return { runs: [], adds: [], note: `archive benchmark skipped: ${BBC} is absent` };
  const runs: ArchiveRun[] = [];
  const adds: AddRun[] = [];
  for (const scale of scales) {
    process.stderr.write(`archive ${scale}×: writing…\n`);
    const dir = archiveDir(scale);
    const cache = mkdtempSync(join(os.tmpdir(), 'coverage-bot-archive-cache-'));
    try {
      for (const mode of ['cold', 'warm'] as const) {
        process.stderr.write(`archive ${scale}×: ${mode}…\n`);
        runs.push({ scale, mode, ...(await timedAsk(dir, cache)) });
      }
      process.stderr.write(`archive ${scale}×: one added article…\n`);
      adds.push(await timeAdd(dir, cache, scale));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }
  return { runs, adds, note: null };
}

export function formatArchiveBench(runs: ArchiveRun[], adds: AddRun[]): string {
  const lines = ['| scale | articles | mode | wall | CPU | peak memory |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of runs) lines.push(`| ${r.scale}× | ${r.articles.toLocaleString('en-GB')} | ${r.mode} | ${r.wallSeconds.toFixed(1)} s | ${r.cpuSeconds.toFixed(1)} s | ${r.peakMB.toFixed(0)} MB |`);
  lines.push('', '| scale | one added article searchable |', '| --- | --- |');
  for (const a of adds) lines.push(`| ${a.scale}× | ${a.seconds.toFixed(2)} s |`);
  const cold = (s: number) => runs.find((r) => r.scale === s && r.mode === 'cold');
  const [one, ten] = [cold(1), cold(10)];
  if (one && ten) lines.push('', `cold cost 10× / 1×: ${(ten.cpuSeconds / one.cpuSeconds).toFixed(1)}× CPU, ${(ten.wallSeconds / one.wallSeconds).toFixed(1)}× wall`);
  return lines.join('\n');
}
