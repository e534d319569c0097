// `npm start`: the real bot when DISCORD_TOKEN is set, else the local sandbox (stand-in + prompt).
import { resolve } from 'node:path';
import { config as loadEnv } from 'dotenv';
import { parseConfig } from './config.js';
import { coverageFolderProblem } from './coverageFolder.js';
import { loadLibrary, loadWatchedLibrary } from './library.js';
import { createLogger, scrub } from './log.js';
import { progressReporter } from './progress.js';
import { runSandbox } from './sandbox.js';
import { startBot } from './start.js';

loadEnv({ quiet: true });
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(1);
}
const config = parsed.config;
const sandbox = !config.token;
// In the sandbox, info logs would interleave with the replies; show them only when asked for.
const quietSandbox = sandbox && !process.env.LOG_LEVEL;
const logger = createLogger(quietSandbox ? 'warn' : config.logLevel, undefined, config.logFormat);
// What is loading and how far it has got shows in the sandbox too; only the per-reply lines do not.
const progressLog = quietSandbox ? logger.child({}, { level: 'info' }) : logger;

function fail(what: string, error: unknown): never {
  console.error(`${what}: ${scrub((error as Error).message ?? String(error))}`);
  process.exit(1);
}

const problem = await coverageFolderProblem(config.seedsDir);
if (problem) {
  console.error(problem);
  process.exit(1);
}
progressLog.info(`loading the coverage in ${resolve(config.seedsDir)}`);
const progress = progressReporter(progressLog);
const libraryOptions = { seedsDir: config.seedsDir, defaultSource: config.coverageSource, onProgress: progress.onProgress };
const library = await (config.watch
  ? loadWatchedLibrary(libraryOptions, logger)
  : loadLibrary(libraryOptions, (line) => logger.warn(line))
).catch((error) => fail(`Could not load the coverage in ${config.seedsDir}`, error));
progress.ready('current' in library ? library.current : library, config.seedsDir);

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());

if (sandbox) {
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  await runSandbox({ config, library, logger, input: process.stdin, output: process.stdout, tty, signal: stop.signal }).catch((error) =>
    fail('The sandbox stopped', error),
  );
} else {
  const bot = await startBot({ config, library, logger }).catch((error) => fail('Could not log in to Discord', error));
  console.log(`coverage-bot is online as ${bot.client.user.tag}. Ctrl+C to stop.`);
  await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
  logger.info('shutting down');
  await bot.stop();
}
if ('close' in library) await library.close();
// Anything still holding the event loop (a slow socket close) must not keep a stopped bot alive.
setTimeout(() => process.exit(0), 2000).unref();
