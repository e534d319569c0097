// Starts the real bot: one client, one dispatcher, the pager. main.ts, the sandbox and the
// end-to-end tests all start it through this one function.
import { Events, type Client, type ClientOptions } from 'discord.js';
import { commandsByName } from '../../commands/index.js';
import type { Library } from '../answer/library.js';
import { currentLibrary, type LibrarySource } from '../answer/snapshot.js';
import { createClient } from './client.js';
import type { Config } from './config.js';
import type { CommandContext } from './commandContract.js';
import { createDispatcher, optionTypesOf } from './dispatcher.js';
import type { Logger } from './log.js';
import { QueryStore } from './pageButtons.js';
import { Pager } from './pagination.js';
import { openSharedState } from '../state/openSharedState.js';
import type { SharedState } from '../state/sharedState.js';
import { registerCommands } from './registerCommands.js';

export interface StartOptions {
  config: Config;
  /** A fixed library, or a source of snapshots (live coverage, src/live/): read once per interaction. */
  library: Library | LibrarySource;
  logger: Logger;
  /** Extra discord.js client options (e.g. shards, set by the sharding manager through the environment). */
  client?: Partial<ClientOptions>;
}

export interface RunningBot {
  client: Client<true>;
  /** Waits for answers in progress, then closes the gateway connection. */
  stop(): Promise<void>;
}

/**
 * The bot's shared state (REDIS_URL, else the embedded store in CACHE_DIR), with its place in the log;
 * throws one line when REDIS_URL is set and cannot be reached.
 */
export async function openBotState(config: Pick<Config, 'redisUrl' | 'cacheDir'>, logger: Logger): Promise<SharedState> {
  const shared = await openSharedState({ redisUrl: config.redisUrl, cacheDir: config.cacheDir, warn: (line) => logger.warn(line) });
  logger.debug({ sharedState: shared.where }, 'shared state');
  return shared;
}

/**
 * The context every command runs with, the same in gateway and HTTP mode. With a source of snapshots
 * (a live library) `library` is its current snapshot; a fixed library that /add replaces
 * (ctx.library = next) stays replaced for later interactions.
 */
export function commandContext(config: Config, library: Library | LibrarySource, logger: Logger, shared: SharedState): CommandContext {
  let fixed = currentLibrary(library);
  const refresh = 'refresh' in library && library.refresh ? library.refresh.bind(library) : undefined;
  return {
    get library() {
      return 'current' in library ? library.current : fixed;
    },
    set library(next: Library) {
      if (!('current' in library)) fixed = next;
    },
    refresh,
    config,
    logger,
    pager: new Pager(new QueryStore(shared, optionTypesOf(commandsByName))),
    shared,
  };
}

export async function startBot({ config, library, logger, client: clientOptions }: StartOptions): Promise<RunningBot> {
  if (!config.token) throw new Error('startBot needs a token');
  if (config.registerCommandsOnStart && config.appId) {
    const done = await registerCommands({ token: config.token, appId: config.appId, guildId: config.guildId, apiUrl: config.apiUrl });
    logger.info(done, 'registered commands');
  }
  const shared = await openBotState(config, logger);
  const client = createClient(config, clientOptions);
  const dispatch = createDispatcher(commandsByName, commandContext(config, library, logger, shared));
  // Answers in progress, so that stopping lets them finish before the connection closes.
  const inFlight = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    const answering = dispatch(interaction).finally(() => inFlight.delete(answering));
    inFlight.add(answering);
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
  } catch (error) {
    await client.destroy();
    await shared.close();
    throw error;
  }
  const live = await ready;
  logger.info({ user: live.user.tag, guilds: live.guilds.cache.size }, 'logged in');
  let stopping: Promise<void> | null = null;
  return {
    client: live,
    stop() {
      stopping ??= (async () => {
        // New interactions are no longer taken; the ones being answered finish first.
        client.removeAllListeners(Events.InteractionCreate);
        await Promise.allSettled([...inFlight]);
        await client.destroy();
        await shared.close();
      })();
      return stopping;
    },
  };
}
