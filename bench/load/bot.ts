// The bot under load, as its own process (started by bench/load/run.ts with --expose-gc, so the heap
// measured is the bot's alone): the real library, the real bot in gateway or HTTP mode. Over IPC it
// answers "heap" with the heap used after a full garbage collection, and "stop" by stopping cleanly.
import { parseConfig } from '../../src/bot/config.js';
import { parseDeployment } from '../../src/bot/deployment.js';
import { loadLibrary } from '../../src/bot/loadLibrary.js';
import { createLogger } from '../../src/bot/log.js';
import { startBot } from '../../src/bot/start.js';
import { startHttpBot } from '../../src/http/startHttpBot.js';

const parsed = parseConfig(process.env);
const deployed = parseDeployment(process.env);
if (!parsed.ok || !deployed.ok) throw new Error(parsed.ok ? (deployed as { error: string }).error : parsed.error);
const config = parsed.config;
const logger = createLogger(config.logLevel);
const library = await loadLibrary({ seedsDir: config.seedsDir, cacheDir: config.cacheDir });
const bot =
  deployed.deployment.interactions === 'http'
    ? await startHttpBot({ config, deployment: deployed.deployment, library, logger })
    : await startBot({ config, library, logger });

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message: string) => {
  if (message === 'heap') {
    gc?.();
    gc?.();
    process.send!({ heap: process.memoryUsage().heapUsed, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000 });
  } else if (message === 'stop') {
    void bot.stop().then(() => process.exit(0));
  }
});
process.send!({ ready: true, port: 'port' in bot ? bot.port : null });
