// Registers the slash commands over REST: in one guild when a guild id is given (instant, for
// development), else globally. Used by `npm run deploy-commands` and REGISTER_COMMANDS_ON_START.
import { REST, Routes } from 'discord.js';
import { commands as allCommands } from '../../commands/index.js';
import type { RegisteredCommand } from './commandContract.js';

export interface RegisterTarget {
  token: string;
  appId: string;
  guildId: string | null;
  apiUrl: string;
}

export interface Registered {
  scope: 'guild' | 'global';
  names: string[];
}

export async function registerCommands(target: RegisterTarget, commands: readonly RegisteredCommand[] = allCommands): Promise<Registered> {
  const rest = new REST({ api: target.apiUrl }).setToken(target.token);
  const route = target.guildId ? Routes.applicationGuildCommands(target.appId, target.guildId) : Routes.applicationCommands(target.appId);
  const stored = (await rest.put(route, { body: commands.map((c) => c.data) })) as { name: string }[];
  return { scope: target.guildId ? 'guild' : 'global', names: stored.map((c) => c.name) };
}
