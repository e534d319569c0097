// /ask question:<text> [since] [until] [source] [hide] — passages from the coverage that answer the
// question, with citations; since/until filter by publication date (undated articles are then left
// out, and the reply says so), source by publisher.
import { SlashCommandBuilder } from 'discord.js';
import { parseAskFilters } from '../src/answer/askFilters.js';
import type { CommandContext, CommandInteraction } from '../src/bot/context.js';
import { ephemeralIf } from '../src/bot/safety.js';
import { renderAsk } from '../src/render/discord.js';

export const QUESTION_MAX = 300;
/** A date is ten characters; a source name rarely needs more than this. */
export const SOURCE_MAX = 100;
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
  .addStringOption((o) =>
    o.setName('since').setDescription('Only articles published on or after this date (YYYY-MM-DD)').setMinLength(10).setMaxLength(10),
  )
  .addStringOption((o) =>
    o.setName('until').setDescription('Only articles published on or before this date (YYYY-MM-DD)').setMinLength(10).setMaxLength(10),
  )
  .addStringOption((o) => o.setName('source').setDescription('Only articles from this publisher, e.g. Independent').setMaxLength(SOURCE_MAX))
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
  const filters = parseAskFilters({
    since: interaction.options.getString('since'),
    until: interaction.options.getString('until'),
    source: interaction.options.getString('source'),
  });
  if ('error' in filters) {
    await ctx.pager.show(interaction, [{ content: `Sorry: ${filters.error}.`, embeds: [] }]);
    return;
  }
  const answer = ctx.library.ask(question.trim(), { ...ASK_OPTIONS, ...filters });
  const urls = new Map(ctx.library.coverage.articles.map((a) => [a.doc, a.url]));
  await ctx.pager.show(interaction, renderAsk(answer, { articleUrl: (doc) => urls.get(doc) ?? null }));
}
