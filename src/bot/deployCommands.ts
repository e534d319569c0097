// `npm run deploy-commands`: registers the slash commands (commands/index.ts) with Discord (guild when DISCORD_GUILD_ID is
// set, which is instant; else global).
import { config as loadEnv } from 'dotenv';
import { parseConfig } from './config.js';
import { registerCommands } from './registerCommands.js';
import { scrub } from './log.js';

loadEnv({ quiet: true });
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(1);
}
const { token, appId, guildId, apiUrl } = parsed.config;
if (!token || !appId) {
  console.error('Set DISCORD_TOKEN and DISCORD_APP_ID in .env (and DISCORD_GUILD_ID for instant guild commands), then run npm run deploy-commands again.');
  process.exit(1);
}
try {
  const done = await registerCommands({ token, appId, guildId, apiUrl });
  const where = done.scope === 'guild' ? `in guild ${guildId}` : 'globally';
  console.log(`Registered ${done.names.map((n) => `/${n}`).join(', ')} ${where}.`);
} catch (error) {
  console.error(`Could not register commands: ${scrub((error as Error).message)}`);
  process.exit(1);
}
