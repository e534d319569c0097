// The discord.js client, pointed at whichever API the config names (Discord, or the stand-in).
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from './config.js';
import { NO_MENTIONS } from './safety.js';

/**
 * discord.js's REST options for answering. Discord exempts interaction responses and their webhooks
 * from the bot-wide limit of 50 requests a second, but discord.js counts them against it, which would
 * cap a busy bot at 50 answers a second; Discord's own 429s (which discord.js waits out) stay the limit.
 */
export const ANSWER_REST_OPTIONS = { globalRequestsPerSecond: 1000 } as const;

export function createClient(config: Pick<Config, 'apiUrl'>, extra: Partial<ClientOptions> = {}): Client {
  return new Client({
    ...extra,
    // Slash commands need no privileged intents; Guilds gives channels for collectors.
    intents: [GatewayIntentBits.Guilds],
    // discord.js fetches GET {api}/v10/gateway/bot and connects to the ws URL it returns.
    rest: { api: config.apiUrl, ...ANSWER_REST_OPTIONS },
    // The default for every message; each reply also sets it explicitly.
    allowedMentions: NO_MENTIONS,
  });
}
