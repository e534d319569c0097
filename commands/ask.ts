// /ask question:<text> [hide] — passages from the coverage that answer the question, with citations.
import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext, CommandInteraction } from '../src/bot/context.js';
import { ephemeralIf } from '../src/bot/safety.js';
import { renderAsk } from '../src/render/discord.js';

export const QUESTION_MAX = 300;
/**
 * Enough results for a few pages (the pager shows three at a time); passages far below the best,
 * which share one common word with the question, only add pages to read.
 */
export const ASK_OPTIONS = { limit: 12, minRelativeScore: 0.2 } as const;

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the news coverage; answers cite the articles.')
  .addStringOption((o) =>
    o.setName('question').setDescription('What do you want to know?').setRequired(true).setMaxLength(QUESTION_MAX),
  )
  .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer'))
  .toJSON();

export async function execute(interaction: CommandInteraction, ctx: CommandContext): Promise<void> {
  const hide = interaction.options.getBoolean('hide') ?? false;
  // Searching can take over a second on a cold index; acknowledge first (Discord allows 3 s).
  await interaction.deferReply({ flags: ephemeralIf(hide) });
  const question = interaction.options.getString('question', true);
  if (!/[\p{L}\p{N}]/u.test(question)) {
    await ctx.pager.show(interaction, [
      { content: 'Please ask a question in words, e.g. `/ask question: Why did Marco Rubio pull out of the London talks?`', embeds: [] },
    ]);
    return;
  }
  const answer = ctx.library.ask(question.trim(), ASK_OPTIONS);
  const urls = new Map(ctx.library.coverage.articles.map((a) => [a.doc, a.url]));
  await ctx.pager.show(interaction, renderAsk(answer, { articleUrl: (doc) => urls.get(doc) ?? null }));
}
