// npm run load [-- --modes gateway,http,workers] [--count 2000] [--memory 10000] [--rate 100] [--seeds DIR] [--json] [--readme]
// Drives the real bot through the stand-in at a steady rate: a mix of /ask, /who, /who autocomplete
// and Previous/Next clicks. Per mode: `count` interactions, then `memory` more; prints acknowledgement
// and answer p50/p99, errors, and the bot's heap after GC before, after `count` and after `memory`.
//   gateway  one bot process on the gateway
//   http     one bot process taking POST /interactions
//   workers  `INTERACTIONS=http WORKERS=2 npm start`: two node:cluster workers on one port
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { SORRY } from '../../src/bot/safety.js';
import { startStandin, type InteractionRecord, type StandIn, type StoredMessage } from '../../src/standin/index.js';
import { percentile } from '../percentile.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The section between the markers in docs/benchmarks.md (moved out of the README, issue 19).
const README = join(ROOT, 'docs/benchmarks.md');
const START = '<!-- load:start -->';
const END = '<!-- load:end -->';
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.loadloadloadloadloadloadload01';
/** Discord fails an interaction that is not acknowledged within 3 s. */
const ACK_LIMIT_MS = 3000;
const ANSWER_TIMEOUT_MS = 15_000;

type Mode = 'gateway' | 'http' | 'workers';

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    modes: (get('modes') ?? 'gateway,http,workers').split(',') as Mode[],
    count: Number(get('count') ?? 2000),
    memory: Number(get('memory') ?? 10000),
    rate: Number(get('rate') ?? 100),
    seeds: get('seeds') ?? 'seeds',
    json: argv.includes('--json'),
    readme: argv.includes('--readme'),
  };
}

interface RunResult {
  mode: Mode;
  phase: string;
  interactions: number;
  seconds: number;
  ackP50: number;
  ackP99: number;
  answerP50: number;
  answerP99: number;
  errors: number;
  errorSamples: string[];
  /** CPU ms per interaction: the bot's process, and the stand-in + driver (this process). */
  botCpuMs: number | null;
  driverCpuMs: number;
  /** Page clicks answered by another worker than the one that answered the command. */
  crossWorkerClicks: number;
  clicks: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The bot under test as a child process, with a way to read its heap after GC (not for workers). */
interface BotProcess {
  child: ChildProcess;
  url: string | null;
  heap(): Promise<number | null>;
  /** CPU time the bot has used so far (ms), null when not known. */
  cpuMs: number | null;
  stop(): Promise<void>;
}

async function startBotProcess(mode: Mode, standin: StandIn, seeds: string, cacheDir: string): Promise<BotProcess> {
  const env = {
    ...process.env,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APP_ID: standin.world.appId,
    DISCORD_GUILD_ID: standin.world.guildId,
    DISCORD_API_URL: standin.apiUrl,
    DISCORD_PUBLIC_KEY: standin.publicKeyHex,
    SEEDS_DIR: seeds,
    CACHE_DIR: cacheDir,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  };
  const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  if (mode === 'workers') {
    const port = await freePort();
    // Plain node with tsx's loader, as `npm start` runs it: the tsx wrapper would kill the bot on SIGTERM.
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/bot/main.ts')], {
      cwd: ROOT,
      env: { ...env, INTERACTIONS: 'http', WORKERS: '2', PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const health = `http://127.0.0.1:${port}/healthz`;
    for (let i = 0; ; i++) {
      const ok = await fetch(health).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 600) throw new Error('workers did not come up');
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 2000)); // the second worker
    return {
      child,
      url: `http://127.0.0.1:${port}/interactions`,
      heap: async () => null,
      cpuMs: null,
      async stop() {
        child.kill('SIGTERM');
        await exited(child);
      },
    };
  }
  const child = fork(join(ROOT, 'bench/load/bot.ts'), [], {
    env: { ...env, INTERACTIONS: mode, PORT: '0' },
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port: number | null }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number | null }));
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}`)));
  });
  const bot: BotProcess = {
    child,
    url: ready.port ? `http://127.0.0.1:${ready.port}/interactions` : null,
    cpuMs: null,
    heap: () =>
      new Promise((resolve) => {
        child.once('message', (m) => {
          const { heap, cpuMs } = m as { heap: number; cpuMs: number };
          bot.cpuMs = cpuMs;
          resolve(heap);
        });
        child.send('heap');
      }),
    async stop() {
      child.send('stop');
      await exited(child);
    },
  };
  return bot;
}

interface Load {
  questions: string[];
  people: string[];
}

