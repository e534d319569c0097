// The one place interactions arrive: routes commands and autocomplete to their module, answers
// stale buttons, and turns any error into one short ephemeral line plus a log record.
import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import type { Command, CommandContext } from './context.js';
import { NO_MENTIONS, SORRY } from './safety.js';

export const EXPIRED = 'These buttons have expired. Run the command again to page through the results.';
export const UNKNOWN_COMMAND = 'I do not know that command (yet). Try /ask or /who.';

async function apologise(interaction: RepliableInteraction): Promise<void> {
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

export function createDispatcher(commands: Map<string, Command>, ctx: CommandContext) {
  return async function dispatch(interaction: Interaction): Promise<void> {
    const started = Date.now();
    const where = { interactionId: interaction.id, userId: interaction.user.id, type: interaction.type };
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) {
          await interaction.reply({ content: UNKNOWN_COMMAND, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
          return;
        }
        await command.execute(interaction, ctx);
        ctx.logger.info({ ...where, command: interaction.commandName, ms: Date.now() - started }, 'answered');
      } else if (interaction.isAutocomplete()) {
        const command = commands.get(interaction.commandName);
        if (command?.autocomplete) await command.autocomplete(interaction, ctx);
        else await interaction.respond([]);
        ctx.logger.debug({ ...where, command: interaction.commandName, ms: Date.now() - started }, 'autocomplete');
      } else if (interaction.isButton()) {
        // Live pagers answer their own buttons through a collector; anything else is left over.
        if (ctx.pager.handles(interaction.message.id)) return;
        await interaction.reply({ content: EXPIRED, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      }
    } catch (error) {
      ctx.logger.error({ ...where, err: error }, 'interaction failed');
      try {
        if (interaction.isAutocomplete()) {
          if (!interaction.responded) await interaction.respond([]);
        } else if (interaction.isRepliable()) {
          await apologise(interaction);
        }
      } catch (again) {
        ctx.logger.error({ ...where, err: again }, 'could not tell the user about the failure');
      }
    }
  };
}
