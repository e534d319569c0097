// The discord.js client, pointed at whichever API the config names (Discord, or the stand-in).
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from './config.js';
import { NO_MENTIONS } from './safety.js';

export function createClient(config: Pick<Config, 'apiUrl'>, extra: Partial<ClientOptions> = {}): Client {
  return new Client({
    ...extra,
    // Slash commands need no privileged intents; Guilds gives channels for collectors.
    intents: [GatewayIntentBits.Guilds],
    // discord.js fetches GET {api}/v10/gateway/bot and connects to the ws URL it returns.
    rest: { api: config.apiUrl },
    // The default for every message; each reply also sets it explicitly.
    allowedMentions: NO_MENTIONS,
  });
}