/** One run: `n` interactions at `rate` a second; waits for every answer. */
async function drive(standin: StandIn, load: Load, n: number, rate: number, mode: Mode, phase: string): Promise<RunResult> {
  const interval = 1000 / rate;
  const pending: Promise<void>[] = [];
  const acks: number[] = [];
  const answers: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let clicks = 0;
  let crossWorkerClicks = 0;
  // Recent answers with page buttons, to click on; older ones are forgotten (bounded memory here too).
  const pageable: { ix: InteractionRecord; messageId: string }[] = [];
  const fail = (what: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(what);
  };
  const started = performance.now();

  const watch = (ix: InteractionRecord, kind: string, onMessage?: (m: StoredMessage) => void, done?: () => void) =>
    ix
      .final(ANSWER_TIMEOUT_MS)
      .then((final) => {
        if (ix.ackMs === null || ix.ackMs > ACK_LIMIT_MS) return fail(`${kind}: acknowledged after ${ix.ackMs} ms`);
        if (final.kind === 'failed') return fail(`${kind}: ${final.reason}`);
        if (final.kind === 'message' && final.message.content === SORRY) return fail(`${kind}: answered "sorry"`);
        if (final.kind === 'message' && final.message.content.includes('expired')) return fail(`${kind}: ${final.message.content}`);
        acks.push(ix.ackMs);
        answers.push(ix.answerMs ?? ix.ackMs);
        if (final.kind === 'message') onMessage?.(final.message);
      })
      .catch((error: Error) => fail(`${kind}: ${error.message}`))
      .finally(() => done?.());

  for (let i = 0; i < n; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const slot = i % 20;
    if (slot < 7) {
      const ix = standin.sendCommand('ask', { question: load.questions[i % load.questions.length]! });
      pending.push(
        watch(ix, 'ask', (m) => {
          if (!m.components.length) return standin.forget(ix);
          pageable.push({ ix, messageId: m.id });
          // Forgotten a little later: a click on it may still be on its way.
          if (pageable.length > 50) {
            const old = pageable.shift()!.ix;
            setTimeout(() => standin.forget(old), ANSWER_TIMEOUT_MS + 1000).unref();
          }
        }),
      );
    } else if (slot < 12) {
      const ix = standin.sendCommand('who', { person: load.people[i % load.people.length]! });
      pending.push(watch(ix, 'who', undefined, () => standin.forget(ix)));
    } else if (slot < 17) {
      const name = load.people[i % load.people.length]!;
      const ix = standin.sendAutocomplete('who', 'person', name.slice(0, 3 + (i % 3)));
      pending.push(watch(ix, 'autocomplete', undefined, () => standin.forget(ix)));
    } else {
      const target = pageable[i % Math.max(pageable.length, 1)];
      const message = target && standin.messages.get(target.messageId);
      const buttons = message?.components.flatMap((r) => r.components ?? []) ?? [];
      const button = buttons.find((b) => b.label?.includes('Next') && !b.disabled) ?? buttons.find((b) => b.label?.includes('Previous') && !b.disabled);
      if (!target || !button?.custom_id) {
        // Nothing to click yet (start of the run): ask instead, keeping the rate.
        const ix = standin.sendCommand('who', { person: load.people[i % load.people.length]! });
        pending.push(watch(ix, 'who', undefined, () => standin.forget(ix)));
        continue;
      }
      const ix = standin.clickButton(target.ix, button.custom_id);
      clicks++;
      pending.push(
        watch(ix, 'button', () => {
          if (ix.servedBy && target.ix.servedBy && ix.servedBy !== target.ix.servedBy) crossWorkerClicks++;
        }, () => standin.forget(ix)),
      );
    }
  }
  await Promise.all(pending);
  for (const p of pageable) standin.forget(p.ix);
  await new Promise((r) => setTimeout(r, 100)); // let the last clicks' bookkeeping settle
  const seconds = (performance.now() - started) / 1000;
  acks.sort((a, b) => a - b);
  answers.sort((a, b) => a - b);
  return {
    mode,
    phase,
    interactions: n,
    seconds,
    ackP50: percentile(acks, 0.5),
    ackP99: percentile(acks, 0.99),
    answerP50: percentile(answers, 0.5),
    answerP99: percentile(answers, 0.99),
    errors,
    errorSamples,
    botCpuMs: null,
    driverCpuMs: 0,
    crossWorkerClicks,
    clicks,
  };
}

interface ModeResult {
  runs: RunResult[];
  heapBefore: number | null;
  heapAfterCount: number | null;
  heapAfterMemory: number | null;
}

async function runMode(mode: Mode, opts: ReturnType<typeof parseArgs>, load: Load, cacheDir: string): Promise<ModeResult> {
  const standin = await startStandin({ token: TOKEN, recordRequests: false });
  await registerCommands({ token: TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl });
  const bot = await startBotProcess(mode, standin, opts.seeds, cacheDir);
  try {
    if (bot.url) standin.deliverOverHttp(bot.url);
    else await standin.ready();
    // Warm-up (JIT, first connections), not measured.
    await drive(standin, load, 100, opts.rate, mode, 'warm-up');
    const measured = async (n: number, phase: string) => {
      const botBefore = bot.cpuMs;
      const mine = process.cpuUsage();
      const run = await drive(standin, load, n, opts.rate, mode, phase);
      const heap = await bot.heap();
      const used = process.cpuUsage(mine);
      run.driverCpuMs = (used.user + used.system) / 1000 / n;
      run.botCpuMs = bot.cpuMs !== null && botBefore !== null ? (bot.cpuMs - botBefore) / n : null;
      return { run, heap };
    };
    const heapBefore = await bot.heap();
    const first = await measured(opts.count, `${opts.count.toLocaleString('en')}`);
    const runs = [first.run];
    const heapAfterCount = first.heap;
    let heapAfterMemory: number | null = null;
    if (opts.memory > 0) {
      const second = await measured(opts.memory, `+${opts.memory.toLocaleString('en')}`);
      runs.push(second.run);
      heapAfterMemory = second.heap;
    }
    return { runs, heapBefore, heapAfterCount, heapAfterMemory };
  } finally {
    await bot.stop();
    await standin.close();
  }
}

