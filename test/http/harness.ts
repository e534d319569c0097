// HTTP interactions mode end to end: the stand-in POSTs signed interactions to real HTTP bots
// (startHttpBot, as `INTERACTIONS=http npm start` runs it) and records what they answered.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Library } from '../../src/answer/library.js';
import { parseConfig } from '../../src/bot/config.js';
import { parseDeployment } from '../../src/bot/deployment.js';
import { createLogger } from '../../src/bot/log.js';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { startHttpBot, type RunningHttpBot } from '../../src/http/startHttpBot.js';
import { startStandin, type StandIn } from '../../src/standin/index.js';
import { FAKE_TOKEN, realLibrary } from '../bot/harness.js';

export interface HttpHarness {
  standin: StandIn;
  bots: RunningHttpBot[];
  urls: string[];
  library: Library;
  logs: Record<string, unknown>[];
  cacheDir: string;
  close(): Promise<void>;
}

/** `replicas` HTTP bots sharing one cache folder, behind the stand-in's round-robin delivery. */
export async function startHttpHarness(replicas = 1, options: { library?: Library } = {}): Promise<HttpHarness> {
  const standin = await startStandin({ token: FAKE_TOKEN });
  const library = options.library ?? (await realLibrary());
  const cacheDir = mkdtempSync(join(tmpdir(), 'coverage-bot-http-'));
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const parsed = parseConfig({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APP_ID: standin.world.appId,
    DISCORD_API_URL: standin.apiUrl,
    CACHE_DIR: cacheDir,
  });
  const deployment = parseDeployment({ INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: standin.publicKeyHex, PORT: '0', HOST: '127.0.0.1' });
  if (!parsed.ok) throw new Error(parsed.error);
  if (!deployment.ok) throw new Error(deployment.error);
  // Registering tells the stand-in each option's type, as Discord's client knows them.
  await registerCommands({ token: FAKE_TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl });
  const bots: RunningHttpBot[] = [];
  for (let i = 0; i < replicas; i++) {
    bots.push(await startHttpBot({ config: parsed.config, deployment: deployment.deployment, library, logger: logger.child({ replica: i }) }));
  }
  const urls = bots.map((b) => `http://127.0.0.1:${b.port}/interactions`);
  standin.deliverOverHttp(urls);
  return {
    standin,
    bots,
    urls,
    library,
    logs,
    cacheDir,
    async close() {
      await Promise.all(bots.map((b) => b.stop()));
      await standin.close();
    },
  };
}
