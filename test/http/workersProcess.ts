// `INTERACTIONS=http WORKERS=2 npm start` as a child process for the tests: spawned with tsx's loader
// (signals reach the bot), waited for until both workers answer /healthz, stopped with SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandIn } from '../../src/standin/index.js';
import { WITH_TSX } from '../helpers.js';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The worker that answered a fresh connection's GET /healthz, or null while none is up. */
function healthyWorker(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? String(res.headers['x-worker']) : null);
    }).on('error', () => resolve(null));
  });
}

export interface WorkersProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** The interactions endpoint. */
  url: string;
  /** Workers seen answering /healthz (two once started). */
  workersUp: Set<string>;
  out(): string;
  err(): string;
  /** SIGTERM; resolves with the exit code (or signal). */
  stop(): Promise<number | string | null>;
}

export async function startWorkers(standin: StandIn, env: Record<string, string> = {}): Promise<WorkersProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], {
    env: {
      ...process.env,
      INTERACTIONS: 'http',
      WORKERS: '2',
      PORT: String(port),
      HOST: '127.0.0.1',
      DISCORD_PUBLIC_KEY: standin.publicKeyHex,
      DISCORD_APP_ID: standin.world.appId,
      DISCORD_API_URL: standin.apiUrl,
      DISCORD_TOKEN: '',
      CACHE_DIR: mkdtempSync(join(tmpdir(), 'coverage-bot-workers-')),
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
  const health = `http://127.0.0.1:${port}/healthz`;
  const workersUp = new Set<string>();
  // Three processes load the coverage on a busy machine: allow them a minute.
  for (const until = Date.now() + 60_000; Date.now() < until && workersUp.size < 2 && child.exitCode === null; ) {
    const worker = await healthyWorker(health);
    if (worker) workersUp.add(worker);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}/interactions`,
    workersUp,
    out: () => out,
    err: () => err,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
