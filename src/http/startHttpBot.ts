// Starts the bot in HTTP interactions mode: the same dispatcher and commands as the gateway bot,
// fed by POST /interactions, answering through discord.js's REST client.
import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import { commandsByName } from '../../commands/index.js';
import type { Library } from '../answer/library.js';
import type { LibrarySource } from '../answer/snapshot.js';
import { ANSWER_REST_OPTIONS } from '../bot/client.js';
import type { Config } from '../bot/config.js';
import type { Deployment } from '../bot/deployment.js';
import { createDispatcher } from '../bot/dispatcher.js';
import type { Logger } from '../bot/log.js';
import { registerCommands } from '../bot/registerCommands.js';
import { commandContext, openBotState } from '../bot/start.js';
import { createInteractionServer, type HttpLimits } from './server.js';

export interface RunningHttpBot {
  port: number;
  /** Refuses new interactions, lets the ones in progress finish, then closes the port. */
  stop(): Promise<void>;
}

export async function startHttpBot({
  config,
  deployment,
  library,
  logger,
  limits,
}: {
  config: Config;
  deployment: Pick<Deployment, 'publicKey' | 'port' | 'host'>;
  /** A fixed library, or a source of snapshots (live coverage): the dispatcher reads `current` once per interaction. */
  library: Library | LibrarySource;
  logger: Logger;
  /** Client timeouts and the connection cap; defaults in DEFAULT_HTTP_LIMITS (src/http/server.ts). */
  limits?: Partial<HttpLimits>;
}): Promise<RunningHttpBot> {
  if (!deployment.publicKey) throw new Error('HTTP interactions need DISCORD_PUBLIC_KEY');
  if (config.registerCommandsOnStart && config.token && config.appId) {
    const done = await registerCommands({ token: config.token, appId: config.appId, guildId: config.guildId, apiUrl: config.apiUrl });
    logger.info(done, 'registered commands');
  }
  // Interaction webhooks authenticate by their token in the path; the bot token is not needed to answer.
  const rest = new REST({ api: config.apiUrl, ...ANSWER_REST_OPTIONS });
  if (config.token) rest.setToken(config.token);
  const shared = await openBotState(config, logger);
  const dispatch = createDispatcher(commandsByName, commandContext(config, library, logger, shared));
  const http = createInteractionServer({ publicKey: deployment.publicKey, rest, dispatch, logger, limits, shared });
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(deployment.port, deployment.host, () => resolve());
  });
  const port = (http.server.address() as AddressInfo).port;
  logger.info({ port }, 'listening for interactions');
  let stopping: Promise<void> | null = null;
  return {
    port,
    stop() {
      stopping ??= http.drain().then(() => shared.close());
      return stopping;
    },
  };
}