const mb = (bytes: number | null) => (bytes === null ? '—' : (bytes / 1024 / 1024).toFixed(1));
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');

function table(results: Map<Mode, ModeResult>, opts: ReturnType<typeof parseArgs>): string {
  const cpu = os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown CPU';
  const lines = [
    `Load benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.type()} ${os.release()} (${os.arch()}), ${cpu}, ${os.cpus().length} cores, Node ${process.version}; ` +
      `${opts.rate} interactions/s (35% /ask, 25% /who, 25% autocomplete, 15% page buttons) on ${opts.seeds}/; stand-in and bot on one machine.`,
    '',
    '| mode | interactions | ack p50 ms | ack p99 ms | answer p50 ms | answer p99 ms | errors | clicks on the other worker | heap MB before → after run | CPU ms/interaction: bot, stand-in |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [mode, r] of results) {
    for (const [i, run] of r.runs.entries()) {
      const heap = i === 0 ? `${mb(r.heapBefore)} → ${mb(r.heapAfterCount)}` : `${mb(r.heapAfterCount)} → ${mb(r.heapAfterMemory)}`;
      const cross = mode === 'workers' ? `${run.crossWorkerClicks} of ${run.clicks}` : '—';
      const cpu = `${run.botCpuMs === null ? '—' : run.botCpuMs.toFixed(2)}, ${run.driverCpuMs.toFixed(2)}`;
      lines.push(`| ${mode} | ${run.phase} | ${ms(run.ackP50)} | ${ms(run.ackP99)} | ${ms(run.answerP50)} | ${ms(run.answerP99)} | ${run.errors} | ${cross} | ${heap} | ${cpu} |`);
    }
  }
  return lines.join('\n');
}

function verdicts(results: Map<Mode, ModeResult>): string[] {
  const out: string[] = [];
  for (const [mode, r] of results) {
    const first = r.runs[0]!;
    const errors = r.runs.reduce((n, run) => n + run.errors, 0);
    out.push(`${mode}: errors ${errors} (target 0) ${errors === 0 ? 'ok' : 'MISSED'}`);
    out.push(`${mode}: ack p99 ${ms(first.ackP99)} ms (target ≤ 500) ${first.ackP99 <= 500 ? 'ok' : 'MISSED'}`);
    out.push(`${mode}: answer p99 ${ms(first.answerP99)} ms (target ≤ 1000) ${first.answerP99 <= 1000 ? 'ok' : 'MISSED'}`);
    if (r.heapAfterCount !== null && r.heapAfterMemory !== null) {
      const growth = (r.heapAfterMemory - r.heapAfterCount) / 1024 / 1024;
      out.push(`${mode}: heap growth over the memory run ${growth.toFixed(1)} MB (target ≤ 20) ${growth <= 20 ? 'ok' : 'MISSED'}`);
    }
    if (mode === 'workers') {
      const cross = r.runs.reduce((n, run) => n + run.crossWorkerClicks, 0);
      out.push(`workers: page clicks answered by the other worker ${cross} (target > 0) ${cross > 0 ? 'ok' : 'MISSED'}`);
    }
    for (const run of r.runs) for (const sample of run.errorSamples) out.push(`${mode} ${run.phase}: error: ${sample}`);
  }
  return out;
}

const opts = parseArgs(process.argv.slice(2));
const cacheDir = mkdtempSync(join(tmpdir(), 'coverage-bot-load-'));
// The questions a user might ask, and the people the coverage names, for the mix.
const library = await openLibrary({ seedsDir: opts.seeds, cacheDir });
const dev = JSON.parse(readFileSync(join(ROOT, 'eval/questions.dev.json'), 'utf8')) as { question: string }[];
const load: Load = {
  questions: dev.map((q) => q.question),
  people: library.coverage.people.filter((p) => p.name.length >= 3).map((p) => p.name),
};
const results = new Map<Mode, ModeResult>();
for (const mode of opts.modes) {
  process.stderr.write(`load: ${mode}…\n`);
  results.set(mode, await runMode(mode, opts, load, cacheDir));
}
if (opts.json) {
  console.log(JSON.stringify(Object.fromEntries(results), null, 2));
} else {
  console.log(table(results, opts));
  console.log('');
  for (const line of verdicts(results)) console.log(line);
}
if (opts.readme) {
  const text = readFileSync(README, 'utf8');
  const block = `${START}\n${table(results, opts)}\n${END}`;
  const next = text.includes(START) ? text.replace(new RegExp(`${START}[\\s\\S]*?${END}`, 'u'), block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(README, next);
}
process.exit(0);
