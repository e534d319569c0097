// /coverage [hide] — what the bot knows: articles, paragraphs, dates, sources, the newest articles;
// for members with Manage Server also the files skipped and why (then only they see the reply).
import { PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { summariseCoverage } from '../src/answer/coverageSummary.js';
import type { CommandContext } from '../src/bot/context.js';
import { ephemeralIf } from '../src/bot/safety.js';
import { renderCoverage } from '../src/render/coverage.js';

export const data = new SlashCommandBuilder()
  .setName('coverage')
  .setDescription('What the bot covers: articles, dates, sources and the newest articles.')
  .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer'))
  .toJSON();

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const summary = summariseCoverage(ctx.library.coverage);
  const moderator = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  const showSkipped = moderator && summary.skipped.length > 0;
  // File paths are for moderators only, so a reply that lists them is never public.
  const hide = (interaction.options.getBoolean('hide') ?? false) || showSkipped;
  await interaction.deferReply({ flags: ephemeralIf(hide) });
  await ctx.pager.show(interaction, renderCoverage(summary, { showSkipped }));
}
