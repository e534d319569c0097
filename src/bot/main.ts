// `npm start`: the real bot when DISCORD_TOKEN is set, else the local sandbox (stand-in + prompt).
// INTERACTIONS=http serves POST /interactions instead of a gateway connection (WORKERS=N processes);
// SHARDS=auto|N runs one gateway process per shard.
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { config as loadEnv } from 'dotenv';
import { parseConfig } from './config.js';
import { coverageFolderProblem } from './coverageFolder.js';
import { parseDeployment } from './deployment.js';
import { loadLibrary, loadWatchedLibrary } from './loadLibrary.js';
import { createLogger, scrub } from './log.js';
import { progressReporter } from './progressLog.js';
import { runSandbox } from './sandbox.js';
import { runShards } from './shards.js';
import { startBot } from './start.js';
import { startHttpBot } from '../http/startHttpBot.js';
import { runWorkers } from '../http/workers.js';

loadEnv({ quiet: true });
const parsed = parseConfig(process.env);
const deployed = parseDeployment(process.env);
if (!parsed.ok || !deployed.ok) {
  console.error(parsed.ok ? (deployed as { error: string }).error : parsed.error);
  process.exit(1);
}
const config = parsed.config;
const deployment = deployed.deployment;
const http = deployment.interactions === 'http';
const sandbox = !config.token && !http;
// In the sandbox, info logs would interleave with the replies; show them only when asked for.
const quietSandbox = sandbox && !process.env.LOG_LEVEL;
const logger = createLogger(quietSandbox ? 'warn' : config.logLevel, undefined, config.logFormat);
// What is loading and how far it has got shows in the sandbox too; only the per-reply lines do not.
const progressLog = quietSandbox ? logger.child({}, { level: 'info' }) : logger;

function fail(what: string, error: unknown): never {
  console.error(`${what}: ${scrub((error as Error).message ?? String(error))}`);
  process.exit(1);
}

const stop = new AbortController();
// SIGHUP (a closed terminal, a supervisor's reload) drains like SIGTERM: answers in progress finish.
// `npm start` execs plain node with tsx's loader so these reach this process; the tsx wrapper would
// kill it instead. A second signal while stopping (a process group gets one per process, npm relays
// another) must not cut the answers in progress short; one more than 5 s later means "stop now".
let stopAsked = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopAsked && Date.now() - stopAsked > 5000) process.exit(1);
    stopAsked ||= Date.now();
    stop.abort();
  });
}
const stopped = new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));

const problem = await coverageFolderProblem(config.seedsDir);
if (problem) {
  console.error(problem);
  process.exit(1);
}
// Built (or loaded) once here: a manager of shards or workers writes the index cache before any
// child starts, so every child loads the file instead of building it again.
progressLog.info(`loading the coverage in ${resolve(config.seedsDir)}`);
const progress = progressReporter(progressLog);
const libraryOptions = { seedsDir: config.seedsDir, cacheDir: config.cacheDir, defaultSource: config.coverageSource, onProgress: progress.onProgress };
const library = await (config.watch
  ? loadWatchedLibrary(libraryOptions, logger)
  : loadLibrary(libraryOptions, (line) => logger.warn(line))
).catch((error) => fail(`Could not load the coverage in ${config.seedsDir}`, error));
const loaded = 'current' in library ? library.current : library;
progress.ready(loaded, config.seedsDir);
logger.info({ fromCache: library.fromCache, passages: loaded.coverage.passages.length, pid: process.pid }, 'coverage loaded');

if (http && deployment.workers > 1 && cluster.isPrimary) {
  await runWorkers({ workers: deployment.workers, port: deployment.port, logger, signal: stop.signal });
} else if (http) {
  const bot = await startHttpBot({ config, deployment, library, logger }).catch((error) => fail(`Could not listen on port ${deployment.port}`, error));
  if (!cluster.isWorker) console.log(`coverage-bot is taking interactions on http://${deployment.host}:${bot.port}/interactions. Ctrl+C to stop.`);
  await stopped;
  logger.info('shutting down');
  await bot.stop();
} else if (sandbox) {
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  await runSandbox({ config, library, logger, input: process.stdin, output: process.stdout, tty, signal: stop.signal }).catch((error) =>
    fail('The sandbox stopped', error),
  );
} else if (deployment.shards !== null) {
  const total = await runShards({ config, shards: deployment.shards, logger, signal: stop.signal }).catch((error) => fail('Could not start the shards', error));
  logger.info({ shards: total }, 'shards stopped');
} else {
  const bot = await startBot({ config, library, logger }).catch((error) => fail('Could not log in to Discord', error));
  console.log(`coverage-bot is online as ${bot.client.user.tag}${process.env.SHARDS ? ` (shard ${process.env.SHARDS} of ${process.env.SHARD_COUNT})` : ''}. Ctrl+C to stop.`);
  await stopped;
  logger.info('shutting down');
  await bot.stop();
}
if ('close' in library) await library.close();
// Anything still holding the event loop (a slow socket close) must not keep a stopped bot alive.
setTimeout(() => process.exit(0), 2000).unref();
