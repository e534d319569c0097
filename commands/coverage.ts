// /coverage [hide] — what the bot knows: articles, paragraphs, dates, sources, the newest articles;
// for members with Manage Server also the files skipped and why (then only they see the reply).
import { ApplicationCommandOptionType as Option, PermissionFlagsBits } from 'discord-api-types/v10';
import { summariseCoverage } from '../src/answer/coverageSummary.js';
import { defineCommand } from '../src/bot/commandContract.js';
import { ephemeralIf } from '../src/bot/safety.js';
import { renderCoverage } from '../src/render/coverage.js';

export const command = defineCommand({
  data: {
    name: 'coverage',
    description: 'What the bot covers: articles, dates, sources and the newest articles.',
    options: [{ type: Option.Boolean, name: 'hide', description: 'Only you see the answer' }],
  },
  async execute(interaction, args, ctx) {
    const summary = summariseCoverage(ctx.library.coverage);
    const moderator = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
    const showSkipped = moderator && summary.skipped.length > 0;
    // File paths are for moderators only, so a reply that lists them is never public.
    const hide = (args.hide ?? false) || showSkipped;
    await interaction.deferReply({ flags: ephemeralIf(hide) });
    await ctx.pager.show(interaction, renderCoverage(summary, { showSkipped }));
  },
});
