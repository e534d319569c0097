// Stopping drains: `npm start` itself (npm → sh → the bot, as an operator runs it) gets SIGTERM, or
// its whole process group gets SIGHUP (a closed terminal), in the middle of a burst of questions.
// Every question already delivered is answered before the bot says "shutting down" is done and exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStandin, type StandIn, type InteractionRecord } from '../../src/standin/index.js';
import { FAKE_TOKEN } from './harness.js';

const ROOT = join(import.meta.dirname, '../..');
const BURST = 300;
const QUESTIONS = [
  'Why did Marco Rubio pull out of the London talks?',
  'How many countries are in the Coalition of the Willing?',
  'What did Healey say about Putin?',
  'Who is leading the ceasefire talks?',
];

// A fresh stand-in per run, so that each bot's gateway session and commands are its own.
let standin: StandIn;
beforeEach(async () => {
  standin = await startStandin({ token: FAKE_TOKEN });
});
afterEach(async () => {
  await standin?.close();
});

interface Started {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  /** Exit code (or signal) of `npm`, once its stdio has closed too (so the bot has exited as well). */
  done: Promise<number | string>;
}

/** `npm start`, in its own process group so that a hangup can reach the group as a terminal's does. */
function npmStart(): Started {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APP_ID: standin.world.appId,
      DISCORD_GUILD_ID: standin.world.guildId,
      DISCORD_API_URL: standin.apiUrl,
      REGISTER_COMMANDS_ON_START: 'true',
      CACHE_DIR: mkdtempSync(join(tmpdir(), 'coverage-bot-stopping-')),
      WATCH: 'false',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (err += String(d)));
  // 'close' waits for every holder of the pipes, the bot included, not only npm.
  const done = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, out: () => out, err: () => err, done };
}

async function burstThenSignal(started: Started, stop: () => void): Promise<InteractionRecord[]> {
  await standin.ready();
  await standin.waitFor(() => standin.commands.size > 0, 30_000, 'commands registered on start');
  const burst = Array.from({ length: BURST }, (_, i) => standin.sendCommand('ask', { question: QUESTIONS[i % QUESTIONS.length]! }));
  // Mid-burst: some answers are out, most are still being worked on.
  await standin.waitFor(() => burst.some((ix) => ix.answerMs !== null), 30_000, 'a first answer');
  const answeredAtSignal = burst.filter((ix) => ix.answerMs !== null).length;
  stop();
  // A bot that was killed instead of told (or never told) leaves this to the timeout; fail sooner.
  const timedOut = Symbol('timed out');
  const ended = await Promise.race([started.done, new Promise((resolve) => setTimeout(resolve, 30_000, timedOut))]);
  if (ended === timedOut) process.kill(-started.child.pid!, 'SIGKILL');
  expect(ended, 'the bot exits within 30 s of the signal').not.toBe(timedOut);
  expect(answeredAtSignal).toBeLessThan(BURST);
  return burst;
}

function expectDrained(started: Started, burst: InteractionRecord[]): void {
  const unanswered = burst.filter((ix) => ix.answerMs === null).length;
  expect(unanswered, started.err().slice(-2000)).toBe(0);
  expect(started.err()).toContain('"msg":"shutting down"');
  expect(started.out() + started.err()).not.toContain(FAKE_TOKEN);
}

describe('stopping `npm start` during a burst of questions', () => {
  it('SIGTERM to npm: every question answered, "shutting down", exit 0', async () => {
    const started = npmStart();
    const burst = await burstThenSignal(started, () => started.child.kill('SIGTERM'));
    expect(await started.done).toBe(0);
    expectDrained(started, burst);
  }, 90_000);

  it('SIGHUP to the process group (terminal closed): every question answered, "shutting down"', async () => {
    const started = npmStart();
    // npm itself does not relay SIGHUP (it dies of it); the bot gets its own copy from the group.
    const burst = await burstThenSignal(started, () => process.kill(-started.child.pid!, 'SIGHUP'));
    expectDrained(started, burst);
  }, 90_000);
});
