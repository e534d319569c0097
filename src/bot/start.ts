// Starts the real bot: one client, one dispatcher, the pager. main.ts, the sandbox and the
// end-to-end tests all start it through this one function.
import { Events, type Client } from 'discord.js';
import { commandsByName } from '../../commands/index.js';
import type { Library } from '../answer/library.js';
import { currentLibrary, type LibrarySource } from '../answer/snapshot.js';
import { createClient } from './client.js';
import type { Config } from './config.js';
import { createDispatcher } from './dispatcher.js';
import type { Logger } from './log.js';
import { Pager } from './pagination.js';
import { registerCommands } from './registerCommands.js';

export interface StartOptions {
  config: Config;
  /** A fixed library, or a source of snapshots (live coverage): read once per interaction. */
  library: Library | LibrarySource;
  logger: Logger;
  /** How long Previous/Next work (default 5 minutes); tests shorten it. */
  pageTimeoutMs?: number;
}

export interface RunningBot {
  client: Client<true>;
  pager: Pager;
  /** Disables live buttons, then closes the gateway connection. */
  stop(): Promise<void>;
}

export async function startBot({ config, library, logger, pageTimeoutMs }: StartOptions): Promise<RunningBot> {
  if (!config.token) throw new Error('startBot needs a token');
  if (config.registerCommandsOnStart && config.appId) {
    const done = await registerCommands({ token: config.token, appId: config.appId, guildId: config.guildId, apiUrl: config.apiUrl });
    logger.info(done, 'registered commands');
  }
  const client = createClient(config);
  const pager = new Pager(logger, pageTimeoutMs);
  const refresh = 'refresh' in library && library.refresh ? library.refresh.bind(library) : undefined;
  // A fixed library that /add replaces (ctx.library = next) stays replaced for later interactions.
  let fixed = currentLibrary(library);
  // Each interaction answers from the snapshot current when it arrived, to the end, even if the
  // coverage changes meanwhile (src/answer/snapshot.ts).
  client.on(Events.InteractionCreate, (interaction) => {
    let snapshot = 'current' in library ? library.current : fixed;
    const ctx = {
      get library() {
        return snapshot;
      },
      set library(next: Library) {
        snapshot = next;
        if (!('current' in library)) fixed = next;
      },
      refresh,
      logger,
      pager,
      config,
    };
    return createDispatcher(commandsByName, ctx)(interaction);
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const live = await ready;
  logger.info({ user: live.user.tag, guilds: live.guilds.cache.size }, 'logged in');
  let stopping: Promise<void> | null = null;
  return {
    client: live,
    pager,
    stop() {
      stopping ??= (async () => {
        await pager.stopAll();
        await client.destroy();
      })();
      return stopping;
    },
  };
}
