// The one place interactions arrive, from the gateway (discord.js) or over HTTP (src/http/): routes
// commands and autocomplete to their module, rebuilds pages for page buttons from what the button
// carries, and turns any error into one short ephemeral line plus a log record.
import { MessageFlags, RESTJSONErrorCodes, type ApplicationCommandOptionType } from 'discord-api-types/v10';
import { BaseInteraction, type Interaction } from 'discord.js';
import type { Library } from '../answer/library.js';
import { argumentsOf, type ButtonPress, type CommandContext, type CommandInteraction, type Incoming, type RegisteredCommand } from './commandContract.js';
import { decodeButton, type OptionTypes } from './pageButtons.js';
import { NOT_YOURS } from './pagination.js';
import { ReplayInteraction } from './replay.js';
import { NO_MENTIONS, SORRY } from './safety.js';

export const EXPIRED = 'These buttons have expired. Run the command again to page through the results.';
export const UNKNOWN_COMMAND = 'I do not know that command (yet). Try /ask or /who.';


const privately = (content: string) => ({ content, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS });

/** What the dispatcher sees of a discord.js interaction (gateway mode). */
export function fromDiscordJs(interaction: Interaction): Incoming {
  if (interaction.isChatInputCommand()) return { kind: 'command', interaction };
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', interaction };
  if (interaction.isButton()) return { kind: 'button', interaction };
  return { kind: 'other', id: interaction.id, userId: interaction.user.id, type: interaction.type };
}

async function apologise(interaction: CommandInteraction): Promise<void> {
  const line = { content: SORRY, embeds: [], components: [], allowedMentions: NO_MENTIONS };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...line, flags: MessageFlags.Ephemeral });
  } else if (interaction.ephemeral) {
    await interaction.editReply(line);
  } else {
    // A public "thinking…" cannot become ephemeral: remove it and say sorry to the asker only.
    await interaction.deleteReply().catch(() => {});
    await interaction.followUp({ ...line, flags: MessageFlags.Ephemeral });
  }
}

async function apologiseForButton(press: ButtonPress): Promise<void> {
  // The page stays as it was; the sorry goes to the clicker only.
  if (!press.deferred && !press.replied) await press.reply(privately(SORRY));
  else await press.followUp(privately(SORRY));
}

/** name → option type for each command, from its definition (for rebuilding options from a button). */
export function optionTypesOf(commands: ReadonlyMap<string, RegisteredCommand>): OptionTypes {
  const known = new Map<string, Map<string, ApplicationCommandOptionType>>();
  return (name) => {
    const command = commands.get(name);
    if (!command) return undefined;
    let types = known.get(name);
    if (!types) {
      types = new Map((command.data.options ?? []).map((o) => [o.name, o.type]));
      known.set(name, types);
    }
    return types;
  };
}

/**
 * The shared context with its library read once, for one interaction: it answers from the snapshot
 * current when it arrived, to the end, even if the coverage changes meanwhile (src/answer/snapshot.ts).
 * /add's replacement (ctx.library = next) is passed on to the shared context for later interactions.
 */
export function pinnedContext(shared: CommandContext): CommandContext {
  let snapshot = shared.library;
  return {
    get library() {
      return snapshot;
    },
    set library(next: Library) {
      snapshot = next;
      shared.library = next;
    },
    refresh: shared.refresh,
    config: shared.config,
    logger: shared.logger,
    pager: shared.pager,
    shared: shared.shared,
  };
}

/**
 * One dispatcher per bot, in every mode (gateway, HTTP, the sandbox): each interaction it is given
 * runs with its own pinned context, so one reply never mixes two snapshots of the coverage.
 */
export function createDispatcher(commands: ReadonlyMap<string, RegisteredCommand>, shared: CommandContext) {
  const optionTypes = optionTypesOf(commands);

  async function press(button: ButtonPress, ctx: CommandContext): Promise<string | null> {
    const decoded = decodeButton(button.customId, optionTypes);
    if (!decoded) {
      await button.reply(privately(EXPIRED));
      return null;
    }
    if (decoded.asker !== button.user.id) {
      await button.reply(privately(NOT_YOURS));
      return null;
    }
    const query = 'query' in decoded ? decoded.query : await ctx.pager.store.get(decoded.key);
    const command = query ? commands.get(query.command) : undefined;
    if (!query || !command) {
      await button.reply(privately(EXPIRED));
      return null;
    }
    await command.execute(new ReplayInteraction(button, query, decoded.page), argumentsOf(command.data, query.options), ctx);
    return query.command;
  }

  async function route(incoming: Incoming, ctx: CommandContext, started: number): Promise<void> {
    const where = whereOf(incoming);
    switch (incoming.kind) {
      case 'command': {
        const interaction = incoming.interaction;
        const command = commands.get(interaction.commandName);
        if (!command) {
          await interaction.reply(privately(UNKNOWN_COMMAND));
          return;
        }
        await command.execute(interaction, argumentsOf(command.data, interaction.options.data), ctx);
        ctx.logger.info({ ...where, command: interaction.commandName, ms: Date.now() - started }, 'answered');
        return;
      }
      case 'autocomplete': {
        const interaction = incoming.interaction;
        const command = commands.get(interaction.commandName);
        if (command?.autocomplete) await command.autocomplete(interaction, ctx);
        else await interaction.respond([]);
        ctx.logger.debug({ ...where, command: interaction.commandName, ms: Date.now() - started }, 'autocomplete');
        return;
      }
      case 'button': {
        const command = await press(incoming.interaction, ctx);
        if (command) ctx.logger.info({ ...where, command, button: true, ms: Date.now() - started }, 'paged');
        return;
      }
      default:
        return;
    }
  }

  return async function dispatch(input: Interaction | Incoming): Promise<void> {
    const started = Date.now();
    const incoming = input instanceof BaseInteraction ? fromDiscordJs(input) : input;
    const where = whereOf(incoming);
    const ctx = pinnedContext(shared);
    try {
      await route(incoming, ctx, started);
    } catch (error) {
      if ((error as { code?: unknown }).code === RESTJSONErrorCodes.UnknownInteraction) {
        // Unknown interaction: its token has expired or was answered elsewhere. Too late to say anything (not even sorry): the user sees Discord's own "interaction failed".
        ctx.logger.warn({ ...where, err: error }, 'interaction expired before it was answered');
        return;
      }
      ctx.logger.error({ ...where, err: error }, 'interaction failed');
      try {
        if (incoming.kind === 'autocomplete') {
          if (!incoming.interaction.responded) await incoming.interaction.respond([]);
        } else if (incoming.kind === 'command') {
          await apologise(incoming.interaction);
        } else if (incoming.kind === 'button') {
          await apologiseForButton(incoming.interaction);
        }
      } catch (again) {
        ctx.logger.error({ ...where, err: again }, 'could not tell the user about the failure');
      }
    }
  };
}

function whereOf(incoming: Incoming): { interactionId: string; userId: string; kind: string } {
  if (incoming.kind === 'other') return { interactionId: incoming.id, userId: incoming.userId, kind: 'other' };
  return { interactionId: incoming.interaction.id, userId: incoming.interaction.user.id, kind: incoming.kind };
}
