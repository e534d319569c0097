// `npm run bench -- --statements [--scales 1,2,4] [--json]`: the statements section of the benchmark.
// Statement analysis (load + statements + people register, as `npm run quotes` does it) on 1×, 2× and
// 4× the BBC News folder (../shared/corpora/bbc-news-2005; skipped with a note when absent), cold (an
// empty cache folder) and warm (the cache the cold run wrote). Each run is its own child process
// with --expose-gc, so heap is that run's alone. Copies are the same files under new names, so
// each copy is analysed (its id differs) and the work scales with the copies.
import { fork } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BBC = join(ROOT, '..', 'shared', 'corpora', 'bbc-news-2005');

export interface StatementsRun {
  scale: number;
  articles: number;
  mode: 'cold' | 'warm';
  seconds: number;
  articlesPerSecond: number;
  heapMB: number;
  statements: number;
  analysed: number;
}

let held: unknown = null;

/** Runs in the child: one analysis of `dir` with the cache in `cache`, timed. */
async function child(dir: string, cache: string, scale: number, mode: 'cold' | 'warm'): Promise<StatementsRun> {
  const { loadCoverageCached } = await import('../src/statements/cache.js');
  const started = performance.now();
  const coverage = await loadCoverageCached(dir, cache);
  const seconds = (performance.now() - started) / 1000;
  held = coverage; // heap is measured with the result alive, as the bot holds it
  globalThis.gc?.();
  const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
  void held;
  return { scale, articles: coverage.articles.length, mode, seconds, articlesPerSecond: coverage.articles.length / seconds, heapMB, statements: coverage.statements.length, analysed: coverage.analysis.analysed };
}

function runChild(dir: string, cache: string, scale: number, mode: 'cold' | 'warm'): Promise<StatementsRun> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['--child', dir, cache, String(scale), mode], {
      execArgv: ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: StatementsRun | null = null;
    proc.on('message', (m) => (result = m as StatementsRun));
    proc.on('exit', (code) => (result ? resolve(result) : reject(new Error(`statements bench child exited ${code}`))));
  });
}

/** A folder holding `scale` copies of the BBC articles (copy k's files prefixed `k_`). */
function scaledFolder(scale: number, tmp: string): string {
  if (scale === 1) return BBC;
  const dir = join(tmp, `bbc-x${scale}`);
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(BBC);
  for (let k = 0; k < scale; k++) for (const f of files) cpSync(join(BBC, f), join(dir, k === 0 ? f : `${k}_${f}`));
  return dir;
}

export async function runStatementsBench(scales: number[]): Promise<{ runs: StatementsRun[]; note: string | null }> {
  if (!existsSync(BBC)) return { runs: [], note: `statements bench skipped: ${BBC} is absent` };
  const tmp = mkdtempSync(join(os.tmpdir(), 'statements-bench-'));
  const runs: StatementsRun[] = [];
  try {
    for (const scale of scales) {
      const dir = scaledFolder(scale, tmp);
      const cache = join(tmp, `cache-x${scale}`);
      for (const mode of ['cold', 'warm'] as const) {
        process.stderr.write(`bench: statements ${scale}× ${mode} ... `);
        const run = await runChild(dir, cache, scale, mode);
        runs.push(run);
        process.stderr.write(`${run.seconds.toFixed(2)} s, ${run.articlesPerSecond.toFixed(0)} articles/s, heap ${run.heapMB.toFixed(0)} MB\n`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { runs, note: null };
}

export function formatStatementsBench(runs: StatementsRun[]): string {
  const lines = [
    '| scale | articles | mode | seconds | articles/s | heap MB | statements | analysed now |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map((r) => `| ${r.scale}× | ${r.articles.toLocaleString('en-US')} | ${r.mode} | ${r.seconds.toFixed(2)} | ${r.articlesPerSecond.toFixed(0)} | ${r.heapMB.toFixed(0)} | ${r.statements.toLocaleString('en-US')} | ${r.analysed.toLocaleString('en-US')} |`),
  ];
  const cold = (s: number) => runs.find((r) => r.scale === s && r.mode === 'cold');
  const one = cold(1);
  const two = cold(2);
  if (one && two) lines.push('', `cold 2× / 1× time ratio: ${(two.seconds / one.seconds).toFixed(2)} (target ≤ 2.3)`);
  const warm = runs.find((r) => r.scale === 1 && r.mode === 'warm');
  if (one) lines.push(`cold 1×: ${one.seconds.toFixed(2)} s (target ≤ 10 s)`);
  if (warm) lines.push(`warm 1×: ${warm.seconds.toFixed(2)} s (target ≤ 2 s)`);
  return lines.join('\n');
}

if (process.argv[2] === '--child') {
  const [, , , dir, cache, scale, mode] = process.argv;
  child(dir!, cache!, Number(scale), mode as 'cold' | 'warm').then(
    (r) => process.send!(r, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
