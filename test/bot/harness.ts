// Starts what production starts — the real bot via startBot() and the real library over seeds/ —
// against a fresh loopback stand-in, with logs captured for assertions.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Library } from '../../src/answer/library.js';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { parseConfig } from '../../src/bot/config.js';
import { createLogger } from '../../src/bot/log.js';
import { startBot, type RunningBot } from '../../src/bot/start.js';
import { startStandin, type StandIn, type StoredMessage } from '../../src/standin/index.js';

/** Token-shaped but made up, so the redaction tests see a realistic token. */
export const FAKE_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz01234';

let shared: Promise<Library> | null = null;

/** The real library on the real seeds, built once per test file into a temporary cache. */
export function realLibrary(): Promise<Library> {
  shared ??= openLibrary({ seedsDir: 'seeds', cacheDir: mkdtempSync(join(tmpdir(), 'coverage-bot-test-')) });
  return shared;
}

export interface Harness {
  standin: StandIn;
  bot: RunningBot;
  library: Library;
  logs: Record<string, unknown>[];
  /** The bot's cache folder (page-button queries); a restarted bot pointed at it answers old buttons. */
  cacheDir: string;
  /** Stops the bot and starts a fresh one on the same stand-in and cache folder, as a restart would. */
  restart(): Promise<RunningBot>;
  close(): Promise<void>;
}

export async function startHarness(options: { library?: Library; standin?: StandIn; env?: Record<string, string> } = {}): Promise<Harness> {
  const standin = options.standin ?? (await startStandin({ token: FAKE_TOKEN }));
  const cacheDir = mkdtempSync(join(tmpdir(), 'coverage-bot-cache-'));
  const library = options.library ?? (await realLibrary());
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const parsed = parseConfig({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APP_ID: standin.world.appId,
    DISCORD_GUILD_ID: standin.world.guildId,
    DISCORD_API_URL: standin.apiUrl,
    REGISTER_COMMANDS_ON_START: 'true',
    CACHE_DIR: cacheDir,
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const config = parsed.config;
  const harness: Harness = {
    standin,
    bot: await startBot({ config, library, logger }),
    library,
    logs,
    cacheDir,
    async restart() {
      await harness.bot.stop();
      harness.bot = await startBot({ config, library, logger });
      return harness.bot;
    },
    async close() {
      await harness.bot.stop();
      await standin.close();
    },
  };
  return harness;
}

/** The button labelled `label` (e.g. 'Next') on a message. */
export function buttonLabelled(message: StoredMessage, label: string) {
  const button = message.components.flatMap((r) => r.components ?? []).find((b) => b.label?.includes(label));
  if (!button?.custom_id) throw new Error(`No ${label} button on message ${message.id}`);
  return button as typeof button & { custom_id: string };
}

/** Every message body the bot sent: callback data (types 4, 7), webhook edits and follow-ups. */
export function sentMessageBodies(standin: StandIn): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  for (const r of standin.requests) {
    const body = r.body as Record<string, unknown> | undefined;
    if (!body) continue;
    if (r.path.endsWith('/callback') && (body.type === 4 || body.type === 7)) bodies.push(body.data as Record<string, unknown>);
    if (r.path.includes('/webhooks/') && (r.method === 'PATCH' || r.method === 'POST')) bodies.push(body);
  }
  return bodies;
}
